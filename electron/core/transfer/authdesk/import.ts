// Runs in: main, CLI, tests.
//
// Reads an Authdesk encrypted backup (see export.ts) back into entries. The vault module
// decrypts and checks the data; its vault-worded errors become the import's own.

import { isAuthdeskError } from '../../errors.ts';
import { openWithPassword } from '../../vault/password-seal.ts';
import { requirePassword, wrongPassword } from '../cipher.ts';
import { buildEntry, collectEntries } from '../entry.ts';
import { EntryProblem, optionalBoolean, optionalInteger, optionalString, requiredString } from '../fields.ts';
import { isRecord, malformed } from '../input.ts';
import type { Importer } from '../types.ts';

const WHAT = 'Authdesk backup';

export const importAuthdeskBackup: Importer = async (input, password) => {
  let data;
  try {
    data = await openWithPassword(input, requirePassword(password, WHAT));
  } catch (error) {
    if (isAuthdeskError(error, 'VAULT_WRONG_PASSWORD')) throw wrongPassword(WHAT);
    if (isAuthdeskError(error, 'VAULT_DAMAGED')) throw malformed(WHAT, 'it was cut short or changed after it was written');
    if (isAuthdeskError(error, 'VAULT_TOO_NEW')) throw malformed(WHAT, 'it was written by a newer Authdesk; update this one to read it');
    throw error;
  }
  // Note (untrusted data): a backup decrypts with whatever password its author chose, so its
  // accounts are read like any other app's entries, field by field through buildEntry, never
  // taken as the vault's own checked data.
  const groupNames = new Map((data.groups as readonly unknown[]).flatMap((g) => (isRecord(g) && typeof g['id'] === 'string' && typeof g['name'] === 'string' ? [[g['id'], g['name']] as const] : [])));
  return collectEntries(data.accounts as readonly unknown[], (account) => {
    if (!isRecord(account) || !isRecord(account['otp'])) throw new EntryProblem('it is not an account');
    const otp = account['otp'];
    const groupIds: readonly unknown[] = Array.isArray(account['groupIds']) ? account['groupIds'] : [];
    return buildEntry(
      {
        type: requiredString(otp, 'type'),
        issuer: optionalString(account, 'issuer'),
        label: optionalString(account, 'label'),
        secret: requiredString(otp, 'secret'),
        algorithm: optionalString(otp, 'algorithm'),
        digits: optionalInteger(otp, 'digits'),
        period: optionalInteger(otp, 'period'),
        counter: optionalInteger(otp, 'counter'),
      },
      {
        groups: groupIds.flatMap((id) => (typeof id === 'string' ? (groupNames.get(id) ?? []) : [])),
        favourite: optionalBoolean(account, 'favourite'),
        note: optionalString(account, 'note'),
        icon: optionalString(account, 'icon'),
      },
    );
  });
};
