// Runs in: main, preload, renderer (types only), CLI, tests. The `transfer` namespace.
import * as v from 'valibot';
import { EXPORT_FORMATS } from '../../transfer/export-formats.ts';
import { MAX_IMPORT_BYTES } from '../../transfer/size-caps.ts';
import { call, event } from '../spec.ts';
import type { CommitResult, ExportQrCodes, ExportSaved, ManualRules, Staged, StagedPreview, StageProgress, TransferFormats } from '../types.ts';
import { id, none, password } from './inputs.ts';

// Note (adding accounts): the add and import dialogs stage what they read in main and commit
// it on confirm (app/staging.ts). The window sends a link, typed fields, or a dropped file's
// bytes; a file chosen in a dialog, and the clipboard, are read by main itself.
// Longer than any name core keeps (256, it says so itself), short enough to be cheap.
const text = v.pipe(v.string(), v.maxLength(1024));
const whole = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(Number.MAX_SAFE_INTEGER));

const manualFields = v.strictObject({
  issuer: text,
  label: text,
  secret: text,
  type: v.picklist(['totp', 'hotp', 'steam']),
  algorithm: v.picklist(['SHA1', 'SHA256', 'SHA512']),
  digits: whole,
  period: whole,
  counter: whole,
});

// Note (dropped files): the window sends the bytes of a file dropped on it, not its path, so a
// window can never make main read a file the user did not hand it; the bytes are bounded here
// as every import is (MAX_IMPORT_BYTES). The window reads nothing of them: they go straight
// through, and a backup's secrets are read in main only. Change with renderer/src/lib/import/drop.ts.
const dropped = v.strictObject({
  name: v.pipe(v.string(), v.maxLength(255)),
  bytes: v.pipe(
    v.instance(Uint8Array),
    v.check((bytes) => bytes.length <= MAX_IMPORT_BYTES, 'The file is larger than any backup or picture Authdesk reads.'),
  ),
});

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

  /** The limits the manual form checks as the user types (the same core applies). */
  manualRules: call<ManualRules>()(none, 'background'),
  /** Stages an otpauth:// or otpauth-migration:// link (or several, one a line). */
  stageLink: call<StagedPreview>()(v.strictObject({ text: v.pipe(v.string(), v.maxLength(64 * 1024)) }), 'user'),
  /** Stages the fields typed by hand. */
  stageManual: call<StagedPreview>()(manualFields, 'user'),
  /** Opens the OS file dialog for a picture of QR codes; null when the user cancels. */
  stageImageFile: call<StagedPreview | null>()(none, 'user'),
  /** Opens the OS file dialog for a backup from another app; null when the user cancels. */
  stageImportFile: call<Staged | null>()(none, 'user'),
  /** Stages what the clipboard holds: a picture of QR codes or a link (main reads it). */
  stageClipboard: call<StagedPreview>()(none, 'user'),
  /** Captures every screen and stages the QR codes on them (main captures; the window gets the preview). */
  stageScreen: call<StagedPreview>()(none, 'user'),
  /** Stages a file dropped on the window: a picture, or a backup. */
  stageDropped: call<Staged>()(dropped, 'user'),
  /** The password of a staged encrypted backup. */
  unlockStaged: call<StagedPreview>()(v.strictObject({ id, password }), 'user'),
  /** Adds the staged accounts, skipping duplicates. */
  commitStaged: call<CommitResult>()(v.strictObject({ id }), 'user'),
  /** Forgets a staging (the dialog was closed). */
  discardStaged: call<null>()(v.strictObject({ id }), 'user'),
  /** Progress of a big import: reading, decrypting, checking N of M. */
  onStageProgress: event<StageProgress>(),

  ...exportCalls,
} as const;
