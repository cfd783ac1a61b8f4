// Runs in: benchmarks (`node test/bench/run.ts login-appgate`).
//
// A full Appgate SDP admin login with MFA (AlreadySeeded: partial token, initialize, one TOTP
// code, final token) against the sandbox over real sockets. The client's own time is the wall
// time less what the sandbox spent handling the same requests, which is reported beside it as
// the baseline. Target (issue 11): under 5 ms of client time per login.
import { randomUUID } from 'node:crypto';
import { createAppgateProvider } from '../../electron/core/providers/appgate/index.ts';
import type { LoginSteps } from '../../electron/core/providers/index.ts';
import type { Profile } from '../../electron/core/vault/model.ts';
import { startSandbox, totp } from '../sandbox/index.ts';
import { result, type BenchResult } from './measure.ts';

const RUNS = 40;
const WARMUP = 5;

export default async function (): Promise<BenchResult[]> {
  const sandbox = await startSandbox();
  try {
    const admin = sandbox.seed.appgate.users.find((u) => u.username === 'admin')!;
    const secret = (admin.mfa as { secret: string }).secret;
    const profile: Profile = { id: randomUUID(), name: 'bench', provider: 'appgate', baseUrl: sandbox.urls.appgate, username: admin.username, credentialId: 'cred', otpAccountId: null, options: {} };
    const steps: LoginSteps = {
      credential: async () => ({ kind: 'password', secret: admin.password }),
      otp: async () => totp(secret, Date.now()),
      approval: (_notice, pending) => pending,
      offerSeed: async () => false,
    };
    const provider = createAppgateProvider();
    const client: number[] = [];
    const server: number[] = [];
    for (let i = 0; i < WARMUP + RUNS; i++) {
      sandbox.handlingTime.reset();
      const start = performance.now();
      await provider.login({ profile, steps, resume: null }, new AbortController().signal);
      const wall = performance.now() - start;
      const handled = sandbox.handlingTime.snapshot().ms;
      if (i < WARMUP) continue;
      client.push(wall - handled);
      server.push(handled);
    }
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    return [result('login.appgate', 'login: Appgate SDP admin login with TOTP MFA, client time vs the sandbox\'s handling time (target: client under 5 ms)', median(client), median(server), { of: 'value', max: 5 })];
  } finally {
    await sandbox.close();
  }
}
