// Runs in: main, CLI, tests.
//
// Aegis vault files (docs/vault.md in beemdevelopment/Aegis): plain, or encrypted with a
// master key wrapped in scrypt password slots, AES-256-GCM throughout. Content versions 1
// to 3: v2 entries carry one legacy `group` name, v3 lists groups by uuid.

import { AuthdeskError } from '../../errors.ts';
import { aesGcmOpen, assertScryptParams, requirePassword, scrypt, wrongPassword, type ScryptParams } from '../cipher.ts';
import { base64Bytes, hexBytes } from '../bytes.ts';
import { buildEntry, collectEntries } from '../entry.ts';
import { EntryProblem, optionalBoolean, optionalInteger, optionalString, requiredString } from '../fields.ts';
import { isRecord, malformed, parseJson, requireText } from '../input.ts';
import type { ImportedData, Importer } from '../types.ts';
import { AEGIS_CONTENT_VERSION, AEGIS_FILE_VERSION, AEGIS_SCRYPT_BOUNDS, PASSWORD_SLOT } from './format.ts';
import { iconFromAegis } from './icon.ts';

const WHAT = 'Aegis vault';
// A file may list several password slots; each costs one scrypt run, so only a few are tried.
const MAX_PASSWORD_SLOTS = 4;

export const importAegis: Importer = async (input, password) => {
  const file = parseJson(requireText(input, WHAT), WHAT);
  if (!isRecord(file) || !isRecord(file['header']) || !('db' in file)) throw malformed(WHAT, 'the header or the entries are missing');
  const version = file['version'];
  if (typeof version === 'number' && version > AEGIS_FILE_VERSION) throw newerAegis();
  if (version !== AEGIS_FILE_VERSION) throw malformed(WHAT, 'its version is missing');
  const { header, db } = file;
  const content = header['slots'] === null || header['slots'] === undefined ? db : await decryptContent(header, db, password);
  return readContent(content);
};

function newerAegis(): AuthdeskError {
  return new AuthdeskError('IMPORT_MALFORMED', 'This Aegis vault was written by a newer version of Aegis that Authdesk does not understand yet.');
}

async function decryptContent(header: Record<string, unknown>, db: unknown, password: string | undefined): Promise<unknown> {
  const slots = header['slots'];
  const params = header['params'];
  const ciphertext = base64Bytes(db);
  if (!Array.isArray(slots) || !isRecord(params) || ciphertext === null) throw malformed(WHAT, 'the encryption header is incomplete');
  const passwordSlots = slots.filter((s): s is Record<string, unknown> => isRecord(s) && s['type'] === PASSWORD_SLOT);
  if (passwordSlots.length === 0) throw new AuthdeskError('IMPORT_MALFORMED', 'This Aegis vault has no password slot (it can only be unlocked with biometrics on the phone). Export it from Aegis with a password first.');
  const secret = requirePassword(password, WHAT);
  // Every slot tried is read and its scrypt settings checked before the first key is derived.
  const tried = passwordSlots.slice(0, MAX_PASSWORD_SLOTS).map(readSlot);
  let masterKey: Buffer | null = null;
  for (const slot of tried) {
    masterKey = aesGcmOpen(await scrypt(secret, slot.salt, slot.params, AEGIS_SCRYPT_BOUNDS, WHAT), slot.nonce, slot.wrapped, slot.tag);
    if (masterKey !== null) break;
  }
  if (masterKey === null) throw wrongPassword(WHAT);
  const nonce = hexBytes(params['nonce']);
  const tag = hexBytes(params['tag']);
  const plain = nonce && tag ? aesGcmOpen(masterKey, nonce, ciphertext, tag) : null;
  if (plain === null) throw malformed(WHAT, 'the password is right but the entries do not decrypt');
  return parseJson(plain.toString('utf8'), WHAT);
}

interface PasswordSlotFields {
  readonly salt: Buffer;
  readonly wrapped: Buffer;
  readonly nonce: Buffer;
  readonly tag: Buffer;
  readonly params: ScryptParams;
}

function readSlot(slot: Record<string, unknown>): PasswordSlotFields {
  const salt = hexBytes(slot['salt']);
  const wrapped = hexBytes(slot['key']);
  const keyParams = slot['key_params'];
  const nonce = isRecord(keyParams) ? hexBytes(keyParams['nonce']) : null;
  const tag = isRecord(keyParams) ? hexBytes(keyParams['tag']) : null;
  const [n, r, p] = [slot['n'], slot['r'], slot['p']];
  if (!salt || !wrapped || !nonce || !tag || typeof n !== 'number' || typeof r !== 'number' || typeof p !== 'number') throw malformed(WHAT, 'a password slot is incomplete');
  const params = { n, r, p };
  assertScryptParams(params, AEGIS_SCRYPT_BOUNDS, WHAT);
  return { salt, wrapped, nonce, tag, params };
}

function readContent(content: unknown): ImportedData {
  if (!isRecord(content) || !Array.isArray(content['entries'])) throw malformed(WHAT, 'the list of entries is missing');
  const version = content['version'];
  if (typeof version !== 'number' || version < 1) throw malformed(WHAT, 'the content version is missing');
  if (version > AEGIS_CONTENT_VERSION) throw newerAegis();
  const groupNames = new Map<string, string>();
  if (Array.isArray(content['groups'])) {
    for (const group of content['groups']) {
      if (isRecord(group) && typeof group['uuid'] === 'string' && typeof group['name'] === 'string') groupNames.set(group['uuid'], group['name']);
    }
  }
  return collectEntries(content['entries'], (item) => {
    if (!isRecord(item)) throw new EntryProblem('it is not an object');
    const info = item['info'];
    if (!isRecord(info)) throw new EntryProblem('its OTP settings are missing');
    // Note (empty issuer): the name is kept whole, as Aegis itself shows it. GNOME
    // Authenticator splits "Issuer:account" and "account@Issuer" out of it, but an e-mail
    // address or a name with a colon is not an issuer.
    return buildEntry(
      {
        type: requiredString(item, 'type'),
        issuer: optionalString(item, 'issuer'),
        label: optionalString(item, 'name'),
        secret: requiredString(info, 'secret'),
        algorithm: optionalString(info, 'algo'),
        digits: optionalInteger(info, 'digits'),
        period: optionalInteger(info, 'period'),
        counter: optionalInteger(info, 'counter'),
      },
      { groups: entryGroups(item, groupNames), favourite: optionalBoolean(item, 'favorite'), note: optionalString(item, 'note'), icon: iconFromAegis(item['icon'], item['icon_mime']) },
    );
  });
}

function entryGroups(item: Record<string, unknown>, groupNames: ReadonlyMap<string, string>): string[] {
  const legacy = optionalString(item, 'group');
  const ids = item['groups'];
  const fromIds = Array.isArray(ids) ? ids.flatMap((id) => (typeof id === 'string' && groupNames.has(id) ? [groupNames.get(id) ?? ''] : [])) : [];
  return legacy === undefined ? fromIds : [legacy, ...fromIds];
}
