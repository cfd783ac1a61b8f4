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
// The smallest encrypted andOTP file: a 12-byte nonce and a 16-byte tag.
const MIN_ANDOTP_BYTES = 28;

function unknown(lookalike?: string): AuthdeskError {
  const start = lookalike === undefined ? 'Authdesk does not recognise this file.' : `This looks like ${lookalike}, which Authdesk can't import yet.`;
  return new AuthdeskError('IMPORT_UNKNOWN_FORMAT', `${start} ${SUPPORTED}`);
}

function startsWith(bytes: Uint8Array, magic: string): boolean {
  return bytes.length >= magic.length && Buffer.from(bytes.buffer, bytes.byteOffset, magic.length).toString('latin1') === magic;
}

export function detectFormat(bytes: Uint8Array): FormatId {
  // Binary, so checked before the andOTP fallback below could claim it.
  if (startsWith(bytes, AUTHDESK_MAGIC.toString('latin1'))) return 'authdesk';
  if (startsWith(bytes, STRATUM_HEADER) || startsWith(bytes, STRATUM_LEGACY_HEADER)) return 'stratum';
  if (startsWith(bytes, 'SQLite format 3\u0000')) return throwUnknown("an app's internal database (Google Authenticator, Microsoft Authenticator, Stratum's own storage)");
  if (startsWith(bytes, 'PK\u0003\u0004')) return throwUnknown('a ZIP archive (Authenticator Plus and others)');
  if (startsWith(bytes, '\u00ac\u00ed\u0000\u0005')) return throwUnknown('a FreeOTP backup (Java serialized data)');
  if (startsWith(bytes, '<?xml') || startsWith(bytes, '<map')) return throwUnknown(ANDROID_XML);
  const text = asText(bytes);
  if (text === null) {
    if (mostlyText(bytes)) throw new AuthdeskError('IMPORT_MALFORMED', 'This file is text with some bytes that are not: it is damaged, so Authdesk cannot read it.');
    // Encrypted andOTP backups have no header at all: any other binary blob is tried as one,
    // and a wrong guess ends as "wrong password, or not an andOTP backup".
    if (bytes.length >= MIN_ANDOTP_BYTES) return 'andotp';
    throw unknown();
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

// Ciphertext is uniformly random: about 37% of its bytes are printable ASCII.
function mostlyText(bytes: Uint8Array): boolean {
  let printable = 0;
  for (const b of bytes) if ((b >= 0x20 && b < 0x7f) || b === 0x0a || b === 0x0d || b === 0x09) printable++;
  return printable >= bytes.length * 0.9;
}

function throwUnknown(lookalike: string): never {
  throw unknown(lookalike);
}
