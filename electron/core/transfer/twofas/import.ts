// Runs in: main, CLI, tests.
//
// 2FAS Authenticator backups (.2fas), schemas 1 to 4. Encrypted backups keep the services
// in `servicesEncrypted` = b64(ciphertext+tag):b64(salt):b64(iv), key from PBKDF2-HMAC-SHA256
// (10,000 rounds), AES-256-GCM. Schemas 1 and 2 have no token type: everything is TOTP.

import { aesGcmOpenAppended, pbkdf2, requirePassword, wrongPassword, type Pbkdf2Bounds } from '../cipher.ts';
import { base64Bytes } from '../bytes.ts';
import { buildEntry, collectEntries } from '../entry.ts';
import { EntryProblem, optionalInteger, optionalString, requiredString } from '../fields.ts';
import { isRecord, malformed, parseJson, requireText } from '../input.ts';
import type { Importer } from '../types.ts';

const WHAT = '2FAS backup';
// 2FAS always uses 10,000 rounds and the file does not say: nothing for a file to inflate.
const TWOFAS_PBKDF2: Pbkdf2Bounds = { app: '2FAS', maxIterations: 10_000 };

export const importTwoFas: Importer = async (input, password) => {
  const file = parseJson(requireText(input, WHAT), WHAT);
  if (!isRecord(file)) throw malformed(WHAT, 'it is not a 2FAS backup');
  const encrypted = file['servicesEncrypted'];
  const services = typeof encrypted === 'string' && encrypted !== '' ? await decryptServices(encrypted, password) : file['services'];
  if (!Array.isArray(services)) throw malformed(WHAT, 'the list of services is missing');
  const groupNames = new Map<string, string>();
  if (Array.isArray(file['groups'])) {
    for (const group of file['groups']) {
      if (isRecord(group) && typeof group['id'] === 'string' && typeof group['name'] === 'string') groupNames.set(group['id'], group['name']);
    }
  }
  return collectEntries(services, (service) => {
    if (!isRecord(service)) throw new EntryProblem('it is not an object');
    const otp = isRecord(service['otp']) ? service['otp'] : {};
    const name = optionalString(service, 'name');
    const groupId = optionalString(service, 'groupId');
    const groupName = groupId === undefined ? undefined : groupNames.get(groupId);
    return buildEntry(
      {
        type: optionalString(otp, 'tokenType') ?? 'totp',
        issuer: optionalString(otp, 'issuer') || name,
        label: optionalString(otp, 'account') ?? optionalString(otp, 'label'),
        secret: requiredString(service, 'secret'),
        algorithm: optionalString(otp, 'algorithm'),
        digits: optionalInteger(otp, 'digits'),
        period: optionalInteger(otp, 'period'),
        counter: optionalInteger(otp, 'counter'),
      },
      { groups: groupName === undefined ? [] : [groupName] },
    );
  });
};

async function decryptServices(encrypted: string, password: string | undefined): Promise<unknown> {
  const parts = encrypted.split(':').map(base64Bytes);
  const [sealed, salt, iv] = parts;
  if (parts.length !== 3 || !sealed || !salt || !iv) throw malformed(WHAT, 'the encrypted services are incomplete');
  const key = await pbkdf2(requirePassword(password, WHAT), salt, TWOFAS_PBKDF2.maxIterations, 'sha256', TWOFAS_PBKDF2, WHAT);
  const plain = aesGcmOpenAppended(key, iv, sealed);
  if (plain === null) throw wrongPassword(WHAT);
  return parseJson(plain.toString('utf8'), WHAT);
}
