// Runs in: main, CLI, tests.
//
// Import and export for the front ends, over the unlocked vault: reading a backup changes
// nothing; adding its entries is one atomic vault change; an export is made from the vault as
// it is now. Writing files (names, modes, overwrite rules) is the front end's business.
import type { AccountsService, AddResult } from '../accounts/accounts.ts';
import { exportAegis, exportAuthdeskBackup, exportGoogleMigration, exportOtpauthList, importData, type ImportOptions, type ImportResult } from '../transfer/index.ts';
import type { VaultService } from '../vault/vault-service.ts';

import { type ExportFormat } from '../transfer/export-formats.ts';

export { ENCRYPTED_EXPORTS, EXPORT_FORMATS, type ExportFormat } from '../transfer/export-formats.ts';

export interface ExportResult {
  /** The export itself: binary for an Authdesk backup, text for the others. */
  readonly content: Uint8Array | string;
  /** Google migration only: one QR code PNG per URI line, to scan with a phone. */
  readonly qrCodes: readonly Uint8Array[];
  /** How many accounts the export holds. */
  readonly count: number;
  /** Ids of accounts the format cannot hold (Google: Steam, 7 digits, other periods). */
  readonly skipped: readonly string[];
}

export class TransferService {
  readonly #vault: VaultService;
  readonly #accounts: AccountsService;

  constructor(vault: VaultService, accounts: AccountsService) {
    this.#vault = vault;
    this.#accounts = accounts;
  }

  /** Reads a backup or link without touching the vault (a preview, or a password to ask for). */
  read(input: Uint8Array | string, options: ImportOptions = {}): Promise<ImportResult> {
    return importData(input, options);
  }

  /** Adds what read() found, skipping accounts already in the vault. */
  add(result: ImportResult): Promise<AddResult> {
    return this.#accounts.addMany(result.entries);
  }

  /** `password` seals the encrypted formats and is ignored by the plain ones; `qrCodes: false` skips the Google images. */
  async export(format: ExportFormat, password: string, options: { readonly qrCodes?: boolean } = {}): Promise<ExportResult> {
    const vault = this.#vault.unlocked();
    const { accounts, groups } = vault.data();
    const whole = { qrCodes: [], count: accounts.length, skipped: [] };
    switch (format) {
      case 'authdesk':
        // Note (KDF): the backup gets the vault's own Argon2id parameters, calibrated when the
        // vault was made: as costly to guess as the vault file itself, without a second calibration.
        return { ...whole, content: await exportAuthdeskBackup({ accounts, groups }, password, { kdf: vault.kdfParams }) };
      case 'aegis':
        return { ...whole, content: `${await exportAegis(accounts, { groups, password })}\n` };
      case 'aegis-plain':
        return { ...whole, content: `${await exportAegis(accounts, { groups })}\n` };
      case 'otpauth':
        return { ...whole, content: exportOtpauthList(accounts) };
      case 'google-migration': {
        const result = await exportGoogleMigration(accounts, { qrCodes: options.qrCodes ?? true });
        return { content: result.uris.map((uri) => `${uri}\n`).join(''), qrCodes: result.qrCodes, count: accounts.length - result.skipped.length, skipped: result.skipped };
      }
    }
  }
}
