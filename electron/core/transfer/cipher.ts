// Runs in: main, CLI, tests.
//
// The few ciphers and KDFs foreign backups use, through node:crypto (present in both Node
// and Electron's BoringSSL build). KDF parameters read from a file are bounded before use:
// a damaged or hostile file must not make an import run for minutes or exhaust memory.

import { createCipheriv, createDecipheriv, pbkdf2 as pbkdf2Callback, scrypt as scryptCallback } from 'node:crypto';
import { promisify } from 'node:util';
import { AuthdeskError } from '../errors.ts';

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

// Note (KDF bounds): well above what the supported apps write (andOTP ~160k PBKDF2-SHA1
// rounds, Aegis scrypt N=2^15 r=8 p=1), low enough to stay around a second here.
const MAX_PBKDF2_ITERATIONS = 1_000_000;
const MAX_SCRYPT_MEMORY = 64 * 1024 * 1024;
const MAX_SCRYPT_WORK = 2 ** 15 * 8 * 4;

export async function pbkdf2(password: string, salt: Uint8Array, iterations: number, digest: 'sha1' | 'sha256', what: string): Promise<Buffer> {
  if (!Number.isSafeInteger(iterations) || iterations < 1 || iterations > MAX_PBKDF2_ITERATIONS) {
    throw new AuthdeskError('IMPORT_MALFORMED', `This ${what} asks for an implausible number of key derivation rounds; it is damaged or not a backup Authdesk can read.`);
  }
  return pbkdf2Async(password, salt, iterations, 32, digest);
}

export interface ScryptParams {
  readonly n: number;
  readonly r: number;
  readonly p: number;
}

export async function scrypt(password: string, salt: Uint8Array, { n, r, p }: ScryptParams, what: string): Promise<Buffer> {
  const sane = [n, r, p].every((x) => Number.isSafeInteger(x) && x >= 1) && n >= 2 && (n & (n - 1)) === 0 && 128 * n * r <= MAX_SCRYPT_MEMORY && n * r * p <= MAX_SCRYPT_WORK;
  if (!sane) throw new AuthdeskError('IMPORT_MALFORMED', `This ${what} has key derivation settings Authdesk does not accept; it is damaged or not a backup Authdesk can read.`);
  return new Promise((resolve, reject) => {
    scryptCallback(password, salt, 32, { N: n, r, p, maxmem: 2 * MAX_SCRYPT_MEMORY }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}
