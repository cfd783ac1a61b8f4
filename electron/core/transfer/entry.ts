// Runs in: main, CLI, tests.
//
// Every importer ends here: loose fields from a foreign app become one ImportedEntry checked
// by the otp module's otpParams() (same defaults and ranges as a typed-in account), or a
// per-entry problem reported by index.

import { AuthdeskError } from '../errors.ts';
import { encodeBase32 } from '../otp/base32.ts';
import { OTP_TYPES, otpParams, parseAlgorithm, weakSecretWarning } from '../otp/entry.ts';
import type { OtpEntry } from '../otp/entry.ts';
import { cleanName, cleanNote, isIcon, MAX_NAME, MAX_NOTE } from '../otp/names.ts';
import { EntryProblem } from './fields.ts';
import type { EntryError, ImportedData, ImportedEntry } from './types.ts';

export interface EntryFields {
  /** 'totp' | 'hotp' | 'steam' in any case; anything else is unsupported. */
  readonly type: string;
  readonly issuer?: string | undefined;
  readonly label?: string | undefined;
  /** Base32 text (any case, spaces and padding allowed) or the raw secret bytes. */
  readonly secret: string | Uint8Array;
  readonly algorithm?: string | undefined;
  readonly digits?: number | undefined;
  readonly period?: number | undefined;
  readonly counter?: number | undefined;
}

export interface EntryExtras {
  readonly groups?: readonly string[] | undefined;
  readonly favourite?: boolean | undefined;
  readonly note?: string | undefined;
  /** A data URL. */
  readonly icon?: string | undefined;
}

export function buildEntry(fields: EntryFields, extras: EntryExtras = {}): ImportedEntry {
  const type = OTP_TYPES.find((t) => t === fields.type.trim().toLowerCase());
  if (type === undefined) throw new EntryProblem('its OTP type is not TOTP, HOTP or Steam, the ones Authdesk supports');
  const algorithm = fields.algorithm === undefined ? undefined : parseAlgorithm(fields.algorithm);
  if (algorithm === null) throw new EntryProblem('its algorithm is not SHA1, SHA256 or SHA512');
  if (typeof fields.secret !== 'string' && fields.secret.length === 0) throw new EntryProblem('its secret is empty');
  const secret = typeof fields.secret === 'string' ? fields.secret : encodeBase32(fields.secret);
  const otp = otpParams({ type, secret, algorithm, digits: fields.digits, period: fields.period, counter: fields.counter });
  return withExtras({ issuer: fields.issuer ?? '', label: fields.label ?? '', otp }, extras);
}

/**
 * Adds group names, favourite, note and icon to an entry, dropping empty values. Names and
 * note are cleaned (names.ts) and their lengths checked here, so one oversized entry is skipped
 * and reported instead of failing the whole import when the accounts are added.
 */
export function withExtras(entry: OtpEntry, extras: EntryExtras): ImportedEntry {
  const issuer = cleanName(entry.issuer);
  const label = cleanName(entry.label);
  const groups = [...new Set((extras.groups ?? []).map(cleanName).filter((g) => g !== ''))];
  if ([issuer, label, ...groups].some((n) => n.length > MAX_NAME)) throw new EntryProblem(`its name, issuer or a group name is longer than ${MAX_NAME} characters`);
  const note = cleanNote(extras.note ?? '');
  if (note.length > MAX_NOTE) throw new EntryProblem(`its note is longer than ${MAX_NOTE} characters`);
  // An icon is only decoration: the account is imported without one that is too big or odd.
  const icon = extras.icon !== undefined && isIcon(extras.icon) ? extras.icon : undefined;
  return {
    issuer,
    label,
    otp: entry.otp,
    ...(groups.length > 0 ? { groups } : {}),
    ...(extras.favourite === undefined ? {} : { favourite: extras.favourite }),
    ...(note ? { note } : {}),
    ...(icon ? { icon } : {}),
  };
}

// Note (entry cap): people keep tens or hundreds of accounts, a few thousand at the very most;
// a file listing more than this is not a backup, and each entry costs validation and memory.
export const MAX_ENTRIES = 100_000;

/**
 * Converts each item; an item that fails with a per-entry problem (ours, or a typed error
 * from the otp module such as an invalid otpauth:// link) is skipped and reported by index.
 * A converter returns null for items that hold no OTP at all (a Bitwarden login without a
 * TOTP field), which are skipped silently. An entry imported with a weak secret gets a warning.
 */
export function collectEntries<T>(items: readonly T[], convert: (item: T, index: number) => ImportedEntry | null): ImportedData {
  if (items.length > MAX_ENTRIES) {
    throw new AuthdeskError('IMPORT_MALFORMED', `This file lists more than ${MAX_ENTRIES.toLocaleString('en-US')} entries, far more than any authenticator holds; it is damaged or crafted, and nothing was imported.`);
  }
  const entries: ImportedEntry[] = [];
  const errors: EntryError[] = [];
  const warnings: EntryError[] = [];
  items.forEach((item, index) => {
    try {
      const entry = convert(item, index);
      if (entry === null) return;
      entries.push(entry);
      const weak = weakSecretWarning(entry.otp);
      if (weak !== null) warnings.push({ index, message: weak });
    } catch (error) {
      if (error instanceof EntryProblem) errors.push({ index, message: `This entry was skipped: ${error.message}.` });
      else if (error instanceof AuthdeskError && error.code.startsWith('OTP_')) errors.push({ index, message: `This entry was skipped. ${error.message}` });
      else throw error;
    }
  });
  return { entries, errors, warnings };
}
