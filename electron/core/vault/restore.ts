// Runs in: main, CLI, tests.
//
// Restoring a backup: the backup file is read and opened with its password first (a wrong
// password, a damaged file and a file that is no backup are three clear errors, and nothing
// has changed); only then, under the vault's write lock, is the current vault kept as a
// backup of its own and the vault file replaced by the backup, atomically. A restore can be
// undone by restoring that copy.
//
// Note (no throttle): a wrong backup password is not throttled like unlocking. A backup is a
// file anyone holding it can attack offline; its Argon2id cost is what slows guessing.
import { mkdir, readFile, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { AuthdeskError, isAuthdeskError } from '../errors.ts';
import { replaceFile } from './atomic-file.ts';
import { decryptData } from './data-codec.ts';
import { MAGIC, parseEnvelope } from './envelope.ts';
import { withFileLock } from './file-lock.ts';
import { openPasswordSlot } from './key-slots.ts';
import { lockPathOf } from './vault.ts';

/** Far above any real vault (5,000 accounts with icons is a few MB); anything larger is refused unread. */
export const MAX_BACKUP_BYTES = 64 * 1024 * 1024;

export interface CheckedBackup {
  readonly bytes: Buffer;
  /** How many accounts it holds. */
  readonly accounts: number;
}

function notABackup(path: string, why: string): AuthdeskError {
  return new AuthdeskError('BACKUP_UNRECOGNISED', `${path} is not an Authdesk backup (${why}). Nothing was changed. Choose a file named authdesk-backup-….authdesk, or the vault file itself.`);
}

async function readBytes(path: string): Promise<Buffer> {
  const st = await stat(path).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new AuthdeskError('NOT_FOUND', `There is no file at ${path}. Nothing was changed.`);
    throw error;
  });
  if (!st.isFile()) throw notABackup(path, 'it is not a file');
  if (st.size > MAX_BACKUP_BYTES) throw notABackup(path, 'it is far larger than any Authdesk vault');
  return readFile(path);
}

/** Reads the backup at `path` and opens it with `password`, changing nothing. */
export async function checkBackup(path: string, password: string): Promise<CheckedBackup> {
  const bytes = await readBytes(path);
  if (!bytes.subarray(0, MAGIC.length).equals(MAGIC)) throw notABackup(path, 'it does not start like an Authdesk vault');
  const damaged = (error: unknown): unknown =>
    isAuthdeskError(error, 'VAULT_DAMAGED') ? new AuthdeskError('BACKUP_DAMAGED', `The backup ${path} is damaged: ${error.message} Nothing was changed. Try an older backup.`) : error;
  let envelope;
  try {
    envelope = parseEnvelope(bytes);
  } catch (error) {
    throw damaged(error);
  }
  const slot = envelope.slots.find((s) => s.type === 'password');
  if (slot?.type !== 'password') throw notABackup(path, 'it has no password slot');
  const masterKey = await openPasswordSlot(slot, password);
  if (!masterKey) throw new AuthdeskError('BACKUP_WRONG_PASSWORD', 'Wrong password for this backup: it is the vault password from when the backup was made. Nothing was changed.');
  try {
    return { bytes, accounts: decryptData(envelope, masterKey).accounts.length };
  } catch (error) {
    throw damaged(error);
  } finally {
    masterKey.fill(0);
  }
}

/**
 * Replaces the vault file with a checked backup under the vault's write lock. `keepCurrent`
 * is given the current vault file first (none on a machine that lost it) and keeps it
 * somewhere; if it fails, nothing is replaced.
 */
export async function replaceVault(vaultPath: string, backup: CheckedBackup, keepCurrent: (current: Buffer) => Promise<void>, lockWaitMs?: number): Promise<void> {
  await mkdir(dirname(vaultPath), { recursive: true, mode: 0o700 });
  await withFileLock(
    lockPathOf(vaultPath),
    async () => {
      const current = await readFile(vaultPath).catch((error: unknown) => {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      });
      if (current !== null) await keepCurrent(current);
      await replaceFile(vaultPath, backup.bytes, 'previous');
    },
    { waitMs: lockWaitMs },
  );
}
