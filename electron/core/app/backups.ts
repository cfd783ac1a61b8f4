// Runs in: main, CLI, tests.
//
// Automatic backups and restore for the front ends: the folder is the user's setting (picked
// through the OS folder picker in the app), the backups are vault/backups.ts's copies of the
// vault file, and a restore keeps the current vault as a backup first, so it can be undone.
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { AuthdeskError } from '../errors.ts';
import { describeFileError } from '../platform/file-errors.ts';
import type { Clock, Dialogs } from '../platform/ports.ts';
import { isBackupName, listBackups, writeBackup, type AutoBackup, type BackupFile, type BackupStatus } from '../vault/backups.ts';
import { checkBackup } from '../vault/restore.ts';
import type { VaultService } from '../vault/vault-service.ts';
import type { SettingsService } from './settings.ts';

export interface BackupEntry extends BackupFile {
  /** How many accounts it holds, when the unlocked vault's key opens it (made since the last password change); else null. */
  readonly accounts: number | null;
}

export interface RestoreResult {
  /** How many accounts the vault holds now. */
  readonly accounts: number;
  /** Where the vault as it was before is kept: restoring that copy undoes this restore. */
  readonly keptAs: string | null;
}

export interface BackupsDeps {
  readonly vault: VaultService;
  readonly settings: SettingsService;
  readonly auto: AutoBackup;
  readonly clock: Clock;
  readonly dialogs: Dialogs | null;
}

export class BackupsService {
  readonly #deps: BackupsDeps;

  constructor(deps: BackupsDeps) {
    this.#deps = deps;
  }

  status(): BackupStatus {
    return this.#deps.auto.status();
  }

  onStatus(listener: (status: BackupStatus) => void): () => void {
    return this.#deps.auto.onStatus(listener);
  }

  /** Makes a pending backup now (a front end about to exit). */
  flush(): Promise<void> {
    return this.#deps.auto.flush();
  }

  /** Asks for a folder with the OS picker; a chosen folder turns backups on and gets one at once. */
  async chooseFolder(): Promise<BackupStatus> {
    const { dialogs, settings, auto } = this.#deps;
    if (!dialogs) throw new AuthdeskError('INVALID_INPUT', 'This front end cannot show a folder picker.');
    const folder = await dialogs.chooseFolder({ title: 'Choose a folder for automatic backups' });
    if (folder === null) return auto.status();
    settings.update({ backupFolder: folder });
    auto.changed();
    await auto.flush();
    return auto.status();
  }

  /** Turns automatic backups off; the backups already made stay where they are. */
  clearFolder(): BackupStatus {
    this.#deps.settings.update({ backupFolder: null });
    return this.#deps.auto.status();
  }

  /** The backups in the folder, newest first, with account counts where the open vault can read them. */
  async list(): Promise<BackupEntry[]> {
    const folder = this.#deps.settings.get().backupFolder;
    if (folder === null) return [];
    const vault = this.#deps.vault;
    const open = (await vault.status()).state === 'unlocked' ? vault.unlocked() : null;
    const found = await listBackups(folder).catch((error: unknown) => {
      throw new AuthdeskError('FILE_UNREADABLE', `The backup folder ${folder} could not be read: ${describeFileError(error)}. Reconnect its disk or choose another folder.`);
    });
    return Promise.all(
      found.map(async (file) => ({
        ...file,
        accounts: open ? open.accountsIn(await readFile(join(folder, file.name)).catch(() => new Uint8Array())) : null,
      })),
    );
  }

  /** Restores a backup from the folder by its name (the window never sends a path). */
  async restoreNamed(name: string, password: string): Promise<RestoreResult> {
    const folder = this.#deps.settings.get().backupFolder;
    if (folder === null || !isBackupName(name)) throw new AuthdeskError('NOT_FOUND', 'That backup is not in the backup folder. Nothing was changed.');
    return this.restoreFile(join(folder, name), password);
  }

  /**
   * Restores the backup at `path` (the CLI's `restore FILE`). The current vault is kept first
   * as `authdesk-backup-…-before-restore.authdesk` in the backup folder, or beside the vault
   * while backups are off.
   */
  async restoreFile(path: string, password: string): Promise<RestoreResult> {
    const { vault, settings, clock } = this.#deps;
    const backup = await checkBackup(path, password);
    let keptAs: string | null = null;
    const keepIn = settings.get().backupFolder ?? dirname(vault.path);
    await vault.restore(backup, password, async (current) => {
      keptAs = join(keepIn, await writeBackup(keepIn, current, clock.now(), true));
    });
    return { accounts: backup.accounts, keptAs };
  }
}
