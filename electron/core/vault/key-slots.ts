// Runs in: main, CLI, tests.
//
// Key slots wrap the vault's master key (AES-256-GCM) under a key the user can produce: one
// derived from the password, or one the OS keychain keeps sealed. Every key-encryption key is
// zeroed as soon as it has been used.
import { randomBytes, randomFillSync } from 'node:crypto';
import { AuthdeskError } from '../errors.ts';
import { secretBytes } from '../platform/secret-bytes.ts';
import type { KeyProtector, Unsealed } from '../platform/ports.ts';
import { aesGcmOpen, aesGcmSeal, KEY_BYTES, NONCE_BYTES, SALT_BYTES, type KeychainSlot, type PasswordSlot } from './envelope.ts';
import { deriveKey, type KdfParams } from './kdf.ts';

// Note (slot AAD): binds each wrapped key to its slot kind, so a wrapped key cannot be moved
// from one kind of slot to another. Change together with docs/vault-format.md.
const PASSWORD_AAD = Buffer.from('authdesk-password-slot', 'ascii');
const KEYCHAIN_AAD = Buffer.from('authdesk-keychain-slot', 'ascii');

/** A random key in memory of its own (platform/secret-bytes.ts); the caller zeroes it. */
export function newMasterKey(): Buffer {
  return randomFillSync(secretBytes(KEY_BYTES));
}

export async function createPasswordSlot(password: string, masterKey: Uint8Array, kdf: KdfParams): Promise<PasswordSlot> {
  const salt = randomBytes(SALT_BYTES);
  const wrapNonce = randomBytes(NONCE_BYTES);
  const kek = await deriveKey(password, salt, kdf);
  try {
    return { type: 'password', salt, kdf, wrapNonce, wrappedKey: aesGcmSeal(kek, wrapNonce, masterKey, PASSWORD_AAD) };
  } finally {
    kek.fill(0);
  }
}

/** The master key, or null when the password is not the slot's. */
export async function openPasswordSlot(slot: PasswordSlot, password: string): Promise<Buffer | null> {
  const kek = await deriveKey(password, slot.salt, slot.kdf);
  try {
    return aesGcmOpen(kek, slot.wrapNonce, slot.wrappedKey, PASSWORD_AAD);
  } finally {
    kek.fill(0);
  }
}

/**
 * Refuses a keychain that is missing or protects nothing. On Linux, safeStorage falls back to
 * `basic_text` (a key hard-coded in Chromium) when no secret service runs: a slot sealed with
 * it would let anyone who copies the files open the vault without the password.
 */
export async function assertKeychainUsable(protector: KeyProtector): Promise<void> {
  const info = await protector.info();
  if (!info.available) throw new AuthdeskError('KEYCHAIN_UNAVAILABLE', 'No OS keychain is available here, so the vault can only be unlocked with its password.');
  if (!info.secure) {
    throw new AuthdeskError(
      'KEYCHAIN_INSECURE',
      `The OS keychain backend here is "${info.backend}", which stores keys without protection: it protects nothing, so Authdesk keeps asking for the vault password.`,
      { details: { backend: info.backend } },
    );
  }
}

export async function createKeychainSlot(masterKey: Uint8Array, protector: KeyProtector): Promise<KeychainSlot> {
  await assertKeychainUsable(protector);
  const kek = randomFillSync(secretBytes(KEY_BYTES));
  const wrapNonce = randomBytes(NONCE_BYTES);
  try {
    const sealedKey = await protector.encrypt(kek);
    return { type: 'keychain', wrapNonce, wrappedKey: aesGcmSeal(kek, wrapNonce, masterKey, KEYCHAIN_AAD), sealedKey };
  } finally {
    kek.fill(0);
  }
}

/**
 * The master key, or null when the keychain no longer holds the key that sealed this slot;
 * `stale` when the keychain asks for the slot to be sealed again (createKeychainSlot).
 */
export async function openKeychainSlot(slot: KeychainSlot, protector: KeyProtector): Promise<{ masterKey: Buffer; stale: boolean } | null> {
  await assertKeychainUsable(protector);
  let unsealed: Unsealed;
  try {
    unsealed = await protector.decrypt(slot.sealedKey);
  } catch {
    return null;
  }
  const kek = unsealed.plain;
  try {
    const masterKey = kek.length === KEY_BYTES ? aesGcmOpen(kek, slot.wrapNonce, slot.wrappedKey, KEYCHAIN_AAD) : null;
    return masterKey === null ? null : { masterKey, stale: unsealed.stale };
  } finally {
    kek.fill(0);
  }
}
