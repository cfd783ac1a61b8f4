// Runs in: CLI, tests.
//
// What the system said when a file could not be read or written, in words with what to do
// next. The errno name only follows in brackets, for searching: on its own it tells a person
// nothing.
import { dirname } from 'node:path';
import { AuthdeskError, isAuthdeskError } from '../core/errors.ts';

type ErrnoError = Error & { code: string; syscall?: string; path?: string };

const WORDS: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'the system does not allow it',
  EROFS: 'the disk is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'your disk quota is used up',
  EIO: 'the disk reported an error',
  EISDIR: 'it is a folder, not a file',
  ENOTDIR: 'part of the path is a file, not a folder',
  ENOENT: 'the file or its folder does not exist',
  ENAMETOOLONG: 'the name is too long',
  EMFILE: 'too many files are open',
  EBUSY: 'the file is in use',
};

/** A Node.js file-system error (it carries an errno name such as EACCES). */
export function isErrnoError(error: unknown): error is ErrnoError {
  return error instanceof Error && !isAuthdeskError(error) && typeof (error as Partial<ErrnoError>).code === 'string' && /^E[A-Z]+$/.test((error as ErrnoError).code);
}

/** "permission denied (EACCES)": the reason in words, the errno name after it. */
export function describeFileError(error: unknown): string {
  if (!isErrnoError(error)) return 'the system refused';
  return `${WORDS[error.code] ?? 'the system refused'} (${error.code})`;
}

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
