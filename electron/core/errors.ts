// Runs in: main, CLI, tests. Never imports 'electron'.
//
// Every failure the user can meet is an AuthdeskError with a stable code. The UI and the CLI
// map codes to words and exit codes; messages are written for people and must never contain
// a secret (seed, password, token, key), because they travel to the renderer and to logs.

export const ERROR_CODES = [
  'INVALID_INPUT',
  'FORBIDDEN_SENDER',
  'UNKNOWN_CHANNEL',
  'INTERNAL',
  'NOT_FOUND',
  'VAULT_NOT_FOUND',
  'VAULT_EXISTS',
  'VAULT_LOCKED',
  'VAULT_WRONG_PASSWORD',
  'VAULT_DAMAGED',
  'VAULT_TOO_NEW',
  'VAULT_IN_USE',
  'VAULT_THROTTLED',
  'KEYCHAIN_UNAVAILABLE',
  'KEYCHAIN_INSECURE',
  'OTP_INVALID_SECRET',
  'OTP_INVALID_URI',
  'OTP_UNSUPPORTED',
  'IMPORT_UNKNOWN_FORMAT',
  'IMPORT_MALFORMED',
  'IMPORT_WRONG_PASSWORD',
  'IMPORT_PASSWORD_REQUIRED',
  'EXPORT_FAILED',
  'PROVIDER_ERROR',
  'PROVIDER_UNKNOWN',
  'NETWORK_ERROR',
  'CREDENTIAL_MISSING',
  'LOGIN_CANCELLED',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface WireError {
  readonly code: ErrorCode;
  readonly message: string;
}

export class AuthdeskError extends Error {
  readonly code: ErrorCode;
  readonly details: Readonly<Record<string, string | number | boolean>> | undefined;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown; details?: Record<string, string | number | boolean> }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AuthdeskError';
    this.code = code;
    this.details = options?.details;
  }

  toWire(): WireError {
    return { code: this.code, message: this.message };
  }
}

export function isAuthdeskError(error: unknown, code?: ErrorCode): error is AuthdeskError {
  return error instanceof AuthdeskError && (code === undefined || error.code === code);
}

// Only AuthdeskError messages are trusted to be free of secrets. Anything else (a library's
// exception, a TypeError) is replaced: its text may quote the data that caused it.
export function toWireError(error: unknown): WireError {
  if (error instanceof AuthdeskError) return error.toWire();
  return { code: 'INTERNAL', message: 'Something went wrong inside Authdesk. Nothing was changed.' };
}
