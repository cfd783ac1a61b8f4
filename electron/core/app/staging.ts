// Runs in: main, tests (and the e2e harness and `npm run preview`).
//
// Adding accounts in two steps: staged (read, checked, compared with the vault) and then, when
// the user confirms the preview, added through AccountsService.addMany, the one way in. The
// sources: a link typed or pasted, fields typed by hand, a picture of QR codes, a backup from
// another app (asked for its password when encrypted), the clipboard, a file dropped on the
// window. Staged secrets stay here, in main: the window gets names, types and verdicts only.
//
// Note (staged secrets): a staging expires after STAGE_MINUTES and every one is dropped when
// the vault locks, so a preview left open cannot carry seeds past a lock; the dropped file's
// bytes (kept for a password retry) go with it. core.ts wires the lock; change together.
import { randomUUID } from 'node:crypto';
import type { AccountsService } from '../accounts/accounts.ts';
import { AuthdeskError, isAuthdeskError } from '../errors.ts';
import { entryKey, MAX_DIGITS, MAX_HOTP_COUNTER, MAX_PERIOD, MAX_SECRET_BYTES, MIN_DIGITS, STEAM_DIGITS } from '../otp/entry.ts';
import { MAX_NAME } from '../otp/names.ts';
import type { OtpAlgorithm, OtpType } from '../otp/params.ts';
import type { Clipboard, Clock, Dialogs, ScreenCapture } from '../platform/ports.ts';
import { decodeQrCodes, MAX_CODES } from '../qr/decode.ts';
import { checkImage } from '../qr/image-size.ts';
import { buildEntry } from '../transfer/entry.ts';
import { EntryProblem } from '../transfer/fields.ts';
import { detectFormat, FORMAT_NAMES, importData, readImportFile, type ImportedEntry, type ImportResult } from '../transfer/index.ts';

export const STAGE_MINUTES = 10;
// Duplicates are checked in slices this big, with a progress event between them.
const CHECK_SLICE = 500;
// More screens than anyone has side by side; each is decoded in turn, so this bounds the work.
const MAX_SCREENS = 8;

/** The fields of the "Enter manually" form; the secret reaches main once, with the rest. */
export interface ManualFields {
  readonly issuer: string;
  readonly label: string;
  readonly secret: string;
  readonly type: OtpType;
  readonly algorithm: OtpAlgorithm;
  readonly digits: number;
  readonly period: number;
  readonly counter: number;
}

/** The limits the form checks as the user types: the same numbers core checks on submit. */
export interface ManualRules {
  readonly minDigits: number;
  readonly maxDigits: number;
  readonly steamDigits: number;
  readonly maxPeriod: number;
  readonly maxCounter: number;
  readonly maxSecretBytes: number;
  readonly maxName: number;
}

export const MANUAL_RULES: ManualRules = {
  minDigits: MIN_DIGITS,
  maxDigits: MAX_DIGITS,
  steamDigits: STEAM_DIGITS,
  maxPeriod: MAX_PERIOD,
  maxCounter: MAX_HOTP_COUNTER,
  maxSecretBytes: MAX_SECRET_BYTES,
  maxName: MAX_NAME,
};

/** One account the preview lists: what the user sees of it, never its secret. */
export interface StagedItem {
  readonly issuer: string;
  readonly label: string;
  readonly type: OtpType;
  /** A picture the source app stored for it (data: URL), else null. */
  readonly icon: string | null;
  /** Already in the vault, or earlier in this same preview: it will be skipped. */
  readonly duplicate: boolean;
  /** Added all the same, but worth a look (a short secret). */
  readonly warning: string | null;
}

export interface RefusedItem {
  /** "QR code 2", "Entry 5", "The link". */
  readonly what: string;
  readonly reason: string;
}

export interface StagedPreview {
  readonly id: string;
  readonly state: 'preview';
  /** What was read: "screenshot.png", "the clipboard", "the link". */
  readonly source: string;
  /** How the file was read, e.g. "an Aegis vault"; null for pictures, links and typed fields. */
  readonly format: string | null;
  readonly items: readonly StagedItem[];
  readonly refused: readonly RefusedItem[];
  readonly expiresAt: number;
}

export interface StagedLocked {
  readonly id: string;
  readonly state: 'password';
  readonly source: string;
  readonly format: string;
}

export type Staged = StagedPreview | StagedLocked;

export interface StageProgress {
  readonly id: string;
  readonly step: 'reading' | 'decrypting' | 'checking';
  /** Accounts checked so far, and of how many (checking only; 0 of 0 before). */
  readonly done: number;
  readonly total: number;
}

export interface CommitResult {
  readonly added: number;
  readonly skipped: number;
}

interface Stage {
  readonly source: string;
  readonly expires: { cancel(): void };
  readonly expiresAt: number;
  /** A backup waiting for its password. */
  bytes: Uint8Array | null;
  entries: readonly ImportedEntry[];
}

const IMAGE_FILTERS = [{ name: 'Pictures', extensions: ['png', 'jpg', 'jpeg'] }];

function notStaged(): AuthdeskError {
  return new AuthdeskError('NOT_FOUND', 'This preview has expired or the vault was locked since. Add the accounts again.');
}

function isImage(bytes: Uint8Array): boolean {
  return (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) || (bytes[0] === 0xff && bytes[1] === 0xd8);
}

const isAccountLink = (text: string): boolean => /^otpauth(?:-migration)?:\/\//i.test(text.trim());

export class StagingService {
  readonly #accounts: AccountsService;
  readonly #clock: Clock;
  readonly #dialogs: Dialogs | null;
  readonly #clipboard: Clipboard | null;
  readonly #screen: ScreenCapture | null;
  readonly #stages = new Map<string, Stage>();
  readonly #listeners = new Set<(progress: StageProgress) => void>();

  constructor(ports: { accounts: AccountsService; clock: Clock; dialogs: Dialogs | null; clipboard: Clipboard | null; screen: ScreenCapture | null }) {
    this.#accounts = ports.accounts;
    this.#clock = ports.clock;
    this.#dialogs = ports.dialogs;
    this.#clipboard = ports.clipboard;
    this.#screen = ports.screen;
  }

  onProgress(listener: (progress: StageProgress) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** One or more otpauth:// or otpauth-migration:// links, one a line. */
  async link(text: string, source = 'the link'): Promise<StagedPreview> {
    if (!isAccountLink(text)) {
      throw new AuthdeskError('OTP_INVALID_URI', 'This is not an account link. Paste a link that starts with otpauth:// or otpauth-migration:// (what a QR code for a login holds).');
    }
    const id = this.#open(source);
    return this.#preview(id, await importData(text.trim()));
  }

  /** The fields typed by hand, checked by the same rules as every other way in. */
  async manual(fields: ManualFields): Promise<StagedPreview> {
    if (fields.issuer.trim() === '' && fields.label.trim() === '') {
      throw new AuthdeskError('INVALID_INPUT', 'Give the account an issuer or a name, so you can tell it from the others.', { details: { field: 'issuer' } });
    }
    let entry: ImportedEntry;
    try {
      entry = buildEntry({ ...fields, counter: fields.type === 'hotp' ? fields.counter : undefined });
    } catch (error) {
      if (error instanceof EntryProblem) throw new AuthdeskError('INVALID_INPUT', `This account cannot be added: ${error.message}.`, { cause: error });
      if (error instanceof AuthdeskError && error.code === 'OTP_INVALID_SECRET') throw new AuthdeskError(error.code, error.message, { details: { field: 'secret' } });
      throw error;
    }
    const id = this.#open('the form');
    return this.#preview(id, { format: 'otpauth', entries: [entry], errors: [], warnings: [] }, null);
  }

  /** A picture the user chooses in the OS file dialog; null when they cancel. */
  async chooseImage(): Promise<StagedPreview | null> {
    const path = await this.#requireDialogs().openFile({ title: 'Choose a picture of QR codes', filters: IMAGE_FILTERS });
    if (path === null) return null;
    return this.image(await readImportFile(path), path.split(/[\\/]/).at(-1) ?? 'the picture');
  }

  /** A backup from another app, chosen in the OS file dialog; null when they cancel. */
  async chooseFile(): Promise<Staged | null> {
    const path = await this.#requireDialogs().openFile({ title: 'Choose a file exported from another authenticator' });
    if (path === null) return null;
    return this.file(await readImportFile(path), path.split(/[\\/]/).at(-1) ?? 'the file');
  }

  /** What the clipboard holds: a picture of QR codes, or a link. */
  async clipboard(): Promise<StagedPreview> {
    if (this.#clipboard === null) throw new AuthdeskError('INVALID_INPUT', 'There is no clipboard here.');
    const image = await this.#clipboard.readImage();
    if (image !== null) return this.image(image, 'the pasted picture');
    const text = (await this.#clipboard.readText()).trim();
    if (text === '') throw new AuthdeskError('INVALID_INPUT', 'The clipboard holds no picture and no link. Copy a QR code’s picture or its otpauth:// link, then paste again.');
    return this.link(text, 'the pasted link');
  }

  /** Every QR code in a picture: account links are read, anything else is reported. */
  async image(bytes: Uint8Array, source: string): Promise<StagedPreview> {
    return this.#codes(await decodeQrCodes(bytes), source);
  }

  /** Every QR code on every screen, each screen read as a picture is. */
  async screen(): Promise<StagedPreview> {
    if (this.#screen === null) throw new AuthdeskError('SCREEN_UNAVAILABLE', 'Scanning the screen works in the desktop app only. Save a screenshot and choose it as a picture instead.');
    // The vault must be open before the screens are captured, not only before the preview.
    this.#accounts.list();
    const captures = (await this.#screen.capture()).slice(0, MAX_SCREENS);
    if (captures.length === 0) throw new AuthdeskError('SCREEN_UNAVAILABLE', 'Authdesk could not capture any screen. Save a screenshot and choose it as a picture instead.');
    const texts = new Set<string>();
    for (const capture of captures) {
      try {
        for (const text of await decodeQrCodes(capture)) texts.add(text);
      } catch (error) {
        // A screen without a code is expected when there are several.
        if (!isAuthdeskError(error, 'QR_NOT_FOUND')) throw error;
      }
    }
    if (texts.size === 0) {
      throw new AuthdeskError('QR_NOT_FOUND', 'No QR code was found on your screens. Make the code larger (zoom in) and make sure no window covers it, then scan again.');
    }
    return this.#codes([...texts].slice(0, MAX_CODES), captures.length === 1 ? 'your screen' : 'your screens');
  }

  /** The texts of QR codes read from one source: account links are read, anything else is reported. */
  async #codes(texts: readonly string[], source: string): Promise<StagedPreview> {
    const id = this.#open(source);
    const refused: { index: number; message: string }[] = [];
    const entries: ImportedEntry[] = [];
    const warnings: { index: number; message: string }[] = [];
    for (const [index, text] of texts.entries()) {
      if (!isAccountLink(text)) {
        refused.push({ index, message: 'It holds a web address or other text, not an account.' });
        continue;
      }
      try {
        const read = await importData(text);
        entries.push(...read.entries);
        // A QR code holds one account, or a Google export holds several: its own problems keep their place.
        refused.push(...read.errors.map((e) => ({ index, message: e.message })));
        warnings.push(...read.warnings.map((w) => ({ index: entries.length - read.entries.length + w.index, message: w.message })));
      } catch (error) {
        if (!(error instanceof AuthdeskError)) throw error;
        refused.push({ index, message: error.message });
      }
    }
    return this.#preview(id, { format: 'otpauth', entries, errors: [], warnings }, null, refused.map((r) => ({ what: `QR code ${r.index + 1}`, reason: r.message })));
  }

  /** A file: a picture goes to the QR reader, anything else is read as a backup. */
  async file(bytes: Uint8Array, source: string): Promise<Staged> {
    if (isImage(bytes)) {
      checkImage(bytes);
      return this.image(bytes, source);
    }
    const id = this.#open(source);
    return this.#readFile(id, bytes, undefined);
  }

  /** The password of a staged encrypted backup; a wrong one throws and may be tried again. */
  async unlock(id: string, password: string): Promise<StagedPreview> {
    const stage = this.#stage(id);
    if (stage.bytes === null) throw notStaged();
    const read = await this.#readFile(id, stage.bytes, password);
    if (read.state !== 'preview') throw new AuthdeskError('IMPORT_PASSWORD_REQUIRED', 'This backup is encrypted: type its password.');
    return read;
  }

  /** Adds the staged accounts (duplicates skipped) and forgets the staging. */
  async commit(id: string): Promise<CommitResult> {
    const stage = this.#stage(id);
    if (stage.bytes !== null) throw new AuthdeskError('IMPORT_PASSWORD_REQUIRED', 'This backup is encrypted: type its password first.');
    const { added, skipped } = await this.#accounts.addMany(stage.entries);
    this.discard(id);
    return { added: added.length, skipped };
  }

  discard(id: string): void {
    this.#stages.get(id)?.expires.cancel();
    this.#stages.delete(id);
  }

  /** Drops every staging (the vault locked). */
  discardAll(): void {
    for (const id of [...this.#stages.keys()]) this.discard(id);
  }

  #requireDialogs(): Dialogs {
    if (this.#dialogs === null) throw new AuthdeskError('INVALID_INPUT', 'There are no file dialogs here.');
    return this.#dialogs;
  }

  #open(source: string): string {
    // The vault must be open before anything is read: the preview compares with its accounts.
    this.#accounts.list();
    const id = randomUUID();
    const ms = STAGE_MINUTES * 60_000;
    const expires = this.#clock.setTimeout(() => this.discard(id), ms);
    this.#stages.set(id, { source, expires, expiresAt: this.#clock.now() + ms, bytes: null, entries: [] });
    return id;
  }

  #stage(id: string): Stage {
    const stage = this.#stages.get(id);
    if (stage === undefined) throw notStaged();
    return stage;
  }

  #emit(progress: StageProgress): void {
    for (const listener of this.#listeners) listener(progress);
  }

  async #readFile(id: string, bytes: Uint8Array, password: string | undefined): Promise<Staged> {
    const stage = this.#stage(id);
    this.#emit({ id, step: password === undefined ? 'reading' : 'decrypting', done: 0, total: 0 });
    let read: ImportResult;
    try {
      read = await importData(bytes, password === undefined ? {} : { password });
    } catch (error) {
      if (error instanceof AuthdeskError && error.code === 'IMPORT_PASSWORD_REQUIRED') {
        stage.bytes = bytes;
        return { id, state: 'password', source: stage.source, format: FORMAT_NAMES[detectFormat(bytes)] };
      }
      // A wrong password keeps the file for another try; anything else ends the staging.
      if (!(error instanceof AuthdeskError && error.code === 'IMPORT_WRONG_PASSWORD')) this.discard(id);
      throw error;
    }
    stage.bytes = null;
    return this.#preview(id, read, FORMAT_NAMES[read.format]);
  }

  async #preview(id: string, read: ImportResult, format: string | null = FORMAT_NAMES[read.format], refusedExtra: readonly RefusedItem[] = []): Promise<StagedPreview> {
    const stage = this.#stage(id);
    const seen = new Set(this.#accounts.list().map(entryKey));
    const warnings = new Map(read.warnings.map((w) => [w.index, w.message]));
    const items: StagedItem[] = [];
    const total = read.entries.length;
    for (let start = 0; start < total; start += CHECK_SLICE) {
      this.#emit({ id, step: 'checking', done: start, total });
      // Lets the progress event out and the window stay responsive on a big backup.
      if (start > 0) await new Promise((resolve) => setImmediate(resolve));
      for (const [offset, entry] of read.entries.slice(start, start + CHECK_SLICE).entries()) {
        const key = entryKey(entry);
        items.push({ issuer: entry.issuer, label: entry.label, type: entry.otp.type, icon: entry.icon ?? null, duplicate: seen.has(key), warning: warnings.get(start + offset) ?? null });
        seen.add(key);
      }
    }
    this.#emit({ id, step: 'checking', done: total, total });
    stage.entries = read.entries;
    const refused = [...refusedExtra, ...read.errors.map((e) => ({ what: `Entry ${e.index + 1}`, reason: e.message }))];
    return { id, state: 'preview', source: stage.source, format, items, refused, expiresAt: stage.expiresAt };
  }
}
