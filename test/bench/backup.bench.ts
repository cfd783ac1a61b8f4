// Runs in: benchmarks. `node test/bench/run.ts backup`
//
// Automatic backups of a 5,000-account vault: making one (exclusive 0600 file, fsync, folder
// fsync, pruning to 10) against a raw write + fsync of as many bytes; and checking a backup
// before a restore (read, parse, open, decrypt; Argon2id at its cheapest, so the KDF is apart)
// against reading and decrypting the same bytes with the key in hand.
import { mkdtemp, open, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pruneBackups, writeBackup } from '../../electron/core/vault/backups.ts';
import { decryptData, encodeData } from '../../electron/core/vault/data-codec.ts';
import { encodeEnvelope, parseEnvelope } from '../../electron/core/vault/envelope.ts';
import { createPasswordSlot, newMasterKey } from '../../electron/core/vault/key-slots.ts';
import { checkBackup } from '../../electron/core/vault/restore.ts';
import { CHEAP_KDF, PASSWORD } from '../support/vault.ts';
import { compare, type BenchResult } from './measure.ts';
import { bigVault } from './vault.bench.ts';

const ACCOUNTS = 5000;

export default async function (): Promise<BenchResult[]> {
  const masterKey = newMasterKey();
  const bytes = encodeEnvelope([await createPasswordSlot(PASSWORD, masterKey, CHEAP_KDF)], masterKey, encodeData(bigVault(ACCOUNTS)));
  const dir = await mkdtemp(join(tmpdir(), 'authdesk-bench-backup-'));
  try {
    let at = 1_800_000_000_000;
    let raw = 0;
    const write = await compare(
      'backup.write-5k',
      `backup: write one of a ${ACCOUNTS}-account vault (${(bytes.length / 1e6).toFixed(1)} MB) and prune to 10`,
      async () => {
        await writeBackup(dir, bytes, (at += 1000));
        await pruneBackups(dir, 10);
      },
      async () => {
        const path = join(dir, `raw-${raw++}`);
        const handle = await open(path, 'wx', 0o600);
        await handle.write(bytes);
        await handle.sync();
        await handle.close();
        await unlink(path);
      },
      { runs: 15 },
    );
    const file = join(dir, 'check.authdesk');
    await writeFile(file, bytes);
    const check = await compare(
      'backup.check-5k',
      `restore: check a ${ACCOUNTS}-account backup with its password (cheapest Argon2id)`,
      () => checkBackup(file, PASSWORD),
      async () => decryptData(parseEnvelope(await readFile(file)), masterKey),
      { runs: 11 },
    );
    return [write, check];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
