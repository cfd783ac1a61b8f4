// Runs in: CLI.
//
// DESIGN §9: 0 done, 1 usage, 2 wrong password, 3 damaged or unreadable vault,
// 4 provider or network error, 5 not found; and 6: a file that is not the vault (an export
// being written, a backup being imported) could not be written, read or recognised. Scripts depend on
// these numbers: change together with README ("The CLI") and program.ts's help.
import type { ErrorCode } from '../core/errors.ts';

export const EXIT = { ok: 0, usage: 1, wrongPassword: 2, vaultUnreadable: 3, provider: 4, notFound: 5, file: 6 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

const BY_CODE: Partial<Record<ErrorCode, ExitCode>> = {
  INVALID_INPUT: EXIT.usage,
  VAULT_WRONG_PASSWORD: EXIT.wrongPassword,
  VAULT_THROTTLED: EXIT.wrongPassword,
  IMPORT_WRONG_PASSWORD: EXIT.wrongPassword,
  BACKUP_WRONG_PASSWORD: EXIT.wrongPassword,
  BACKUP_DAMAGED: EXIT.vaultUnreadable,
  BACKUP_UNRECOGNISED: EXIT.file,
  VAULT_DAMAGED: EXIT.vaultUnreadable,
  VAULT_TOO_NEW: EXIT.vaultUnreadable,
  VAULT_IN_USE: EXIT.vaultUnreadable,
  VAULT_UNAVAILABLE: EXIT.vaultUnreadable,
  PROVIDER_ERROR: EXIT.provider,
  PROVIDER_UNKNOWN: EXIT.provider,
  PROVIDER_AUTH_FAILED: EXIT.provider,
  PROVIDER_LOCKED: EXIT.provider,
  PROVIDER_PASSWORD_EXPIRED: EXIT.provider,
  PROVIDER_RATE_LIMITED: EXIT.provider,
  PROVIDER_UNAVAILABLE: EXIT.provider,
  PROVIDER_UNSUPPORTED: EXIT.provider,
  NETWORK_ERROR: EXIT.provider,
  NETWORK_TIMEOUT: EXIT.provider,
  CERT_UNTRUSTED: EXIT.provider,
  CERT_CHANGED: EXIT.provider,
  EXPORT_FAILED: EXIT.file,
  FILE_UNREADABLE: EXIT.file,
  IMPORT_UNKNOWN_FORMAT: EXIT.file,
  IMPORT_MALFORMED: EXIT.file,
  NOT_FOUND: EXIT.notFound,
  VAULT_NOT_FOUND: EXIT.notFound,
  CREDENTIAL_MISSING: EXIT.notFound,
};

export function exitCodeFor(code: ErrorCode): ExitCode {
  return BY_CODE[code] ?? EXIT.usage;
}
