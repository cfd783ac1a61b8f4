// Runs in: main, CLI, tests.
//
// Recognises a backup by its content, so the user can drop any file without naming its app.
// Cheap checks only (magic bytes, the JSON shape's tell-tale keys, the first line); the
// chosen importer then validates everything. Files of apps Authdesk does not import are
// named where that is as cheap, so the message says what to do.

import { AuthdeskError } from '../errors.ts';
import { MAGIC as AUTHDESK_MAGIC } from '../vault/envelope.ts';
import { asText, isRecord } from './input.ts';
import { STRATUM_HEADER, STRATUM_LEGACY_HEADER } from './stratum/import.ts';
import { firstNonEmptyLine } from './text-lines.ts';
import type { FormatId } from './types.ts';

const SUPPORTED = 'Authdesk imports its own encrypted backups, Aegis, 2FAS, andOTP, Bitwarden, Ente Auth, FreeOTP+, Proton Authenticator and Stratum backups, Google Authenticator exports and lists of otpauth:// links.';
const ANDROID_XML = "an Android app's data file (FreeOTP, Authy, Battle.net, TOTP Authenticator)";
// Note (andOTP without magic): andOTP's encrypted backups have no magic bytes. The current
// format starts with its PBKDF2 rounds as a big-endian int32, and andOTP writes 140,000 to
// 160,000 (Constants.PBKDF2_MIN/MAX_BACKUP_ITERATIONS): random bytes start like that about
// once in 215,000 files, so only such files are taken for andOTP. The old format (before
// PBKDF2) is a random nonce and ciphertext, indistinguishable from random data: it is read
// only when the user names andOTP as the format. Any other binary file is "not recognised",
// never "wrong andOTP password". Change together with andotp/import.ts.
const ANDOTP_ROUNDS = { min: 140_000, max: 160_000 };
// Rounds, salt, nonce and tag: the smallest encrypted andOTP file in the current format.
const MIN_ANDOTP_BYTES = 4 + 12 + 12 + 16;
const IMAGES: readonly (readonly [magic: string, name: string])[] = [
  ['\u0089PNG\r\n\u001a\n', 'a PNG image'],
  ['\u00ff\u00d8\u00ff', 'a JPEG image'],
  ['GIF8', 'a GIF image'],
];

function image(name: string): AuthdeskError {
  return new AuthdeskError('IMPORT_UNKNOWN_FORMAT', `This is ${name}, not a backup: the command line does not read QR codes from pictures. Open the picture in Authdesk's window (Add account, then Scan a picture), or import the otpauth:// or otpauth-migration:// link the QR code holds. ${SUPPORTED}`);
}

function unknown(lookalike?: string): AuthdeskError {
  const start = lookalike === undefined ? 'Authdesk does not recognise this file.' : `This looks like ${lookalike}, which Authdesk can't import yet.`;
  return new AuthdeskError('IMPORT_UNKNOWN_FORMAT', `${start} ${SUPPORTED}`);
}

function startsWith(bytes: Uint8Array, magic: string): boolean {
  return bytes.length >= magic.length && Buffer.from(bytes.buffer, bytes.byteOffset, magic.length).toString('latin1') === magic;
}

export function detectFormat(bytes: Uint8Array): FormatId {
  // Binary, so checked before the andOTP header below could claim it.
  if (startsWith(bytes, AUTHDESK_MAGIC.toString('latin1'))) return 'authdesk';
  if (startsWith(bytes, STRATUM_HEADER) || startsWith(bytes, STRATUM_LEGACY_HEADER)) return 'stratum';
  if (startsWith(bytes, 'SQLite format 3\u0000')) return throwUnknown("an app's internal database (Google Authenticator, Microsoft Authenticator, Stratum's own storage)");
  if (startsWith(bytes, 'PK\u0003\u0004')) return throwUnknown('a ZIP archive (Authenticator Plus and others)');
  if (startsWith(bytes, '\u00ac\u00ed\u0000\u0005')) return throwUnknown('a FreeOTP backup (Java serialized data)');
  if (startsWith(bytes, '<?xml') || startsWith(bytes, '<map')) return throwUnknown(ANDROID_XML);
  if (startsWith(bytes, '%PDF-')) return throwUnknown('a PDF document');
  const picture = imageName(bytes);
  if (picture !== undefined) throw image(picture);
  const text = asText(bytes);
  if (text === null) {
    if (mostlyText(bytes)) throw new AuthdeskError('IMPORT_MALFORMED', 'This file is text with some bytes that are not: it is damaged, so Authdesk cannot read it.');
    if (hasAndOtpHeader(bytes)) return 'andotp';
    throw new AuthdeskError('IMPORT_UNKNOWN_FORMAT', `Authdesk does not recognise this file. ${SUPPORTED} An encrypted backup from an old andOTP version has nothing to recognise it by: choose andOTP as its format to import it.`);
  }
  const trimmed = text.trimStart();
  if (trimmed.startsWith('<')) return throwUnknown(ANDROID_XML);
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) return detectJson(trimmed);
  const first = firstNonEmptyLine(text).toLowerCase();
  if (first.startsWith('otpauth-migration://')) return 'google-migration';
  if (first.startsWith('otpauth://')) return /[?&]codeDisplay=/.test(text) ? 'ente' : 'otpauth';
  if (first.split(',').includes('login_totp')) return 'bitwarden';
  throw unknown();
}

function detectJson(text: string): FormatId {
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    throw new AuthdeskError('IMPORT_MALFORMED', 'This file looks like JSON but is damaged or incomplete, so Authdesk cannot tell which app wrote it.');
  }
  if (Array.isArray(value)) {
    const first: unknown = value[0];
    if (isRecord(first) && 'otpGenerator' in first) return throwUnknown('a Duo Mobile export');
    if (value.length === 0 || (isRecord(first) && 'secret' in first && 'type' in first)) return 'andotp';
    throw unknown();
  }
  if (!isRecord(value)) throw unknown();
  if ('header' in value && 'db' in value) return 'aegis';
  if ('schemaVersion' in value && ('services' in value || 'servicesEncrypted' in value)) return '2fas';
  // Bitwarden's encrypted exports have no items, only `encrypted: true` and the ciphertext.
  if ('encrypted' in value && ('items' in value || value['encrypted'] === true)) return 'bitwarden';
  if (Array.isArray(value['tokens'])) return 'freeotp-plus';
  if ('Authenticators' in value) return 'stratum';
  const entries = value['entries'];
  if (Array.isArray(entries) && (entries.length === 0 || (isRecord(entries[0]) && 'content' in entries[0]))) return 'proton';
  if ('accounts' in value || 'shared_secret' in value) return throwUnknown('a Steam Guard file');
  throw unknown();
}

function imageName(bytes: Uint8Array): string | undefined {
  if (startsWith(bytes, 'RIFF') && startsWith(bytes.subarray(8), 'WEBP')) return 'a WebP image';
  return IMAGES.find(([magic]) => startsWith(bytes, magic))?.[1];
}

function hasAndOtpHeader(bytes: Uint8Array): boolean {
  if (bytes.length < MIN_ANDOTP_BYTES) return false;
  const rounds = new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0);
  return rounds >= ANDOTP_ROUNDS.min && rounds <= ANDOTP_ROUNDS.max;
}

// Ciphertext is uniformly random: about 37% of its bytes are printable ASCII.
function mostlyText(bytes: Uint8Array): boolean {
  let printable = 0;
  for (const b of bytes) if ((b >= 0x20 && b < 0x7f) || b === 0x0a || b === 0x0d || b === 0x09) printable++;
  return printable >= bytes.length * 0.9;
}

function throwUnknown(lookalike: string): never {
  throw unknown(lookalike);
}
