// Runs in: main, CLI, tests.
//
// What the system said when a file could not be read or written, in words with what to do
// next. The errno name only follows in brackets, for searching: on its own it tells a person
// nothing. Core uses it for what it reports (a backup that failed), the CLI for its messages.
export type ErrnoError = Error & { code: string; syscall?: string; path?: string };

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
  // Authdesk's own codes all hold an underscore, so none passes for an errno name.
  return error instanceof Error && typeof (error as Partial<ErrnoError>).code === 'string' && /^E[A-Z]+$/.test((error as ErrnoError).code);
}

/** "permission denied (EACCES)": the reason in words, the errno name after it. */
export function describeFileError(error: unknown): string {
  if (!isErrnoError(error)) return 'the system refused';
  return `${WORDS[error.code] ?? 'the system refused'} (${error.code})`;
}
