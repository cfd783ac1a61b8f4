// Runs in: main, CLI, tests.
//
// Any VaultData encrypted under a password in the vault's own envelope format, detached from
// a vault file: the "Authdesk encrypted backup" exporter writes these and the importer reads
// them back. A fresh master key each time; the password slot is the only slot.
import { AuthdeskError } from '../errors.ts';
import { decryptData, encodeData } from './data-codec.ts';
import { encodeEnvelope, parseEnvelope } from './envelope.ts';
import { calibrateKdf, type KdfParams } from './kdf.ts';
import { createPasswordSlot, newMasterKey, openPasswordSlot } from './key-slots.ts';
import type { VaultData } from './model.ts';

/** Encrypts data under password; kdf defaults to calibrating on this machine. */
export async function sealWithPassword(data: VaultData, password: string, options: { kdf?: KdfParams } = {}): Promise<Buffer> {
  const kdf = options.kdf ?? (await calibrateKdf());
  const masterKey = newMasterKey();
  const plain = encodeData(data);
  try {
    return encodeEnvelope([await createPasswordSlot(password, masterKey, kdf)], masterKey, plain);
  } finally {
    plain.fill(0);
    masterKey.fill(0);
  }
}

/** Decrypts and migrates; VAULT_WRONG_PASSWORD, VAULT_DAMAGED or VAULT_TOO_NEW. */
export async function openWithPassword(bytes: Uint8Array, password: string): Promise<VaultData> {
  const envelope = parseEnvelope(bytes);
  const slot = envelope.slots.find((s) => s.type === 'password');
  if (slot?.type !== 'password') throw new AuthdeskError('VAULT_DAMAGED', 'The file has no password slot.');
  const masterKey = await openPasswordSlot(slot, password);
  if (!masterKey) throw new AuthdeskError('VAULT_WRONG_PASSWORD', 'Wrong password for this file.');
  try {
    return decryptData(envelope, masterKey);
  } finally {
    masterKey.fill(0);
  }
}
