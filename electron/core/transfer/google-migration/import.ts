// Runs in: main, CLI, tests.
//
// Google Authenticator's "Transfer accounts" export: one otpauth-migration:// URI per QR
// code, one a line, decoded by the otp module. All QR codes of an export must be present.

import { AuthdeskError, isAuthdeskError } from '../../errors.ts';
import type { OtpEntry } from '../../otp/entry.ts';
import { decodeMigrationUris } from '../../otp/migration.ts';
import { collectEntries, withExtras } from '../entry.ts';
import { malformed, requireText } from '../input.ts';
import { nonEmptyLines } from '../text-lines.ts';
import type { Importer } from '../types.ts';

const WHAT = 'Google Authenticator export';

export const importGoogleMigration: Importer = async (input) => {
  const lines = nonEmptyLines(requireText(input, WHAT));
  if (lines.length === 0) throw malformed(WHAT, 'it holds no otpauth-migration:// link');
  let entries: OtpEntry[];
  try {
    entries = decodeMigrationUris(lines);
  } catch (error) {
    // The codec fails a whole export at once (its batches belong together), so its problem
    // is the file's problem.
    if (isAuthdeskError(error) && error.code.startsWith('OTP_')) throw new AuthdeskError('IMPORT_MALFORMED', error.message, { cause: error });
    throw error;
  }
  return collectEntries(entries, (entry) => withExtras(entry, {}));
};
