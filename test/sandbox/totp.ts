// Runs in: sandbox (`npm run sandbox` and tests; never shipped).
//
// Note (self-contained): the sandbox plays the server side and must not share the app's OTP code
// (electron/core/otp), or a bug there would be mirrored here and the tests would agree with it.

import { createHmac } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Decode(text: string): Buffer {
  const clean = text.replace(/[\s=]/g, '').toUpperCase();
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of clean) {
    const index = ALPHABET.indexOf(char);
    if (index < 0) throw new Error('not a Base32 string');
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((value >>> bits) & 0xff);
    }
  }
  return Buffer.from(bytes);
}

export interface TotpParams {
  readonly period?: number;
  readonly digits?: number;
}

/** RFC 6238 TOTP with HMAC-SHA1, the only algorithm the simulated servers use. */
export function totp(secret: string, timeMs: number, params: TotpParams = {}): string {
  return hotp(secret, Math.floor(timeMs / 1000 / (params.period ?? 30)), params.digits ?? 6);
}

function hotp(secret: string, counter: number, digits: number): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac('sha1', base32Decode(secret)).update(message).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/** Accepts the current step and `window` steps either side, as pyotp's `valid_window` does. */
export function verifyTotp(secret: string, code: string, timeMs: number, params: TotpParams & { window?: number } = {}): boolean {
  const period = params.period ?? 30;
  const digits = params.digits ?? 6;
  const step = Math.floor(timeMs / 1000 / period);
  const window = params.window ?? 0;
  for (let delta = -window; delta <= window; delta += 1) {
    if (hotp(secret, step + delta, digits) === code) return true;
  }
  return false;
}

export function otpauthUri(options: { issuer: string; label: string; secret: string; period?: number; digits?: number }): string {
  // Note (encoding): %20 rather than URLSearchParams' "+", which some authenticator apps show literally.
  const query = Object.entries({ secret: options.secret, issuer: options.issuer, algorithm: 'SHA1', digits: String(options.digits ?? 6), period: String(options.period ?? 30) })
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`).join('&');
  return `otpauth://totp/${encodeURIComponent(options.issuer)}:${encodeURIComponent(options.label)}?${query}`;
}
