// Runs in: main, CLI, tests.
//
// The shapes every importer returns and every exporter takes. One import is all or nothing
// at the file level (a damaged or wrongly decrypted file throws and returns nothing), but a
// single unusable entry inside a good file is reported in `errors` and skipped, as Aegis does.

import type { OtpEntry } from '../otp/entry.ts';

export const FORMAT_IDS = ['otpauth', 'google-migration', 'aegis', '2fas', 'andotp', 'bitwarden', 'ente', 'freeotp-plus', 'proton', 'stratum', 'authdesk'] as const;

export type FormatId = (typeof FORMAT_IDS)[number];

/** How messages name each format. */
export const FORMAT_NAMES: Readonly<Record<FormatId, string>> = {
  otpauth: 'a list of otpauth:// links',
  'google-migration': 'a Google Authenticator export',
  aegis: 'an Aegis vault',
  '2fas': 'a 2FAS backup',
  andotp: 'an andOTP backup',
  bitwarden: 'a Bitwarden export',
  ente: 'an Ente Auth export',
  'freeotp-plus': 'a FreeOTP+ export',
  proton: 'a Proton Authenticator export',
  stratum: 'a Stratum (Authenticator Pro) backup',
  authdesk: 'an Authdesk encrypted backup',
};

export interface ImportedEntry extends OtpEntry {
  /** Group (folder, tag, category) names as the source app spells them. */
  readonly groups?: readonly string[];
  readonly favourite?: boolean;
  readonly note?: string;
  /** The source app's icon for the account, as a data URL (Account.icon). */
  readonly icon?: string;
}

export interface EntryError {
  /** Position of the entry in the source file, from 0. */
  readonly index: number;
  /** For people; never quotes the entry's data. */
  readonly message: string;
}

export interface ImportResult {
  readonly format: FormatId;
  readonly entries: readonly ImportedEntry[];
  readonly errors: readonly EntryError[];
  /** Entries imported all the same but worth a look (a secret under 80 bits), by index. */
  readonly warnings: readonly EntryError[];
}

export interface ImportOptions {
  readonly format?: FormatId | 'auto';
  /** The password of an encrypted backup; never logged, never part of an error. */
  readonly password?: string;
}

export type ImportedData = Omit<ImportResult, 'format'>;

/** What one format module offers: read the bytes it was given, with the caller's password. */
export type Importer = (input: Uint8Array, password: string | undefined) => Promise<ImportedData>;
