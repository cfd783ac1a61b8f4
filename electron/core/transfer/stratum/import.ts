// Runs in: main, CLI, tests.
//
// Stratum (formerly Authenticator Pro) backups: plain JSON {Authenticators, Categories,
// AuthenticatorCategories}, or encrypted behind a 16-byte header:
// - "AUTHENTICATORPRO": 16 B salt | 12 B IV | ciphertext+tag; Argon2id (t=3, 64 MiB, p=4)
//   on the vault's Argon2id worker thread (Electron's BoringSSL has no Argon2), AES-256-GCM.
// - "AuthenticatorPro" (legacy): 20 B salt | 16 B IV | ciphertext; PBKDF2-HMAC-SHA1 64,000
//   rounds, AES-256-CBC.

import { aesCbcOpen, aesGcmOpenAppended, pbkdf2, requirePassword, wrongPassword, type Pbkdf2Bounds } from '../cipher.ts';
import { buildEntry, collectEntries } from '../entry.ts';
import { EntryProblem, optionalInteger, optionalString, requiredInteger, requiredString } from '../fields.ts';
import { asText, isRecord, malformed, parseJson } from '../input.ts';
import type { Importer } from '../types.ts';
import { secretUtf8 } from '../../platform/secret-bytes.ts';
import { argon2idKey } from '../../vault/argon2-thread.ts';

const WHAT = 'Stratum backup';
export const STRATUM_HEADER = 'AUTHENTICATORPRO';
export const STRATUM_LEGACY_HEADER = 'AuthenticatorPro';
const HEADER_BYTES = 16;
const ARGON2 = { iterations: 3, memoryKiB: 64 * 1024, parallelism: 4 } as const;
const SALT_BYTES = 16;
const IV_BYTES = 12;
const LEGACY_SALT_BYTES = 20;
const LEGACY_IV_BYTES = 16;
// Stratum's settings are fixed by its header, never read from the file: nothing to inflate.
const LEGACY_PBKDF2: Pbkdf2Bounds = { app: 'Stratum', maxIterations: 64_000 };

// Stratum's numeric enums (AuthenticatorType, HashAlgorithm). 3 is mOTP and 5 Yandex,
// which Authdesk cannot generate.
const TYPES: ReadonlyMap<number, string> = new Map([[1, 'hotp'], [2, 'totp'], [4, 'steam']]);
const ALGORITHMS: readonly string[] = ['SHA1', 'SHA256', 'SHA512'];

export const importStratum: Importer = async (input, password) => {
  const text = asText(input);
  const file = parseJson(text ?? (await decrypt(input, requirePassword(password, WHAT))), WHAT);
  if (!isRecord(file) || !Array.isArray(file['Authenticators'])) throw malformed(WHAT, 'the list of authenticators is missing');
  const categories = categoryNames(file);
  return collectEntries(file['Authenticators'], (item) => {
    if (!isRecord(item)) throw new EntryProblem('it is not an object');
    const type = TYPES.get(requiredInteger(item, 'Type'));
    if (type === undefined) throw new EntryProblem('its OTP type (mOTP or Yandex) is not one Authdesk supports');
    const algorithm = ALGORITHMS[optionalInteger(item, 'Algorithm') ?? 0];
    if (algorithm === undefined) throw new EntryProblem('its algorithm is not SHA1, SHA256 or SHA512');
    const secret = requiredString(item, 'Secret');
    return buildEntry(
      {
        type,
        issuer: optionalString(item, 'Issuer'),
        label: optionalString(item, 'Username'),
        secret,
        algorithm,
        digits: optionalInteger(item, 'Digits'),
        period: optionalInteger(item, 'Period'),
        counter: optionalInteger(item, 'Counter'),
      },
      { groups: categories.get(secret) ?? [] },
    );
  });
};

// Categories are linked to authenticators by the secret, Stratum's key for them.
function categoryNames(file: Record<string, unknown>): Map<string, string[]> {
  const names = new Map<string, string>();
  const bySecret = new Map<string, string[]>();
  const categories = file['Categories'];
  const links = file['AuthenticatorCategories'];
  if (!Array.isArray(categories) || !Array.isArray(links)) return bySecret;
  for (const c of categories) {
    if (isRecord(c) && typeof c['Id'] === 'string' && typeof c['Name'] === 'string') names.set(c['Id'], c['Name']);
  }
  for (const link of links) {
    if (!isRecord(link) || typeof link['AuthenticatorSecret'] !== 'string' || typeof link['CategoryId'] !== 'string') continue;
    const name = names.get(link['CategoryId']);
    if (name !== undefined) bySecret.set(link['AuthenticatorSecret'], [...(bySecret.get(link['AuthenticatorSecret']) ?? []), name]);
  }
  return bySecret;
}

async function decrypt(bytes: Uint8Array, password: string): Promise<string> {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const header = view.subarray(0, HEADER_BYTES).toString('latin1');
  let plain: Buffer | null;
  if (header === STRATUM_HEADER) {
    const salt = view.subarray(HEADER_BYTES, HEADER_BYTES + SALT_BYTES);
    const iv = view.subarray(HEADER_BYTES + SALT_BYTES, HEADER_BYTES + SALT_BYTES + IV_BYTES);
    if (iv.length !== IV_BYTES) throw malformed(WHAT, 'the file is too short');
    const passwordBytes = secretUtf8(password);
    let key: Uint8Array;
    try {
      key = await argon2idKey(passwordBytes, salt, ARGON2);
    } finally {
      passwordBytes.fill(0);
    }
    plain = aesGcmOpenAppended(key, iv, view.subarray(HEADER_BYTES + SALT_BYTES + IV_BYTES));
  } else if (header === STRATUM_LEGACY_HEADER) {
    const salt = view.subarray(HEADER_BYTES, HEADER_BYTES + LEGACY_SALT_BYTES);
    const iv = view.subarray(HEADER_BYTES + LEGACY_SALT_BYTES, HEADER_BYTES + LEGACY_SALT_BYTES + LEGACY_IV_BYTES);
    if (iv.length !== LEGACY_IV_BYTES) throw malformed(WHAT, 'the file is too short');
    const key = await pbkdf2(password, salt, LEGACY_PBKDF2.maxIterations, 'sha1', LEGACY_PBKDF2, WHAT);
    plain = aesCbcOpen(key, iv, view.subarray(HEADER_BYTES + LEGACY_SALT_BYTES + LEGACY_IV_BYTES));
  } else {
    throw malformed(WHAT, 'it does not start with a Stratum header');
  }
  // CBC has no tag: a wrong key passes the padding check 1 time in 256 and yields noise.
  const text = plain === null ? null : asText(plain);
  if (text === null) throw wrongPassword(WHAT);
  return text;
}
