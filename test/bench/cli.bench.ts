// Runs in: benchmarks (`node test/bench/run.ts cli`).
//
// `authdesk list` as a user runs it (a new process, unlock, print) on a vault of 20,000
// accounts against the same on a vault of one. Target (issue 10): at most twice the one-account
// time plus 300 ms, i.e. nothing in the command grows faster than reading the vault does.
import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { encodeBase32 } from '../../electron/core/otp/base32.ts';
import type { Account } from '../../electron/core/vault/model.ts';
import { Vault } from '../../electron/core/vault/vault.ts';
import { CHEAP_KDF, PASSWORD } from '../support/vault.ts';
import { compare, result, type BenchResult } from './measure.ts';

const ACCOUNTS = 20_000;
const AUTHDESK = fileURLToPath(new URL('../../electron/cli/authdesk.ts', import.meta.url));
const run = promisify(execFile);

function accounts(count: number): Account[] {
  return Array.from({ length: count }, (_, i) => ({
    id: randomUUID(), issuer: `Service ${i % 250}`, label: `user${i}@example.com`,
    otp: { type: 'totp', secret: encodeBase32(randomBytes(20)), algorithm: 'SHA1', digits: 6, period: 30, counter: 0 },
    groupIds: [], favourite: false, icon: null, note: '', createdAt: 0, updatedAt: 0,
  }));
}

async function vaultWith(dir: string, count: number): Promise<string> {
  const path = join(dir, `vault-${count}.authdesk`);
  const vault = await Vault.create(path, PASSWORD, { kdf: CHEAP_KDF });
  await vault.mutate((data) => ({ ...data, accounts: accounts(count) }));
  vault.lock();
  return path;
}

export default async function (): Promise<BenchResult[]> {
  const dir = await mkdtemp(join(tmpdir(), 'authdesk-bench-cli-'));
  try {
    const large = await vaultWith(dir, ACCOUNTS);
    const small = await vaultWith(dir, 1);
    const env = { ...process.env, AUTHDESK_PASSWORD: PASSWORD };
    const list = (path: string) => () => run(process.execPath, [AUTHDESK, 'list', '--vault', path], { env, maxBuffer: 64 * 1024 * 1024 });
    const measured = await compare('cli.list-20k', `cli: authdesk list, ${ACCOUNTS} accounts vs 1 (target: at most 2 x the 1-account time + 300 ms)`, list(large), list(small), { runs: 5, warmup: 1 });
    return [result(measured.id, measured.name, measured.value, measured.baseline, { of: 'value', max: 2 * (measured.baseline ?? 0) + 300 })];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
