// Runs in: main, CLI, tests.
//
// What an importer, a URI or a form produces before it becomes a vault Account: the OTP
// parameters plus the names a person sees. Everything that builds OtpParams goes through
// otpParams() so every source gets the same defaults and the same checks.
import { AuthdeskError } from '../errors.ts';
import type { OtpAlgorithm, OtpParams, OtpType } from './params.ts';
import { decodeBase32, encodeBase32 } from './base32.ts';

export interface OtpEntry {
  readonly issuer: string;
  readonly label: string;
  readonly otp: OtpParams;
}

export const OTP_TYPES: readonly OtpType[] = ['totp', 'hotp', 'steam'];
export const OTP_ALGORITHMS: readonly OtpAlgorithm[] = ['SHA1', 'SHA256', 'SHA512'];
export const DEFAULT_PERIOD = 30;
export const STEAM_DIGITS = 5;
export const MIN_DIGITS = 6;
export const MAX_DIGITS = 8;
// Note (period bound): a week covers every period seen in the wild; otplib's guardrails in
// engine.ts are set from this constant. Change together.
export const MAX_PERIOD = 7 * 24 * 3600;
// HMAC accepts any key length; the bound only stops a pasted blob from becoming a "secret".
export const MAX_SECRET_BYTES = 256;
// RFC 4226 asks for at least 128 bits and recommends 160; 80 bits is what real services still
// issue. Shorter secrets are accepted (the user cannot choose them) but the user is told.
export const WEAK_SECRET_BYTES = 10;
// Note (HOTP counter limit): the largest counter a JavaScript number holds exactly. otpParams,
// every importer (through it) and CodesService.nextHotp use this one bound, so no path can
// store a counter that would round.
export const MAX_HOTP_COUNTER = Number.MAX_SAFE_INTEGER;

export interface OtpInput {
  readonly type: OtpType;
  /** Base32 in any tolerated shape (spaces, lower case, padding). */
  readonly secret: string;
  readonly algorithm?: OtpAlgorithm | undefined;
  readonly digits?: number | undefined;
  readonly period?: number | undefined;
  readonly counter?: number | undefined;
}

/** Accepts "SHA1", "sha-256", "Sha512" ...; null for anything else. */
export function parseAlgorithm(text: string): OtpAlgorithm | null {
  const name = text.trim().toUpperCase().replace(/[-_]/, '');
  return OTP_ALGORITHMS.find((a) => a === name) ?? null;
}

/** Fills defaults and checks ranges. Steam is always SHA1 with 5 characters. */
export function otpParams(input: OtpInput): OtpParams {
  // Checked before decoding, so a pasted blob of megabytes costs nothing.
  if (typeof input.secret !== 'string' || input.secret.length > 4 * MAX_SECRET_BYTES) throw new AuthdeskError('OTP_INVALID_SECRET', `The secret is missing or longer than ${MAX_SECRET_BYTES} bytes.`);
  const bytes = decodeBase32(input.secret);
  let secret: string;
  try {
    if (bytes.length > MAX_SECRET_BYTES) throw new AuthdeskError('OTP_INVALID_SECRET', `The secret is longer than ${MAX_SECRET_BYTES} bytes.`);
    secret = encodeBase32(bytes);
  } finally {
    bytes.fill(0);
  }
  const steam = input.type === 'steam';
  const algorithm = steam ? 'SHA1' : (input.algorithm ?? 'SHA1');
  const digits = steam ? STEAM_DIGITS : (input.digits ?? MIN_DIGITS);
  const period = input.period ?? DEFAULT_PERIOD;
  const counter = input.type === 'hotp' ? (input.counter ?? 0) : 0;
  if (!OTP_TYPES.includes(input.type)) throw new AuthdeskError('OTP_UNSUPPORTED', 'Only TOTP, HOTP and Steam codes are supported.');
  if (!OTP_ALGORITHMS.includes(algorithm)) throw new AuthdeskError('OTP_UNSUPPORTED', 'Only the SHA1, SHA256 and SHA512 algorithms are supported.');
  if (!steam && (!Number.isInteger(digits) || digits < MIN_DIGITS || digits > MAX_DIGITS)) {
    throw new AuthdeskError('OTP_UNSUPPORTED', `Codes must have ${MIN_DIGITS} to ${MAX_DIGITS} digits.`);
  }
  if (!Number.isInteger(period) || period < 1 || period > MAX_PERIOD) {
    throw new AuthdeskError('OTP_UNSUPPORTED', `The period must be a whole number of seconds from 1 to ${MAX_PERIOD}.`);
  }
  if (!Number.isInteger(counter) || counter < 0 || counter > MAX_HOTP_COUNTER) {
    throw new AuthdeskError('OTP_UNSUPPORTED', `The HOTP counter must be a whole number from 0 to ${MAX_HOTP_COUNTER}.`);
  }
  return { type: input.type, secret, algorithm, digits, period, counter };
}

/** A warning for people when the secret is shorter than 80 bits, else null. */
export function weakSecretWarning(otp: OtpParams): string | null {
  const bytes = decodeBase32(otp.secret).length;
  return bytes < WEAK_SECRET_BYTES ? `Its secret is only ${bytes * 8} bits long (at least 80 is usual), so its codes are easier to guess; ask the service for a new one if it allows.` : null;
}

/** Same secret, issuer and label: what makes two entries duplicates when adding or importing. */
export function entryKey(entry: OtpEntry): string {
  return JSON.stringify([entry.otp.secret, entry.issuer, entry.label]);
}
