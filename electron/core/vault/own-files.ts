// Runs in: main, CLI, tests.
//
// Whether a path the user chose for a file Authdesk writes (an export, a backup folder's
// files) is one of the vault's own files, by name or, through a symlink or hard link, by
// identity: writing there would replace the vault or its backup with something else.
import { realpath, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { vaultFilesOf } from './vault.ts';

/** Where a name leads once the symlinks of its folder are resolved (the name itself need not exist). */
async function located(path: string): Promise<string> {
  const absolute = resolve(path);
  return join(await realpath(dirname(absolute)).catch(() => dirname(absolute)), basename(absolute));
}

/** Device and inode of what the path leads to, or null when there is nothing. */
async function identity(path: string): Promise<string | null> {
  return stat(path).then(
    (st) => `${st.dev}:${st.ino}`,
    () => null,
  );
}

export async function isVaultFile(path: string, vaultPath: string): Promise<boolean> {
  const vaultFiles = [...vaultFilesOf(await located(vaultPath)), ...vaultFilesOf(await realpath(vaultPath).catch(() => resolve(vaultPath)))];
  const names = [await located(path), await realpath(path).catch(() => null)];
  if (names.some((name) => name !== null && vaultFiles.includes(name))) return true;
  const id = await identity(path);
  return id !== null && (await Promise.all(vaultFiles.map(identity))).includes(id);
}
