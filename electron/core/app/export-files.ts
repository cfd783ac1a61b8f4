// Runs in: main, tests.
//
// Export from the window (issue 9 item 6). Note (export content stays in main): the vault
// password is checked here, throttled like unlocking, before anything is produced; the file
// is chosen with the OS save dialog and written by main (0600, atomic); the window learns the
// file's name, the count and what was left out, never the content. The one exception is the
// Google migration export shown as QR codes for a phone to scan: those images are the export,
// so they go to the window, which forgets them when the dialog closes or the vault locks.
// Change together with renderer/src/lib/export/ and docs/security-model.md ("Export").
import { basename } from 'node:path';
import { AuthdeskError } from '../errors.ts';
import { describeFileError } from '../platform/file-errors.ts';
import type { Clock, Dialogs, FileFilter } from '../platform/ports.ts';
import { writeOwnFile } from '../vault/atomic-file.ts';
import { isVaultFile } from '../vault/own-files.ts';
import { MIN_PASSWORD_LENGTH } from '../vault/vault.ts';
import type { VaultService } from '../vault/vault-service.ts';
import { ENCRYPTED_EXPORTS, type ExportFormat, type ExportResult, type TransferService } from './transfer.ts';

/** An account a format could not hold, as the user knows it. */
export interface SkippedAccount {
  readonly issuer: string;
  readonly label: string;
}

export interface ExportSummary {
  /** How many accounts the export holds. */
  readonly count: number;
  readonly skipped: readonly SkippedAccount[];
}

export type ExportSaved = ({ readonly saved: true; readonly fileName: string } & ExportSummary) | { readonly saved: false };

export interface ExportQrCodes extends ExportSummary {
  /** One PNG per page, as data: URLs the window can show under its CSP (img-src data:). */
  readonly pages: readonly string[];
}

const FILES: Record<ExportFormat, { readonly extension: string; readonly filter: FileFilter }> = {
  authdesk: { extension: 'authdesk-export', filter: { name: 'Authdesk encrypted export', extensions: ['authdesk-export'] } },
  aegis: { extension: 'json', filter: { name: 'Aegis vault (encrypted)', extensions: ['json'] } },
  'aegis-plain': { extension: 'json', filter: { name: 'Aegis vault (plain)', extensions: ['json'] } },
  otpauth: { extension: 'txt', filter: { name: 'otpauth:// links', extensions: ['txt'] } },
  'google-migration': { extension: 'txt', filter: { name: 'Google Authenticator links', extensions: ['txt'] } },
};

export class ExportService {
  readonly #vault: VaultService;
  readonly #transfer: TransferService;
  readonly #dialogs: Dialogs | null;
  readonly #clock: Clock;

  constructor(vault: VaultService, transfer: TransferService, dialogs: Dialogs | null, clock: Clock) {
    this.#vault = vault;
    this.#transfer = transfer;
    this.#dialogs = dialogs;
    this.#clock = clock;
  }

  /** Checks the vault password, asks where to save, and writes the export there. */
  async toFile(format: ExportFormat, vaultPassword: string, exportPassword: string): Promise<ExportSaved> {
    const encrypted = ENCRYPTED_EXPORTS.includes(format);
    if (encrypted && [...exportPassword].length < MIN_PASSWORD_LENGTH) {
      throw new AuthdeskError('INVALID_INPUT', `The export password must be at least ${MIN_PASSWORD_LENGTH} characters long.`, { details: { field: 'exportPassword' } });
    }
    await this.#vault.unlocked().verifyPassword(vaultPassword);
    if (!this.#dialogs) throw new AuthdeskError('INVALID_INPUT', 'This front end cannot show a save dialog.');
    const { extension, filter } = FILES[format];
    const day = new Date(this.#clock.now()).toISOString().slice(0, 10);
    const path = await this.#dialogs.saveFile({ title: 'Save the export', defaultName: `authdesk-${format}-${day}.${extension}`, filters: [filter] });
    if (path === null) return { saved: false };
    if (await isVaultFile(path, this.#vault.path)) {
      throw new AuthdeskError('INVALID_INPUT', `${basename(path)} is one of the vault’s own files; nothing was written. Choose another name.`);
    }
    const result = await this.#transfer.export(format, encrypted ? exportPassword : '', { qrCodes: false });
    try {
      // The save dialog already asked before replacing a file: replace it whole, never write into it.
      await writeOwnFile(path, typeof result.content === 'string' ? Buffer.from(result.content) : result.content, true);
    } catch (error) {
      throw new AuthdeskError('EXPORT_FAILED', `Could not write ${basename(path)}: ${describeFileError(error)}; nothing was exported. Choose another folder.`);
    }
    return { saved: true, fileName: basename(path), ...this.#summary(result) };
  }

  /** Checks the vault password and makes the Google Authenticator QR codes. */
  async qrCodes(vaultPassword: string): Promise<ExportQrCodes> {
    await this.#vault.unlocked().verifyPassword(vaultPassword);
    const result = await this.#transfer.export('google-migration', '');
    return { pages: result.qrCodes.map((png) => `data:image/png;base64,${Buffer.from(png).toString('base64')}`), ...this.#summary(result) };
  }

  #summary(result: ExportResult): ExportSummary {
    const skipped = new Set(result.skipped);
    const accounts = this.#vault.unlocked().data().accounts;
    return { count: result.count, skipped: accounts.filter((a) => skipped.has(a.id)).map((a) => ({ issuer: a.issuer, label: a.label })) };
  }
}
