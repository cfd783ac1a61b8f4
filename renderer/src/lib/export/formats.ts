// Runs in: renderer. Words for each export format core offers (transfer.formats).
import type { ExportFormat } from '../../../../electron/core/api/types.ts';

export interface FormatWords {
  readonly name: string;
  readonly describe: string;
}

export const FORMAT_WORDS: Record<ExportFormat, FormatWords> = {
  authdesk: { name: 'Authdesk export (encrypted)', describe: 'Every account with its groups, icon and note, sealed with an export password. For Authdesk on another computer.' },
  aegis: { name: 'Aegis vault (encrypted)', describe: 'An Aegis JSON vault sealed with an export password. Aegis Authenticator on Android imports it.' },
  'aegis-plain': { name: 'Aegis vault (not encrypted)', describe: 'A plain Aegis JSON file. Many apps import it; anyone who can read it can read every secret.' },
  otpauth: { name: 'otpauth:// links (not encrypted)', describe: 'One link per line, the format most authenticator apps and password managers read.' },
  'google-migration': {
    name: 'Google Authenticator (QR codes on screen)',
    describe: 'Shown here as QR codes to scan with Google Authenticator’s “Transfer accounts”. Nothing is saved to disk.',
  },
};

/** Where the user must be told the file is readable by anyone who gets it. */
export const PLAIN_WARNING = 'This export is not encrypted. Anyone who gets the file can read every secret in it and make your codes. Keep it safe and delete it once imported.';

/** The QR codes are the secrets too, on screen instead of in a file. */
export const QR_WARNING = 'These QR codes are not encrypted. Anyone who sees or photographs them can copy every account: show them only to your own phone.';
