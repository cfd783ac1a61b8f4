// Runs in: main, CLI, tests.
//
// The on-disk envelope of a vault (docs/vault-format.md is the normative description; change
// the two together). Framing: magic, version, header length, header, SHA-256 of all of that,
// then AES-256-GCM ciphertext and tag. The framing before the digest never changes between
// versions, so any damage (even to the version field) is caught by the digest before the
// version is trusted, and a newer version is reported as such only when the file is intact.
//
// Note (two integrity checks): the unkeyed digest only tells "damaged" apart from "wrong
// password" before the KDF runs; the real protection is the GCM tag, whose associated data is
// every byte before the ciphertext, so editing any header byte and fixing the digest still
// fails to decrypt.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { AuthdeskError } from '../errors.ts';
import { excessiveKdfError, kdfProblem, type KdfParams } from './kdf.ts';

export const MAGIC = Buffer.from('AUTHDESK', 'ascii');
export const FORMAT_VERSION = 1;
export const KEY_BYTES = 32;
export const NONCE_BYTES = 12;
export const TAG_BYTES = 16;
export const SALT_BYTES = 16;
const DIGEST_BYTES = 32;
const CIPHER_STEP = 64 * 1024;
const PREFIX_BYTES = MAGIC.length + 2 + 4;
/** A wrapped 32-byte key: its GCM ciphertext followed by the 16-byte tag. */
const WRAPPED_BYTES = KEY_BYTES + TAG_BYTES;
const SLOT_TYPE_PASSWORD = 1;
const SLOT_TYPE_KEYCHAIN = 2;
const PASSWORD_SLOT_BYTES = SALT_BYTES + 12 + NONCE_BYTES + WRAPPED_BYTES;
/** A header far larger than any real one means a damaged length field, not a big vault. */
const MAX_HEADER_BYTES = 64 * 1024;

/** The master key wrapped by a key derived from the password with Argon2id. */
export interface PasswordSlot {
  readonly type: 'password';
  readonly salt: Uint8Array;
  readonly kdf: KdfParams;
  readonly wrapNonce: Uint8Array;
  readonly wrappedKey: Uint8Array;
}

/** The master key wrapped by a random key that the OS keychain seals (safeStorage). */
export interface KeychainSlot {
  readonly type: 'keychain';
  readonly wrapNonce: Uint8Array;
  readonly wrappedKey: Uint8Array;
  readonly sealedKey: Uint8Array;
}

export type KeySlot = PasswordSlot | KeychainSlot;

export interface ParsedEnvelope {
  readonly version: number;
  readonly slots: readonly KeySlot[];
  /** Every byte before the ciphertext: the associated data of the payload. */
  readonly header: Uint8Array;
  readonly nonce: Uint8Array;
  /** Ciphertext followed by the tag. */
  readonly sealed: Uint8Array;
}

function damaged(reason: string): AuthdeskError {
  return new AuthdeskError('VAULT_DAMAGED', `The vault file is damaged (${reason}).`);
}

export function aesGcmSeal(key: Uint8Array, nonce: Uint8Array, plain: Uint8Array, aad?: Uint8Array): Buffer {
  const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
  if (aad) cipher.setAAD(aad);
  return Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
}

/** Returns null when authentication fails: the caller knows whether that means a wrong key or damage. */
export function aesGcmOpen(key: Uint8Array, nonce: Uint8Array, sealed: Uint8Array, aad?: Uint8Array): Buffer | null {
  if (sealed.length < TAG_BYTES) return null;
  const decipher = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
  if (aad) decipher.setAAD(aad);
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
  const out = decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES));
  // GCM is a stream mode: update gives every byte and final only checks the tag, so the
  // plaintext (a key, the vault's JSON) is returned where it is, never copied unzeroed.
  try {
    decipher.final();
    return out;
  } catch {
    out.fill(0);
    return null;
  }
}

function encodeSlot(slot: KeySlot): Buffer {
  if (slot.type === 'password') {
    const body = Buffer.alloc(PASSWORD_SLOT_BYTES);
    let at = 0;
    body.set(slot.salt, at);
    at += SALT_BYTES;
    at = body.writeUInt32BE(slot.kdf.memoryKiB, at);
    at = body.writeUInt32BE(slot.kdf.iterations, at);
    at = body.writeUInt32BE(slot.kdf.parallelism, at);
    body.set(slot.wrapNonce, at);
    body.set(slot.wrappedKey, at + NONCE_BYTES);
    return withSlotHead(SLOT_TYPE_PASSWORD, body);
  }
  return withSlotHead(SLOT_TYPE_KEYCHAIN, Buffer.concat([slot.wrapNonce, slot.wrappedKey, slot.sealedKey]));
}

function withSlotHead(type: number, body: Buffer): Buffer {
  const head = Buffer.alloc(3);
  head.writeUInt8(type, 0);
  head.writeUInt16BE(body.length, 1);
  return Buffer.concat([head, body]);
}

/**
 * Encrypts `plain` under `masterKey` with a fresh nonce and frames it with its key slots, as
 * the chunks of the file in order (header, ciphertext, tag): written as they are, they spare
 * copying a large vault twice.
 */
export function sealEnvelope(slots: readonly KeySlot[], masterKey: Uint8Array, plain: Uint8Array): Buffer[] {
  assertSlotSet(slots);
  const slotCount = Buffer.from([slots.length]);
  const nonce = randomBytes(NONCE_BYTES);
  const body = Buffer.concat([slotCount, ...slots.map(encodeSlot), nonce]);
  const prefix = Buffer.alloc(PREFIX_BYTES);
  prefix.set(MAGIC, 0);
  prefix.writeUInt16BE(FORMAT_VERSION, MAGIC.length);
  prefix.writeUInt32BE(body.length, MAGIC.length + 2);
  const digest = createHash('sha256').update(prefix).update(body).digest();
  const header = Buffer.concat([prefix, body, digest]);
  const cipher = createCipheriv('aes-256-gcm', masterKey, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(header);
  const chunks = [header];
  // Note (64 KiB steps): measured about twice as fast as one update over a multi-megabyte vault.
  for (let at = 0; at < plain.length; at += CIPHER_STEP) chunks.push(cipher.update(plain.subarray(at, at + CIPHER_STEP)));
  chunks.push(cipher.final(), cipher.getAuthTag());
  return chunks;
}

/** The whole file as one buffer (see sealEnvelope). */
export function encodeEnvelope(slots: readonly KeySlot[], masterKey: Uint8Array, plain: Uint8Array): Buffer {
  return Buffer.concat(sealEnvelope(slots, masterKey, plain));
}

function assertSlotSet(slots: readonly KeySlot[]): void {
  const passwords = slots.filter((s) => s.type === 'password').length;
  const keychains = slots.filter((s) => s.type === 'keychain').length;
  if (passwords !== 1 || keychains > 1) throw damaged('it must have exactly one password slot and at most one keychain slot');
}

/** Checks the framing and the header digest and decodes the key slots; decrypts nothing. */
export function parseEnvelope(bytes: Uint8Array): ParsedEnvelope {
  const file = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  if (file.length === 0) throw damaged('the file is empty');
  if (file.length < PREFIX_BYTES || !file.subarray(0, MAGIC.length).equals(MAGIC)) throw damaged('it is not an Authdesk vault or its start is missing');
  const version = file.readUInt16BE(MAGIC.length);
  const headerLength = file.readUInt32BE(MAGIC.length + 2);
  if (headerLength > MAX_HEADER_BYTES) throw damaged('the header length is impossible');
  const digestAt = PREFIX_BYTES + headerLength;
  if (file.length < digestAt + DIGEST_BYTES + TAG_BYTES) throw damaged('the file is cut short');
  const expected = createHash('sha256').update(file.subarray(0, digestAt)).digest();
  if (!expected.equals(file.subarray(digestAt, digestAt + DIGEST_BYTES))) throw damaged('the header checksum does not match');
  if (version > FORMAT_VERSION) {
    throw new AuthdeskError('VAULT_TOO_NEW', `This vault uses format version ${version}, which is newer than this Authdesk understands (${FORMAT_VERSION}). Update Authdesk to open it.`);
  }
  if (version < 1) throw damaged(`format version ${version} does not exist`);
  const body = file.subarray(PREFIX_BYTES, digestAt);
  return {
    version,
    slots: decodeSlots(body),
    header: file.subarray(0, digestAt + DIGEST_BYTES),
    nonce: body.subarray(body.length - NONCE_BYTES),
    sealed: file.subarray(digestAt + DIGEST_BYTES),
  };
}

function decodeSlots(body: Buffer): KeySlot[] {
  if (body.length < 1 + NONCE_BYTES) throw damaged('the header is too short');
  const count = body.readUInt8(0);
  const end = body.length - NONCE_BYTES;
  const slots: KeySlot[] = [];
  let at = 1;
  for (let i = 0; i < count; i++) {
    if (at + 3 > end) throw damaged('a key slot is cut short');
    const type = body.readUInt8(at);
    const length = body.readUInt16BE(at + 1);
    at += 3;
    if (at + length > end) throw damaged('a key slot is cut short');
    slots.push(decodeSlot(type, body.subarray(at, at + length)));
    at += length;
  }
  if (at !== end) throw damaged('the header has bytes after its key slots');
  assertSlotSet(slots);
  return slots;
}

function decodeSlot(type: number, body: Buffer): KeySlot {
  if (type === SLOT_TYPE_PASSWORD) {
    if (body.length !== PASSWORD_SLOT_BYTES) throw damaged('the password slot has the wrong size');
    const kdf = { memoryKiB: body.readUInt32BE(SALT_BYTES), iterations: body.readUInt32BE(SALT_BYTES + 4), parallelism: body.readUInt32BE(SALT_BYTES + 8) };
    const problem = kdfProblem(kdf);
    if (problem === 'invalid') throw damaged('the password slot holds impossible Argon2id parameters');
    if (problem === 'excessive') throw excessiveKdfError('VAULT_DAMAGED', 'Authdesk');
    const wrapAt = SALT_BYTES + 12;
    return {
      type: 'password',
      salt: body.subarray(0, SALT_BYTES),
      kdf,
      wrapNonce: body.subarray(wrapAt, wrapAt + NONCE_BYTES),
      wrappedKey: body.subarray(wrapAt + NONCE_BYTES),
    };
  }
  if (type === SLOT_TYPE_KEYCHAIN) {
    if (body.length <= NONCE_BYTES + WRAPPED_BYTES) throw damaged('the keychain slot is too short');
    return {
      type: 'keychain',
      wrapNonce: body.subarray(0, NONCE_BYTES),
      wrappedKey: body.subarray(NONCE_BYTES, NONCE_BYTES + WRAPPED_BYTES),
      sealedKey: body.subarray(NONCE_BYTES + WRAPPED_BYTES),
    };
  }
  throw new AuthdeskError('VAULT_TOO_NEW', 'This vault has a kind of key slot that this Authdesk does not know. Update Authdesk to open it.');
}

/** The payload's plaintext, or null when the key is not the one it was sealed with (or the bytes changed). */
export function openPayload(envelope: ParsedEnvelope, masterKey: Uint8Array): Buffer | null {
  return aesGcmOpen(masterKey, envelope.nonce, envelope.sealed, envelope.header);
}
