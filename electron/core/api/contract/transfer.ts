// Runs in: main, preload, renderer (types only), CLI, tests. The `transfer` namespace.
import * as v from 'valibot';
import { EXPORT_FORMATS } from '../../transfer/export-formats.ts';
import { call } from '../spec.ts';
import type { ExportQrCodes, ExportSaved, TransferFormats } from '../types.ts';
import { none, password } from './inputs.ts';

// Export: the vault password is checked in core before anything is made (app/export-files.ts).
const exportCalls = {
  /** Checks the vault password, opens the save dialog and writes the export; the content never comes back. */
  exportToFile: call<ExportSaved>()(
    v.strictObject({ format: v.picklist(EXPORT_FORMATS), vaultPassword: password, exportPassword: v.pipe(v.string(), v.maxLength(1024)) }),
    'user',
  ),
  /** Checks the vault password and returns the Google Authenticator export as QR code images to scan. */
  exportQrCodes: call<ExportQrCodes>()(v.strictObject({ vaultPassword: password }), 'user'),
} as const;

export const transfer = {
  /** The formats Authdesk imports (detected by content) and exports, and which are encrypted. */
  formats: call<TransferFormats>()(none, 'background'),
  ...exportCalls,
} as const;
