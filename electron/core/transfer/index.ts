// Runs in: main, CLI, tests.
//
// The public face of the transfer module: importData (bytes or text in, checked entries
// out, the format detected by content unless named) and the exporters, which take vault
// Accounts. The "Authdesk encrypted backup" is the vault's own envelope, sealed and opened
// by the vault module (authdesk/ only picks what goes in and maps the errors).

import { AuthdeskError } from '../errors.ts';
import { importAegis } from './aegis/import.ts';
import { importAndOtp } from './andotp/import.ts';
import { importAuthdeskBackup } from './authdesk/import.ts';
import { importBitwarden } from './bitwarden/import.ts';
import { detectFormat } from './detect.ts';
import { importEnte } from './ente/import.ts';
import { importFreeOtpPlus } from './freeotp-plus/import.ts';
import { importGoogleMigration } from './google-migration/import.ts';
import { importOtpauthList } from './otpauth-list/import.ts';
import { importProton } from './proton/import.ts';
import { importStratum } from './stratum/import.ts';
import { importTwoFas } from './twofas/import.ts';
import { assertImportSize } from './size-caps.ts';
import { FORMAT_IDS, FORMAT_NAMES } from './types.ts';
import type { FormatId, ImportOptions, ImportResult, Importer } from './types.ts';

export { exportAegis } from './aegis/export.ts';
export type { AegisExportOptions } from './aegis/export.ts';
export { exportAuthdeskBackup } from './authdesk/export.ts';
export type { AuthdeskExportOptions } from './authdesk/export.ts';
export { detectFormat } from './detect.ts';
export { exportGoogleMigration } from './google-migration/export.ts';
export type { GoogleMigrationExport } from './google-migration/export.ts';
export { exportOtpauthList } from './otpauth-list/export.ts';
export { FORMAT_IDS, FORMAT_NAMES } from './types.ts';
export { readImportFile } from './import-file.ts';
export { MAX_IMPORT_BYTES } from './size-caps.ts';
export type { EntryError, FormatId, ImportedEntry, ImportOptions, ImportResult } from './types.ts';

const IMPORTERS: Readonly<Record<FormatId, Importer>> = {
  otpauth: importOtpauthList,
  'google-migration': importGoogleMigration,
  aegis: importAegis,
  '2fas': importTwoFas,
  andotp: importAndOtp,
  bitwarden: importBitwarden,
  ente: importEnte,
  'freeotp-plus': importFreeOtpPlus,
  proton: importProton,
  stratum: importStratum,
  authdesk: importAuthdeskBackup,
};

/**
 * Reads a backup. Throws AuthdeskError IMPORT_UNKNOWN_FORMAT, IMPORT_MALFORMED,
 * IMPORT_PASSWORD_REQUIRED or IMPORT_WRONG_PASSWORD, and then returns nothing at all.
 */
export async function importData(input: Uint8Array | string, options: ImportOptions = {}): Promise<ImportResult> {
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  assertImportSize(bytes.length);
  const requested = options.format ?? 'auto';
  if (requested !== 'auto' && !FORMAT_IDS.includes(requested)) throw new AuthdeskError('IMPORT_UNKNOWN_FORMAT', `Authdesk has no importer for that format. It knows: ${FORMAT_IDS.join(', ')}.`);
  const format = requested === 'auto' ? detectFormat(bytes) : requested;
  assertImportSize(bytes.length, format);
  try {
    return { format, ...(await IMPORTERS[format](bytes, options.password)) };
  } catch (error) {
    if (error instanceof AuthdeskError) throw error;
    // A library's exception may quote the data that caused it: replaced, kept only as cause.
    throw new AuthdeskError('IMPORT_MALFORMED', `This file could not be read as ${FORMAT_NAMES[format]}: it is damaged or in a variant Authdesk does not know.`, { cause: error });
  }
}
