// Runs in: main, CLI, tests.
//
// Reads an Authdesk encrypted backup (see export.ts) back into entries. The vault module
// decrypts the data and maps its vault-worded errors; each account is then read field by
// field like any other app's entry: a backup can be crafted, so its being ours proves nothing.

import { isAuthdeskError } from '../../errors.ts';
import { excessiveKdfError } from '../../vault/kdf.ts';
import { openWithPassword } from '../../vault/password-seal.ts';
import { requirePassword, wrongPassword } from '../cipher.ts';
import { buildEntry, collectEntries } from '../entry.ts';
import { EntryProblem, optionalBoolean, optionalString, requiredInteger, requiredString } from '../fields.ts';
import { isRecord, malformed } from '../input.ts';
import type { Importer } from '../types.ts';

const WHAT = 'Authdesk backup';

export const importAuthdeskBackup: Importer = async (input, password) => {
  let data;
  try {
    data = await openWithPassword(input, requirePassword(password, WHAT));
  } catch (error) {
    if (isAuthdeskError(error, 'VAULT_WRONG_PASSWORD')) throw wrongPassword(WHAT);
    if (isAuthdeskError(error, 'VAULT_DAMAGED') && error.details?.['reason'] === 'kdf-bounds') throw excessiveKdfError('IMPORT_MALFORMED', 'Authdesk');
    if (isAuthdeskError(error, 'VAULT_DAMAGED')) throw malformed(WHAT, 'it was cut short or changed after it was written');
    if (isAuthdeskError(error, 'VAULT_TOO_NEW')) throw malformed(WHAT, 'it was written by a newer Authdesk; update this one to read it');
    throw error;
  }
  const groupNames = new Map<unknown, string>();
  for (const group of data.groups as readonly unknown[]) {
    if (isRecord(group) && typeof group['name'] === 'string') groupNames.set(group['id'], group['name']);
  }
  return collectEntries(data.accounts as readonly unknown[], (account) => {
    if (!isRecord(account) || !isRecord(account['otp'])) throw new EntryProblem('its OTP settings are missing');
    const otp = account['otp'];
    const groupIds = Array.isArray(account['groupIds']) ? account['groupIds'] : [];
    return buildEntry(
      {
        type: requiredString(otp, 'type'),
        issuer: optionalString(account, 'issuer'),
        label: optionalString(account, 'label'),
        secret: requiredString(otp, 'secret'),
        algorithm: requiredString(otp, 'algorithm'),
        digits: requiredInteger(otp, 'digits'),
        period: requiredInteger(otp, 'period'),
        counter: requiredInteger(otp, 'counter'),
      },
      {
        groups: groupIds.flatMap((id) => groupNames.get(id) ?? []),
        favourite: optionalBoolean(account, 'favourite'),
        note: optionalString(account, 'note'),
        icon: optionalString(account, 'icon'),
      },
    );
  });
};
