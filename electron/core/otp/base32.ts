// Runs in: main, CLI, tests.
//
// Base32 (RFC 4648) for OTP secrets, through otplib's scure plugin. People type and paste
// secrets in every shape, so input is forgiving: spaces, dashes, lower case and "=" padding.
import { ScureBase32Plugin } from 'otplib';
import { AuthdeskError } from '../errors.ts';
import { secretBytes } from '../platform/secret-bytes.ts';
import { trimEnd } from './trim-end.ts';

const codec = new ScureBase32Plugin();
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
// A Base32 string can end after 2, 4, 5, 7 or 8 characters of its last 8-character block.
const VALID_TAIL_LENGTHS = new Set([0, 2, 4, 5, 7]);

function invalidSecret(): AuthdeskError {
  return new AuthdeskError('OTP_INVALID_SECRET', 'The secret is not valid Base32 (letters A-Z and digits 2-7).');
}

/** Decodes a Base32 secret, tolerating spaces, dashes, lower case and padding; the caller zeroes the bytes once used. */
export function decodeBase32(input: string): Uint8Array {
  const text = trimEnd(input.replace(/[\s-]+/g, ''), '=').toUpperCase();
  if (text.length === 0 || !VALID_TAIL_LENGTHS.has(text.length % 8)) throw invalidSecret();
  if (/[^A-Z2-7]/.test(text)) throw invalidSecret();
  const last = ALPHABET.indexOf(text.at(-1) ?? '');
  // Note (trailing bits): many issuers leave the unused low bits of the last character set;
  // scure rejects that, other authenticators ignore them, so clear them before decoding.
  const spareBits = (text.length * 5) % 8;
  const cleared = text.slice(0, -1) + (ALPHABET[last & ~((1 << spareBits) - 1)] ?? '');
  // The library's array is a small Uint8Array in the V8 heap: copied at once into memory of
  // its own and zeroed, so a caller's fill(0) wipes the only copy (platform/secret-bytes.ts).
  const out = secretBytes(Math.floor((cleared.length * 5) / 8));
  let decoded: Uint8Array;
  try {
    decoded = codec.decode(cleared);
  } catch {
    // The library's message may quote the input: it is replaced, not wrapped.
    throw invalidSecret();
  }
  out.set(decoded);
  decoded.fill(0);
  return new Uint8Array(out.buffer, out.byteOffset, out.length);
}

/** Upper case, no padding: the form OtpParams.secret stores. */
export function encodeBase32(bytes: Uint8Array): string {
  return codec.encode(bytes, { padding: false });
}
