// Runs in: main, CLI, tests. Never imports 'electron'.
//
// Every failure the user can meet is an AuthdeskError with a stable code. The UI and the CLI
// map codes to words and exit codes; messages are written for people and must never contain
// a secret (seed, password, token, key), because they travel to the renderer and to logs.

export const ERROR_CODES = [
  'INVALID_INPUT',
  'FORBIDDEN_SENDER',
  'USER_ACTION_REQUIRED',
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
  'VAULT_UNAVAILABLE',
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
  'BACKUP_WRONG_PASSWORD',
  'BACKUP_DAMAGED',
  'BACKUP_UNRECOGNISED',
  'FILE_UNREADABLE',
  'IMAGE_UNSUPPORTED',
  'IMAGE_TOO_LARGE',
  'QR_NOT_FOUND',
  'SCREEN_CAPTURE_DENIED',
  'SCREEN_UNAVAILABLE',
  'PROVIDER_ERROR',
  'PROVIDER_UNKNOWN',
  'PROVIDER_AUTH_FAILED',
  'PROVIDER_LOCKED',
  'PROVIDER_PASSWORD_EXPIRED',
  'PROVIDER_RATE_LIMITED',
  'PROVIDER_UNAVAILABLE',
  'PROVIDER_UNSUPPORTED',
  'NETWORK_ERROR',
  'NETWORK_TIMEOUT',
  'CERT_UNTRUSTED',
  'CERT_CHANGED',
  'CREDENTIAL_MISSING',
  'LOGIN_CANCELLED',
  'CLIPBOARD_UNAVAILABLE',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * The details allowed to leave main with an error: each is safe to show and lets the window do
 * better than quote the message (count down to retryAt, offer the backup, focus the field).
 * Every other detail stays in main, however harmless it looks.
 */
export interface WireDetails {
  /** When a throttled action may be tried again, in ms since the epoch. */
  readonly retryAt?: number;
  /** The previous good copy of a damaged vault. */
  readonly backupPath?: string;
  /** The input field a validation error is about, as a dot path. */
  readonly field?: string;
  /** The SHA-256 fingerprint of a certificate the person must decide about (CERT_UNTRUSTED, CERT_CHANGED); public by nature. */
  readonly fingerprint?: string;
}

const WIRE_DETAIL_KEYS = ['retryAt', 'backupPath', 'field', 'fingerprint'] as const satisfies readonly (keyof WireDetails)[];

export interface WireError {
  readonly code: ErrorCode;
  readonly message: string;
  readonly details?: WireDetails;
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
    const details: Record<string, unknown> = {};
    for (const key of WIRE_DETAIL_KEYS) if (this.details?.[key] !== undefined) details[key] = this.details[key];
    return Object.keys(details).length === 0 ? { code: this.code, message: this.message } : { code: this.code, message: this.message, details: details as WireDetails };
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
