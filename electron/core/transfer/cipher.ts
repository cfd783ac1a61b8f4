// Runs in: main, CLI, tests.
//
// The few ciphers and KDFs foreign backups use, through node:crypto (present in both Node
// and Electron's BoringSSL build; both run them on libuv's pool, off the main thread). KDF
// parameters read from a file are bounded before use: a damaged or hostile file must not make
// an import run for minutes or exhaust memory.

import { createCipheriv, createDecipheriv, pbkdf2 as pbkdf2Callback, scrypt as scryptCallback } from 'node:crypto';
import { promisify } from 'node:util';
import { AuthdeskError } from '../errors.ts';
import { excessiveKdfError } from '../vault/kdf.ts';

const pbkdf2Async = promisify(pbkdf2Callback);
const GCM_TAG_BYTES = 16;

export function requirePassword(password: string | undefined, what: string): string {
  if (password === undefined || password === '') throw new AuthdeskError('IMPORT_PASSWORD_REQUIRED', `This ${what} is encrypted: enter the password it was exported with.`);
  return password;
}

export function wrongPassword(what: string): AuthdeskError {
  return new AuthdeskError('IMPORT_WRONG_PASSWORD', `The password is wrong, or this ${what} is damaged.`);
}

/** AES-256-GCM decryption; null when the tag does not verify (wrong key or damaged data). */
export function aesGcmOpen(key: Uint8Array, nonce: Uint8Array, ciphertext: Uint8Array, tag: Uint8Array): Buffer | null {
  if (key.length !== 32 || nonce.length === 0 || tag.length !== GCM_TAG_BYTES) return null;
  const decipher = createDecipheriv('aes-256-gcm', key, nonce);
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  } catch {
    return null;
  }
}

/** AES-256-GCM with the tag appended to the ciphertext, as Java's Cipher writes it. */
export function aesGcmOpenAppended(key: Uint8Array, nonce: Uint8Array, sealed: Uint8Array): Buffer | null {
  if (sealed.length < GCM_TAG_BYTES) return null;
  return aesGcmOpen(key, nonce, sealed.subarray(0, sealed.length - GCM_TAG_BYTES), sealed.subarray(sealed.length - GCM_TAG_BYTES));
}

export function aesGcmSeal(key: Uint8Array, nonce: Uint8Array, plaintext: Uint8Array): { ciphertext: Buffer; tag: Buffer } {
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { ciphertext, tag: cipher.getAuthTag() };
}

/** AES-256-CBC with PKCS#7 padding; null when the padding is wrong (wrong key or damage). */
export function aesCbcOpen(key: Uint8Array, iv: Uint8Array, ciphertext: Uint8Array): Buffer | null {
  if (key.length !== 32 || iv.length !== 16 || ciphertext.length === 0 || ciphertext.length % 16 !== 0) return null;
  const decipher = createDecipheriv('aes-256-cbc', key, iv);
  try {
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  } catch {
    return null;
  }
}

// Note (KDF bounds): every format that lets a file choose its KDF settings declares the most
// its own app ever writes, with a margin, next to its importer; settings beyond that are refused
// before any work, with excessiveKdfError. Settings that are not a KDF at all stay "damaged".
/** The most PBKDF2 work a format's files may ask for. */
export interface Pbkdf2Bounds {
  readonly app: string;
  readonly maxIterations: number;
}

/** The most scrypt work a format's files may ask for; work is N·r·p, memory 128·N·r bytes. */
export interface ScryptBounds {
  readonly app: string;
  readonly max: ScryptParams;
  readonly maxWork: number;
}

export interface ScryptParams {
  readonly n: number;
  readonly r: number;
  readonly p: number;
}

export async function pbkdf2(password: string, salt: Uint8Array, iterations: number, digest: 'sha1' | 'sha256', bounds: Pbkdf2Bounds, what: string): Promise<Buffer> {
  if (!Number.isSafeInteger(iterations) || iterations < 1) {
    throw new AuthdeskError('IMPORT_MALFORMED', `This ${what} asks for an impossible number of key derivation rounds; it is damaged or not a backup Authdesk can read.`);
  }
  if (iterations > bounds.maxIterations) throw excessiveKdfError('IMPORT_MALFORMED', bounds.app);
  return pbkdf2Async(password, salt, iterations, 32, digest);
}

/** Throws unless the settings are scrypt's and within the format's bounds; run it on every slot before deriving any key. */
export function assertScryptParams({ n, r, p }: ScryptParams, bounds: ScryptBounds, what: string): void {
  // RFC 7914 §2: N a power of two below 2^(16·r); OpenSSL refuses anything else with a RangeError.
  const valid = [n, r, p].every((x) => Number.isSafeInteger(x) && x >= 1) && n >= 2 && (n & (n - 1)) === 0 && Math.log2(n) < 16 * r;
  if (!valid) throw new AuthdeskError('IMPORT_MALFORMED', `This ${what} has key derivation settings that are not scrypt's; it is damaged or not a backup Authdesk can read.`);
  if (n > bounds.max.n || r > bounds.max.r || p > bounds.max.p || n * r * p > bounds.maxWork) throw excessiveKdfError('IMPORT_MALFORMED', bounds.app);
}

export async function scrypt(password: string, salt: Uint8Array, params: ScryptParams, bounds: ScryptBounds, what: string): Promise<Buffer> {
  assertScryptParams(params, bounds, what);
  const maxmem = 2 * 128 * bounds.max.n * bounds.max.r;
  return new Promise((resolve, reject) => {
    scryptCallback(password, salt, 32, { N: params.n, r: params.r, p: params.p, maxmem }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}
