// Runs in: main, CLI, tests.
//
// Proton Authenticator's JSON export: {version: 1, entries: [{content: {uri, entry_type,
// name}, note}]}. The URI is otpauth://, or steam://SECRET for Steam entries.

import { parseOtpauthUri } from '../../otp/uri.ts';
import { buildEntry, collectEntries, withExtras } from '../entry.ts';
import { EntryProblem, optionalString, requiredString } from '../fields.ts';
import { isRecord, malformed, parseJson, requireText } from '../input.ts';
import { steamSecret } from '../steam-uri.ts';
import type { Importer } from '../types.ts';

const WHAT = 'Proton Authenticator export';

export const importProton: Importer = async (input) => {
  const file = parseJson(requireText(input, WHAT), WHAT);
  if (!isRecord(file) || !Array.isArray(file['entries'])) throw malformed(WHAT, 'the list of entries is missing');
  return collectEntries(file['entries'], (item) => {
    if (!isRecord(item) || !isRecord(item['content'])) throw new EntryProblem('its content is missing');
    const content = item['content'];
    const uri = requiredString(content, 'uri');
    const name = optionalString(content, 'name') ?? '';
    const note = optionalString(item, 'note');
    const steam = steamSecret(uri);
    if (steam !== null) return buildEntry({ type: 'steam', issuer: 'Steam', label: name, secret: steam }, { note });
    const entry = parseOtpauthUri(uri);
    return withExtras(entry.label === '' ? { ...entry, label: name } : entry, { note });
  });
};
