// Runs in: CLI, tests.
//
// The vault's own file errors as the CLI words them (the words for errno names are core's,
// platform/file-errors.ts).
import { dirname } from 'node:path';
import { AuthdeskError } from '../core/errors.ts';
import { describeFileError, type ErrnoError } from '../core/platform/file-errors.ts';

/** The vault path names a folder, or a path through a file: the user's mistake (exit 1). */
export function notAVaultPath(code: 'EISDIR' | 'ENOTDIR', vaultPath: string, defaultPath: string): AuthdeskError {
  const what = code === 'EISDIR' ? 'is a folder' : 'is inside something that is a file, not a folder';
  return new AuthdeskError('INVALID_INPUT', `${vaultPath} ${what}, so it cannot be a vault file (${code}). Give the vault file itself with --vault FILE (the default is ${defaultPath}).`);
}

/**
 * A file-system error that reached the top of a command: met on the vault or the settings, as
 * commands map their own files' errors. A folder where the vault file should be is the user's
 * mistake (INVALID_INPUT, exit 1); anything else leaves the vault unusable for now
 * (VAULT_UNAVAILABLE, exit 3). Writes are atomic, so the vault is unchanged.
 */
export function vaultFileError(error: ErrnoError, vaultPath: string, defaultPath: string): AuthdeskError {
  if (error.code === 'EISDIR' || error.code === 'ENOTDIR') return notAVaultPath(error.code, vaultPath, defaultPath);
  const advice: Readonly<Record<string, string>> = {
    ENOSPC: 'Free some disk space and try again.',
    EDQUOT: 'Free some disk space and try again.',
    EIO: 'Check the disk, then try again.',
  };
  const next = advice[error.code] ?? 'Check that you may read and write its folder, or give another vault with --vault FILE.';
  // The vault's own files (lock, backup, temporary files) and folder are "the vault"; another
  // file (the settings beside the app's vault) is named as itself.
  const beside = error.path === undefined || error.path.startsWith(vaultPath) || error.path === dirname(vaultPath);
  const subject = beside ? `the vault at ${vaultPath}` : error.path;
  return new AuthdeskError('VAULT_UNAVAILABLE', `Could not use ${subject}: ${describeFileError(error)}. The vault file was not changed. ${next}`);
}
