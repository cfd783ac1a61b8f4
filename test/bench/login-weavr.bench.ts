// Runs in: benchmarks (`node test/bench/run.ts login-weavr`).
//
// A Weavr Multi login (/login_with_password, /identities, /access_token) and one identity
// switch (/access_token) against the sandbox over loopback. The client's own time is the wall
// time less what the sandbox spent handling the four requests (sandbox.handlingTime), which is
// reported beside it as the baseline from the same runs. Target (issue 11): under 5 ms of
// client time per login.
import type { LoginSteps } from '../../electron/core/providers/index.ts';
import { createWeavrProvider, PROGRAMME_KEY_OPTION } from '../../electron/core/providers/weavr/index.ts';
import type { Profile } from '../../electron/core/vault/model.ts';
import { demoSeed, startSandbox } from '../sandbox/index.ts';
import { result, type BenchResult } from './measure.ts';

const RUNS = 61;
const WARMUP = 20;

export default async function (): Promise<BenchResult[]> {
  const seed = demoSeed();
  // Hundreds of logins a minute from one address would meet the sandbox's 429 otherwise.
  const sandbox = await startSandbox({ seed: { ...seed, weavr: { ...seed.weavr, loginRateLimit: 1_000_000 } } });
  try {
    const weavr = createWeavrProvider();
    const profile: Profile = {
      id: 'bench', name: 'bench', provider: 'weavr', baseUrl: weavr.baseUrl(sandbox.urls.weavr), username: 'alice@example.com',
      credentialId: 'c', otpAccountId: null, options: { [PROGRAMME_KEY_OPTION]: seed.weavr.apiKey },
    };
    const steps: LoginSteps = {
      credential: async () => ({ kind: 'password', secret: 'weavr-alice' }),
      otp: () => Promise.reject(new Error('no OTP in a Weavr login')),
      approval: (_notice, pending) => pending,
      offerSeed: async () => false,
    };
    const once = async () => {
      const signal = new AbortController().signal;
      const session = await weavr.login({ profile, steps, resume: null }, signal);
      await weavr.switchIdentity!({ profile, token: session.token, identityId: 'CORPORATE:3001' }, signal);
    };
    const client: number[] = [];
    const server: number[] = [];
    for (let i = 0; i < WARMUP + RUNS; i += 1) {
      sandbox.handlingTime.reset();
      const start = performance.now();
      await once();
      const wall = performance.now() - start;
      const handled = sandbox.handlingTime.snapshot().ms;
      if (i < WARMUP) continue;
      client.push(wall - handled);
      server.push(handled);
    }
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
    return [result('login.weavr-switch', 'login: Weavr Multi login + one identity switch, client time (wall less sandbox handling) vs sandbox handling time (target: client under 5 ms)', median(client), median(server), { of: 'value', max: 5 })];
  } finally {
    await sandbox.close();
  }
}
