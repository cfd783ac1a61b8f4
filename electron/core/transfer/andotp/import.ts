// Runs in: main, CLI, tests.
//
// andOTP backups: a JSON array, or encrypted. The current encrypted format is
// int32 rounds | 12 B salt | 12 B nonce | ciphertext+tag with a PBKDF2-HMAC-SHA1 key; the
// old one is 12 B nonce | ciphertext+tag with SHA-256(password) as the key. Both AES-256-GCM.
// Neither has a magic header, so binary input is tried as the new format first.

import { createHash } from 'node:crypto';
import { aesGcmOpenAppended, pbkdf2, requirePassword, wrongPassword, type Pbkdf2Bounds } from '../cipher.ts';
import { buildEntry, collectEntries } from '../entry.ts';
import { EntryProblem, optionalInteger, optionalString, requiredString } from '../fields.ts';
import { asText, isRecord, malformed, parseJson } from '../input.ts';
import type { Importer } from '../types.ts';

const WHAT = 'andOTP backup';
const SALT_BYTES = 12;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
// Note (andOTP rounds): andOTP picks 140,000 to 160,000 (PBKDF2_MIN/MAX_BACKUP_ITERATIONS in
// its Constants.java); files may ask for twice the most, no more. A header outside
// MIN_ROUNDS..ANDOTP_PBKDF2 is not the new format but the old one, whose first bytes are a
// random nonce: trying that costs one SHA-256.
const MIN_ROUNDS = 1_000;
const ANDOTP_PBKDF2: Pbkdf2Bounds = { app: 'andOTP', maxIterations: 320_000 };

export const importAndOtp: Importer = async (input, password) => {
  const text = asText(input);
  const plain = text ?? (await decrypt(input, requirePassword(password, WHAT)));
  const items = parseJson(plain, WHAT);
  if (!Array.isArray(items)) throw malformed(WHAT, 'it is not a list of entries');
  return collectEntries(items, (item) => {
    if (!isRecord(item)) throw new EntryProblem('it is not an object');
    const entry = item;
    const tags = entry['tags'];
    const { issuer, label } = names(entry);
    return buildEntry(
      {
        type: requiredString(entry, 'type'),
        issuer,
        label,
        secret: requiredString(entry, 'secret'),
        algorithm: optionalString(entry, 'algorithm'),
        digits: optionalInteger(entry, 'digits'),
        period: optionalInteger(entry, 'period'),
        counter: optionalInteger(entry, 'counter'),
      },
      { groups: Array.isArray(tags) ? tags.filter((t): t is string => typeof t === 'string') : [] },
    );
  });
};

// Old andOTP versions had no issuer field and wrote "Issuer - account" into the label.
function names(entry: Record<string, unknown>): { issuer: string; label: string } {
  const label = optionalString(entry, 'label') ?? '';
  const issuer = optionalString(entry, 'issuer');
  if (issuer !== undefined) return { issuer, label };
  const [first = '', second] = label.split(' - ');
  return second === undefined ? { issuer: '', label } : { issuer: first, label: second };
}

async function decrypt(bytes: Uint8Array, password: string): Promise<string> {
  if (bytes.length < NONCE_BYTES + TAG_BYTES) throw malformed(WHAT, 'the file is too short');
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const rounds = view.readUInt32BE(0);
  if (rounds >= MIN_ROUNDS && rounds <= ANDOTP_PBKDF2.maxIterations && bytes.length >= 4 + SALT_BYTES + NONCE_BYTES + TAG_BYTES) {
    const salt = view.subarray(4, 4 + SALT_BYTES);
    const nonce = view.subarray(4 + SALT_BYTES, 4 + SALT_BYTES + NONCE_BYTES);
    const key = await pbkdf2(password, salt, rounds, 'sha1', ANDOTP_PBKDF2, WHAT);
    const plain = aesGcmOpenAppended(key, nonce, view.subarray(4 + SALT_BYTES + NONCE_BYTES));
    if (plain !== null) return plain.toString('utf8');
  }
  const oldKey = createHash('sha256').update(password, 'utf8').digest();
  const plain = aesGcmOpenAppended(oldKey, view.subarray(0, NONCE_BYTES), view.subarray(NONCE_BYTES));
  if (plain === null) throw wrongPassword(WHAT);
  return plain.toString('utf8');
}
