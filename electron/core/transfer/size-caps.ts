// Runs in: main, CLI, tests.
//
// How large an import may be, overall and for each format.

import { AuthdeskError } from '../errors.ts';
import { FORMAT_NAMES, type FormatId } from './types.ts';

// Note (size caps): read before anything else, so a wrong file cannot fill memory; the larger
// caps are for formats that embed icons (Aegis, Stratum, Authdesk: images in base64) or hold a
// whole password vault (Bitwarden: every login and note, notes up to 10,000 characters). The
// rest hold text only, at most a few hundred bytes an account: 8 MiB is tens of thousands.
// MAX_IMPORT_BYTES is also the most import-file.ts reads.
const MIB = 1024 * 1024;
export const MAX_IMPORT_BYTES = 32 * MIB;
const TEXT_ONLY_BYTES = 8 * MIB;
const MAX_BYTES: Readonly<Record<FormatId, number>> = {
  otpauth: TEXT_ONLY_BYTES,
  'google-migration': TEXT_ONLY_BYTES,
  aegis: MAX_IMPORT_BYTES,
  '2fas': TEXT_ONLY_BYTES,
  andotp: TEXT_ONLY_BYTES,
  bitwarden: 16 * MIB,
  ente: TEXT_ONLY_BYTES,
  'freeotp-plus': TEXT_ONLY_BYTES,
  proton: TEXT_ONLY_BYTES,
  stratum: MAX_IMPORT_BYTES,
  authdesk: MAX_IMPORT_BYTES,
};

/** Throws when `length` bytes are more than any backup (no format yet) or any backup of `format`. */
export function assertImportSize(length: number, format?: FormatId): void {
  const cap = format === undefined ? MAX_IMPORT_BYTES : MAX_BYTES[format];
  if (length <= cap) return;
  const what = format === undefined ? 'an authenticator backup' : FORMAT_NAMES[format];
  throw new AuthdeskError('IMPORT_MALFORMED', `This file is larger than ${what} can be (${cap / MIB} MiB at most); it is damaged or not a backup, and nothing was imported.`);
}
