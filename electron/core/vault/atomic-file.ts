// Runs in: main, CLI, tests.
//
// Atomic, durable replacement of the vault file with the previous generation kept beside it.
// A crash at any instant leaves the vault either old or new, never partial (DESIGN §3).
//
// Note (backup by hard link): the old file itself becomes the backup (hard-linked to the backup
// name, then the vault name moves to the new file), not a copy, so keeping it costs no extra
// data write or fsync, and the vault name never stops pointing at a complete file. Change
// together with docs/vault-format.md ("Files beside the vault").
import { randomBytes } from 'node:crypto';
import type { BigIntStats } from 'node:fs';
import { link, open, readdir, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export const FILE_MODE = 0o600;

export function backupPathOf(path: string): string {
  return `${path}.bak`;
}

function tempName(path: string, kind: string): string {
  return `${path}.tmp-${kind}-${process.pid}-${randomBytes(6).toString('hex')}`;
}

async function fsyncDir(dir: string): Promise<void> {
  // Windows cannot open a directory for fsync; NTFS journals the rename itself.
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Gives `path`'s current file the backup name too, replacing the older backup atomically. */
async function linkBackup(path: string): Promise<void> {
  const staging = tempName(path, 'bak');
  try {
    await link(path, staging);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  await rename(staging, backupPathOf(path));
  // When the backup already is this very file (a writer was killed between linking the backup
  // and renaming its new file in), rename() between two links of one inode does nothing and
  // leaves the staging name behind.
  await unlink(staging).catch(() => undefined);
}

export type BackupPolicy = 'previous' | 'current';

/** The file's contents, whole or as consecutive chunks. */
export type FileBytes = Uint8Array | readonly Uint8Array[];

/** One writev for all chunks (writeFile would wait on one write per chunk), resumed if the system wrote less. */
async function writeAll(handle: FileHandle, bytes: FileBytes): Promise<void> {
  let chunks = bytes instanceof Uint8Array ? [bytes] : [...bytes];
  while (chunks.length > 0) {
    // libuv splits the list by the OS's IOV_MAX itself.
    let { bytesWritten } = await handle.writev(chunks);
    const rest: Uint8Array[] = [];
    for (const chunk of chunks) {
      if (bytesWritten >= chunk.length) bytesWritten -= chunk.length;
      else {
        rest.push(chunk.subarray(bytesWritten));
        bytesWritten = 0;
      }
    }
    chunks = rest;
  }
}

async function writeSynced(path: string, bytes: FileBytes): Promise<void> {
  const handle = await open(path, 'wx', FILE_MODE);
  try {
    await writeAll(handle, bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Writes a new, fsynced file beside `path` and renames it onto `target`. */
async function renameNew(path: string, target: string, bytes: FileBytes, beforeRename: () => Promise<void>): Promise<void> {
  const temp = tempName(path, 'new');
  try {
    await writeSynced(temp, bytes);
    await beforeRename();
    await rename(temp, target);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

/**
 * Writes bytes to a temporary file in the same folder (mode 0600), fsyncs it, renames it over
 * `path` and fsyncs the folder. 'previous' keeps the replaced generation as the backup;
 * 'current' makes the backup a copy of the new generation (after a password change, so the
 * old password opens nothing Authdesk keeps). A copy, not a link: two names for one file
 * would let anything that edits the vault in place damage the backup too.
 */
export async function replaceFile(path: string, bytes: FileBytes, backup: BackupPolicy): Promise<void> {
  await renameNew(path, path, bytes, () => (backup === 'previous' ? linkBackup(path) : Promise.resolve()));
  if (backup === 'current') await renameNew(path, backupPathOf(path), bytes, () => Promise.resolve());
  await fsyncDir(dirname(path));
}

/**
 * Writes a file of its own at `path` (mode 0600, fsynced, then the folder fsynced), for files
 * Authdesk hands to the user. A new name is created exclusively, so neither a file nor a
 * symlink already there is written through; `replace` instead writes beside it and renames the
 * new file over the name, so an old file is replaced whole rather than written into, and a
 * symlink there is replaced, never followed. On failure nothing half-written is left.
 */
export async function writeOwnFile(path: string, bytes: FileBytes, replace: boolean): Promise<void> {
  if (replace) await renameNew(path, path, bytes, () => Promise.resolve());
  else {
    const handle = await open(path, 'wx', FILE_MODE);
    try {
      try {
        await writeAll(handle, bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
    } catch (error) {
      await unlink(path).catch(() => undefined);
      throw error;
    }
  }
  await fsyncDir(dirname(path));
}

/**
 * What identifies one version of the file on disk: every commit renames a new file into place,
 * so another writer's commit changes the inode and the times even when the size is the same.
 */
export function fingerprintOf(st: BigIntStats): string {
  return `${st.dev}:${st.ino}:${st.size}:${st.mtimeNs}:${st.ctimeNs}`;
}

export async function fingerprint(path: string): Promise<string> {
  return fingerprintOf(await stat(path, { bigint: true }));
}

/** The bytes of the file and the fingerprint of exactly those bytes. */
export async function readWithFingerprint(path: string): Promise<{ bytes: Buffer; fingerprint: string }> {
  const handle = await open(path, 'r');
  try {
    const st = await handle.stat({ bigint: true });
    return { bytes: await handle.readFile(), fingerprint: fingerprintOf(st) };
  } finally {
    await handle.close();
  }
}

/**
 * Removes temporary files that a killed process left behind (`<vault>.tmp-*`, and the lock's
 * and the throttle's `<vault>.<kind>.tmp-*`). Call only while holding the write lock: the
 * only temporary files then in flight are lock attempts, which retry when theirs vanishes.
 */
export async function removeLeftoverTemps(path: string): Promise<void> {
  const base = basename(path);
  const dir = dirname(path);
  for (const name of await readdir(dir)) {
    if (name.startsWith(`${base}.`) && name.includes('.tmp-')) await unlink(join(dir, name)).catch(() => undefined);
  }
}
