// Runs in: main, CLI, tests.
//
// Google Authenticator's "Transfer accounts" format: otpauth-migration:// URIs (encoded by
// the otp module) and one QR code PNG each, to scan with the phone. Accounts Google cannot
// hold (Steam, 7 digits, periods other than 30 s) are left out and listed, not fatal.

import { encodeMigration, fitsMigration } from '../../otp/migration.ts';
import type { Account } from '../../vault/model.ts';

export interface GoogleMigrationExport {
  readonly uris: readonly string[];
  /** PNG images, one per URI, in the same order; none when not asked for. */
  readonly qrCodes: readonly Buffer[];
  /** Ids of the accounts left out because Google Authenticator cannot hold them. */
  readonly skipped: readonly string[];
}

/** `qrCodes: false` leaves the images out: drawing them is most of the work (seconds per hundred URIs). */
export async function exportGoogleMigration(accounts: readonly Account[], options: { maxUriLength?: number; qrCodes?: boolean } = {}): Promise<GoogleMigrationExport> {
  const fitting = accounts.filter((a) => fitsMigration(a));
  const skipped = accounts.filter((a) => !fitsMigration(a)).map((a) => a.id);
  if (fitting.length === 0) return { uris: [], qrCodes: [], skipped };
  const uris = encodeMigration(fitting, options.maxUriLength === undefined ? {} : { maxUriLength: options.maxUriLength });
  if (options.qrCodes === false) return { uris, qrCodes: [], skipped };
  // Loaded only when QR pictures are asked for: most exports never draw one.
  const { default: QRCode } = await import('qrcode');
  // Medium error correction: readable off a screen, denser codes than "H" would need.
  const qrCodes = await Promise.all(uris.map((uri) => QRCode.toBuffer(uri, { type: 'png', errorCorrectionLevel: 'M', margin: 2, scale: 6 })));
  return { uris, qrCodes, skipped };
}
