// Runs in: benchmarks. `node test/bench/run.ts login-truenas`
//
// A full TrueNAS login with the OTP answered automatically (connect, password, OTP_REQUIRED,
// OTP, SUCCESS, a token for next time, close) against the sandbox on loopback. The client's own
// time is the wall time less what the sandbox spent handling the frames in the same login, and
// that handling time is the baseline; the target is under 5 ms of client time per login. The
// socket's opening handshake is counted as client time (the sandbox does not time upgrades).
import { createTruenasProvider } from '../../electron/core/providers/truenas/index.ts';
import type { Profile } from '../../electron/core/vault/model.ts';
import { demoSeed, startSandbox, totp } from '../sandbox/index.ts';
import { FakeClock } from '../support/clock.ts';
import { RecordedSteps } from '../support/providers/recorded-steps.ts';
import { result, type BenchResult } from './measure.ts';

const RUNS = 101;
const WARMUP = 30;

export default async function (): Promise<BenchResult[]> {
  const clock = new FakeClock(Date.UTC(2026, 2, 1, 12, 0, 0));
  const seed = demoSeed();
  // The unauthenticated rate limit (20 logins a minute) would stop the benchmark, not measure it.
  const sandbox = await startSandbox({ clock, seed: { ...seed, truenas: { ...seed.truenas, rateLimit: Number.MAX_SAFE_INTEGER } }, truenasDelays: { otpFailureMs: 0, rateLimitMs: 0 } });
  try {
    const admin = seed.truenas.users.find((u) => u.username === 'admin')!;
    const truenas = createTruenasProvider();
    const profile: Profile = { id: 'bench', name: 'bench', provider: 'truenas', baseUrl: truenas.baseUrl(sandbox.urls.truenas), username: 'admin', credentialId: 'c', otpAccountId: null, options: {} };
    const once = async () => {
      const steps = new RecordedSteps({ credential: { kind: 'password', secret: admin.password }, otp: () => totp(admin.totp!.secret, clock.now()) });
      sandbox.handlingTime.reset();
      const start = performance.now();
      await truenas.login({ profile, steps, resume: null }, new AbortController().signal);
      const wall = performance.now() - start;
      const handling = sandbox.handlingTime.snapshot().ms;
      return { client: wall - handling, handling };
    };
    for (let i = 0; i < WARMUP; i += 1) await once();
    const samples = [];
    for (let i = 0; i < RUNS; i += 1) samples.push(await once());
    const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    return [result('login.truenas', 'TrueNAS login with automatic OTP: client time (wall less sandbox handling) vs the sandbox handling time', median(samples.map((s) => s.client)), median(samples.map((s) => s.handling)), { of: 'value', max: 5 })];
  } finally {
    await sandbox.close();
  }
}
