// Runs in: main, CLI, tests.
//
// Reads an Authdesk encrypted backup (see export.ts) back into entries. The vault module
// decrypts and checks the data; its vault-worded errors become the import's own.

import { isAuthdeskError } from '../../errors.ts';
import { excessiveKdfError } from '../../vault/kdf.ts';
import { openWithPassword } from '../../vault/password-seal.ts';
import { requirePassword, wrongPassword } from '../cipher.ts';
import { collectEntries, withExtras } from '../entry.ts';
import { malformed } from '../input.ts';
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
  const groupNames = new Map(data.groups.map((g) => [g.id, g.name]));
  return collectEntries(data.accounts, (account) =>
    withExtras(
      { issuer: account.issuer, label: account.label, otp: account.otp },
      {
        groups: account.groupIds.flatMap((id) => groupNames.get(id) ?? []),
        favourite: account.favourite,
        note: account.note,
        ...(account.icon === null ? {} : { icon: account.icon }),
      },
    ),
  );
};
