// Runs in: main, CLI, tests.
//
// Bitwarden vault exports, unencrypted JSON or CSV. The TOTP field (login.totp, or the
// login_totp column) holds an otpauth:// URI, "steam://SECRET", or a bare Base32 secret
// (Bitwarden's defaults then: TOTP, SHA1, 6 digits, 30 s). Items without one are skipped.

import { AuthdeskError } from '../../errors.ts';
import { parseOtpauthUri } from '../../otp/uri.ts';
import { buildEntry, collectEntries, withExtras } from '../entry.ts';
import type { EntryExtras } from '../entry.ts';
import { optionalBoolean, optionalString } from '../fields.ts';
import { isRecord, malformed, parseJson, requireText } from '../input.ts';
import { steamSecret } from '../steam-uri.ts';
import type { ImportedData, ImportedEntry, Importer } from '../types.ts';
import { parseCsv } from './csv.ts';

const WHAT = 'Bitwarden export';

interface Login {
  readonly totp: string;
  readonly name: string;
  readonly username: string;
  readonly extras: EntryExtras;
}

export const importBitwarden: Importer = async (input) => {
  const text = requireText(input, WHAT);
  return text.trimStart().startsWith('{') ? readJson(text) : readCsv(text);
};

function readJson(text: string): ImportedData {
  const file = parseJson(text, WHAT);
  if (!isRecord(file)) throw malformed(WHAT, 'it is not a Bitwarden vault export');
  if (file['encrypted'] === true) {
    throw new AuthdeskError('IMPORT_UNKNOWN_FORMAT', "This is an encrypted Bitwarden export, which Authdesk can't import yet. Export the vault from Bitwarden as unencrypted JSON or CSV.");
  }
  if (!Array.isArray(file['items'])) throw malformed(WHAT, 'the list of items is missing');
  const folders = new Map<string, string>();
  if (Array.isArray(file['folders'])) {
    for (const f of file['folders']) if (isRecord(f) && typeof f['id'] === 'string' && typeof f['name'] === 'string') folders.set(f['id'], f['name']);
  }
  return collectEntries(file['items'], (item) => {
    if (!isRecord(item) || !isRecord(item['login'])) return null;
    const totp = optionalString(item['login'], 'totp');
    if (totp === undefined || totp.trim() === '') return null;
    const folder = folders.get(optionalString(item, 'folderId') ?? '');
    return toEntry({
      totp,
      name: optionalString(item, 'name') ?? '',
      username: optionalString(item['login'], 'username') ?? '',
      extras: { favourite: optionalBoolean(item, 'favorite'), note: optionalString(item, 'notes'), groups: folder === undefined ? [] : [folder] },
    });
  });
}

function readCsv(text: string): ImportedData {
  const rows = parseCsv(text);
  const header = rows?.[0];
  const column = (name: string) => header?.indexOf(name) ?? -1;
  if (!rows || !header || column('login_totp') < 0) throw malformed(WHAT, 'the login_totp column is missing');
  const at = (row: readonly string[], name: string) => (column(name) < 0 ? '' : (row[column(name)] ?? ''));
  return collectEntries(rows.slice(1), (row) => {
    const totp = at(row, 'login_totp');
    if (totp.trim() === '') return null;
    const folder = at(row, 'folder');
    return toEntry({
      totp,
      name: at(row, 'name'),
      username: at(row, 'login_username'),
      extras: { favourite: at(row, 'favorite') === '1', note: at(row, 'notes'), groups: folder === '' ? [] : [folder] },
    });
  });
}

function toEntry(login: Login): ImportedEntry {
  const steam = steamSecret(login.totp);
  if (steam !== null) return buildEntry({ type: 'steam', issuer: login.name, label: login.username, secret: steam }, login.extras);
  if (!login.totp.trim().toLowerCase().startsWith('otpauth://')) {
    return buildEntry({ type: 'totp', issuer: login.name, label: login.username, secret: login.totp }, login.extras);
  }
  const entry = parseOtpauthUri(login.totp);
  return withExtras({ ...entry, issuer: entry.issuer || login.name, label: entry.label || login.username }, login.extras);
}
