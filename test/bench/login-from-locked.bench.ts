// Runs in: benchmarks. `node test/bench/run.ts login-from-locked`
//
// From a locked vault to an active TrueNAS session through the CLI as it ships (the bundle
// `npm run build` makes, built first here), as a script runs it:
// `authdesk login nas --json` with AUTHDESK_PASSWORD, a new process each time (start, unlock at
// the floor's Argon2id cost, password, OTP_REQUIRED answered from the linked account, SUCCESS,
// the token saved in the vault). The baseline is the KDF alone: a bare Node process deriving
// the key once at the same parameters, so both pay a process start and Argon2id's first run.
// Target: the KDF plus 50 ms. `authdesk status` on the same vault is measured beside them
// (login.from-locked.no-login) to tell the CLI's start from the login's own time. Each login
// starts from a copy of the vault as it was before any login (a small file copy, inside the
// timing), so every run is a full login, never a resume. The CLI's compile cache
// (electron/cli/authdesk.ts) is warm after the first run, as on a person's machine.
import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { KDF_FLOOR } from '../../electron/core/vault/kdf.ts';
import { Vault } from '../../electron/core/vault/vault.ts';
import { demoSeed, startSandbox } from '../sandbox/index.ts';
import { buildElectron } from '../../scripts/build.ts';
import { PASSWORD } from '../support/vault.ts';
import { result, type BenchResult } from './measure.ts';

const AUTHDESK = fileURLToPath(new URL('../../dist/cli/authdesk.mjs', import.meta.url));
const KDF = new URL('../../electron/core/vault/kdf.ts', import.meta.url).href;
const run = promisify(execFile);
const RUNS = 7;
const WARMUP = 1;

export default async function (): Promise<BenchResult[]> {
  await buildElectron();
  const seed = demoSeed();
  // The unauthenticated rate limit (20 logins a minute) would stop the benchmark, not measure it.
  const sandbox = await startSandbox({ seed: { ...seed, truenas: { ...seed.truenas, rateLimit: Number.MAX_SAFE_INTEGER } }, truenasDelays: { otpFailureMs: 0, rateLimitMs: 0 } });
  const dir = await mkdtemp(join(tmpdir(), 'authdesk-bench-login-'));
  try {
    const admin = sandbox.users.find((u) => u.provider === 'truenas' && u.username === 'admin')!;
    const pristine = join(dir, 'before-login.authdesk');
    const path = join(dir, 'vault.authdesk');
    (await Vault.create(path, PASSWORD, { kdf: KDF_FLOOR })).lock();
    const env = { ...process.env, AUTHDESK_PASSWORD: PASSWORD, AUTHDESK_PROFILE_PASSWORD: admin.password };
    const cli = (args: readonly string[]) => run(process.execPath, [AUTHDESK, ...args, '--vault', path], { env });
    await cli(['add', admin.otpauth!]);
    const [account] = JSON.parse((await cli(['list', '--json'])).stdout) as { id: string }[];
    await cli(['profile', 'add', 'nas', '--provider', 'truenas', '--url', sandbox.urls.truenas, '--username', 'admin', '--otp-account', account!.id]);
    await copyFile(path, pristine);

    const login = async () => {
      await copyFile(pristine, path);
      const { stdout } = await cli(['login', 'nas', '--json']);
      if ((JSON.parse(stdout) as { state: string }).state !== 'active') throw new Error(`The login did not end active: ${stdout}`);
    };
    // A script file, not `node -e`: the KDF's worker thread inherits the process's flags.
    const kdfScript = join(dir, 'kdf-alone.mjs');
    await writeFile(kdfScript, `const { deriveKey } = await import(${JSON.stringify(KDF)});\n(await deriveKey('x', new Uint8Array(16), ${JSON.stringify(KDF_FLOOR)})).fill(0);\n`);
    const kdfAlone = () => run(process.execPath, [kdfScript]);
    // The same unlock and process without the login (`authdesk status` reads the vault only),
    // so the result shows where the time beyond the KDF goes: starting the CLI, or logging in.
    const statusOnly = () => cli(['status', '--json']);
    const samples = { login: [] as number[], status: [] as number[], kdf: [] as number[] };
    const timed = async (fn: () => Promise<unknown>) => {
      const start = performance.now();
      await fn();
      return performance.now() - start;
    };
    for (let i = 0; i < WARMUP; i += 1) for (const fn of [login, statusOnly, kdfAlone]) await fn();
    // Interleaved, so drift in the machine's load hits all three alike.
    for (let i = 0; i < RUNS; i += 1) {
      samples.login.push(await timed(login));
      samples.status.push(await timed(statusOnly));
      samples.kdf.push(await timed(kdfAlone));
    }
    const median = (values: number[]) => values.sort((x, y) => x - y)[Math.floor(values.length / 2)]!;
    const kdf = median(samples.kdf);
    return [
      result('login.from-locked', 'login.from-locked: `authdesk login` from a locked vault to an active TrueNAS session (automatic OTP) vs a bare Node process running the same Argon2id once (target: the KDF + 50 ms)', median(samples.login), kdf, { of: 'value', max: kdf + 50 }),
      result('login.from-locked.no-login', 'login.from-locked.no-login: `authdesk status` on the same vault (process, CLI start and unlock, no login) vs the same KDF process: the part of login.from-locked that is not the login', median(samples.status), kdf),
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
    await sandbox.close();
  }
}
