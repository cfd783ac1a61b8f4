// Runs in: main, CLI, tests.
//
// Automatic backups (DESIGN §3): after the vault file changes, a copy of it goes to the folder
// the user picked, the newest N kept. A backup is the vault file itself, byte for byte: the
// same envelope, password and Argon2id cost, so it opens with the password the vault had when
// it was made, and `authdesk --vault BACKUP list` reads it like any vault.
//
// Note (debounce): a change only (re)starts a short timer on the Clock; the copy is made when
// changes stop for that long, so an import of 1,000 accounts makes one backup, not 1,000, and
// no change ever waits for, or fails with, its backup. A failed backup is kept as the status
// (with the reason in words) that Settings shows, and retried after the next change.
// Change together with docs/vault-format.md ("Automatic backups") and electron/cli/core-session.ts,
// which flushes a pending backup before a command exits.
import { readdir, readFile, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { AuthdeskError } from '../errors.ts';
import { describeFileError } from '../platform/file-errors.ts';
import type { Clock } from '../platform/ports.ts';
import { writeOwnFile } from './atomic-file.ts';

export const BACKUP_EXTENSION = '.authdesk';
const PREFIX = 'authdesk-backup-';
/** authdesk-backup-2026-12-01T13-45-10-123Z[-2][-before-restore].authdesk */
const NAME = /^authdesk-backup-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z(?:-\d{1,3})?(-before-restore)?\.authdesk$/;
/** How long changes must pause before the backup is made. */
export const DEFAULT_BACKUP_DELAY_MS = 2000;

export interface BackupPolicy {
  /** null: backups are off. */
  readonly folder: string | null;
  readonly keep: number;
}

export interface BackupFile {
  readonly name: string;
  /** When it was made, ms since the epoch (from its name, which sorts by time). */
  readonly at: number;
  readonly size: number;
  /** Made just before a restore replaced the vault: restoring it undoes that restore. */
  readonly beforeRestore: boolean;
}

export interface BackupStatus {
  readonly folder: string | null;
  readonly keep: number;
  /** A change waits for its backup. */
  readonly pending: boolean;
  /** The last backup this run of Authdesk made. */
  readonly last: { readonly at: number; readonly name: string } | null;
  /** The last attempt failed, and why (in words); cleared by the next success. */
  readonly error: { readonly at: number; readonly message: string } | null;
}

export function isBackupName(name: string): boolean {
  return NAME.test(name);
}

function parseName(name: string): { at: number; beforeRestore: boolean } | null {
  const match = NAME.exec(name);
  if (!match) return null;
  const [, date, h, m, s, ms, restore] = match;
  const at = Date.parse(`${date}T${h}:${m}:${s}.${ms}Z`);
  return Number.isNaN(at) ? null : { at, beforeRestore: restore !== undefined };
}

function nameAt(at: number, attempt: number, beforeRestore: boolean): string {
  const stamp = new Date(at).toISOString().replace(/[:.]/g, '-');
  return `${PREFIX}${stamp}${attempt === 0 ? '' : `-${attempt}`}${beforeRestore ? '-before-restore' : ''}${BACKUP_EXTENSION}`;
}

/** The backups in a folder, newest first; other files are ignored. */
export async function listBackups(folder: string): Promise<BackupFile[]> {
  const found: BackupFile[] = [];
  for (const name of await readdir(folder)) {
    const parsed = parseName(name);
    if (!parsed) continue;
    const st = await stat(join(folder, name)).catch(() => null);
    if (st?.isFile()) found.push({ name, at: parsed.at, size: st.size, beforeRestore: parsed.beforeRestore });
  }
  return found.sort((a, b) => b.name.localeCompare(a.name));
}

/**
 * Writes one backup (a new 0600 file, fsynced, never over an existing name) and returns its name.
 * Two backups in the same millisecond get -1, -2 ... so neither replaces the other.
 */
export async function writeBackup(folder: string, bytes: Uint8Array, at: number, beforeRestore = false): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    const name = nameAt(at, attempt, beforeRestore);
    try {
      await writeOwnFile(join(folder, name), bytes, false);
      return name;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 999) throw error;
    }
  }
}

/** Deletes all but the newest `keep` backups. */
export async function pruneBackups(folder: string, keep: number): Promise<void> {
  const backups = await listBackups(folder);
  for (const old of backups.slice(keep)) await unlink(join(folder, old.name)).catch(() => undefined);
}

/** Words for why a backup could not be made; never a secret (it only ever names files). */
export function backupFailure(error: unknown, folder: string): string {
  if (error instanceof AuthdeskError) return error.message;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return `The backup folder ${folder} does not exist (is its disk connected?). Choose another folder or reconnect it.`;
  return `Could not write to the backup folder ${folder}: ${describeFileError(error)}. Choose another folder or free some space.`;
}

export interface AutoBackupOptions {
  readonly clock: Clock;
  readonly vaultPath: string;
  readonly policy: () => BackupPolicy;
  readonly delayMs?: number;
}

export class AutoBackup {
  readonly #clock: Clock;
  readonly #vaultPath: string;
  readonly #policy: () => BackupPolicy;
  readonly #delayMs: number;
  readonly #listeners = new Set<(status: BackupStatus) => void>();
  #timer: { cancel(): void } | null = null;
  #running: Promise<void> = Promise.resolve();
  #last: BackupStatus['last'] = null;
  #error: BackupStatus['error'] = null;

  constructor(options: AutoBackupOptions) {
    this.#clock = options.clock;
    this.#vaultPath = options.vaultPath;
    this.#policy = options.policy;
    this.#delayMs = options.delayMs ?? DEFAULT_BACKUP_DELAY_MS;
  }

  status(): BackupStatus {
    const { folder, keep } = this.#policy();
    return { folder, keep, pending: this.#timer !== null, last: this.#last, error: this.#error };
  }

  onStatus(listener: (status: BackupStatus) => void): () => void {
    this.#listeners.add(listener);
    return () => void this.#listeners.delete(listener);
  }

  /** The vault file changed: a backup follows once changes pause. Does nothing while backups are off. */
  changed(): void {
    if (this.#policy().folder === null) return;
    const wasPending = this.#timer !== null;
    this.#timer?.cancel();
    this.#timer = this.#clock.setTimeout(() => void this.flush(), this.#delayMs);
    if (!wasPending) this.#announce();
  }

  /** Makes a pending backup now (the CLI, before it exits); settles when it is written or has failed. */
  flush(): Promise<void> {
    if (this.#timer === null) return this.#running;
    this.#timer.cancel();
    this.#timer = null;
    this.#running = this.#running.then(() => this.#backUp());
    return this.#running;
  }

  /** The policy changed (folder or count): prune to the new count, and report. */
  policyChanged(): void {
    const { folder, keep } = this.#policy();
    if (folder !== null) this.#running = this.#running.then(() => pruneBackups(folder, keep).catch(() => undefined));
    this.#error = null;
    this.#announce();
  }

  /** Stops a pending backup without making it (the app quitting mid-debounce makes it instead through flush). */
  dispose(): void {
    this.#timer?.cancel();
    this.#timer = null;
  }

  async #backUp(): Promise<void> {
    const { folder, keep } = this.#policy();
    if (folder === null) return;
    // The vault is replaced by rename, never written in place, so this reads one whole version.
    // No vault file yet: nothing to back up.
    try {
      const bytes = await readFile(this.#vaultPath).catch((error: unknown) => {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw new AuthdeskError('VAULT_UNAVAILABLE', `The vault file could not be read for its backup: ${describeFileError(error)}.`);
      });
      if (bytes === null) return;
      const name = await writeBackup(folder, bytes, this.#clock.now());
      await pruneBackups(folder, keep);
      this.#last = { at: this.#clock.now(), name };
      this.#error = null;
    } catch (error) {
      this.#error = { at: this.#clock.now(), message: backupFailure(error, folder) };
    } finally {
      this.#announce();
    }
  }

  #announce(): void {
    const status = this.status();
    for (const listener of this.#listeners) listener(status);
  }
}
