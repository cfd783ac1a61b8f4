// Runs in: benchmarks. `node test/bench/run.ts throttle`
//
// What the wrong-password throttle adds to a password check: two sidecar writes (the attempt
// counted before the KDF, cleared after) under the write lock, against the same check with no
// bookkeeping (read the file, open the password slot). Argon2id at its cheapest, so the
// difference is the throttle's; a calibrated KDF takes about 500 ms on top of both.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseEnvelope } from '../../electron/core/vault/envelope.ts';
import { openPasswordSlot } from '../../electron/core/vault/key-slots.ts';
import { Vault } from '../../electron/core/vault/vault.ts';
import { CHEAP_KDF, PASSWORD } from '../support/vault.ts';
import { compare, type BenchResult } from './measure.ts';

export default async function (): Promise<BenchResult[]> {
  const dir = await mkdtemp(join(tmpdir(), 'authdesk-bench-'));
  try {
    const path = join(dir, 'vault.authdesk');
    const vault = await Vault.create(path, PASSWORD, { kdf: CHEAP_KDF });
    vault.lock();
    const bare = async () => {
      const slot = parseEnvelope(await readFile(path)).slots.find((s) => s.type === 'password');
      if (slot?.type === 'password') (await openPasswordSlot(slot, PASSWORD))?.fill(0);
    };
    return [await compare('vault.throttled-password-check', 'throttle: password check with the throttle vs without (cheapest KDF)', () => vault.verifyPassword(PASSWORD), bare, { runs: 41 })];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
