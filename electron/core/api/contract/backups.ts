// Runs in: main, preload, renderer (types only), CLI, tests. The `backups` namespace.
import * as v from 'valibot';
import { call, event } from '../spec.ts';
import type { BackupEntry, BackupStatus, RestoreResult } from '../types.ts';
import { none, password } from './inputs.ts';

export const backups = {
  /** Where backups go, how many are kept, the last one made and the last failure. */
  status: call<BackupStatus>()(none, 'background'),
  /** Opens the OS folder picker; a chosen folder turns backups on and gets one at once. */
  chooseFolder: call<BackupStatus>()(none, 'user'),
  /** Turns automatic backups off (the backups made stay). */
  clearFolder: call<BackupStatus>()(none, 'user'),
  /** The backups in the folder, newest first. */
  list: call<readonly BackupEntry[]>()(none, 'background'),
  /** Restores a backup of the folder, by name, with its password; the current vault is kept as a backup first. */
  restore: call<RestoreResult>()(v.strictObject({ name: v.pipe(v.string(), v.minLength(1), v.maxLength(128)), password }), 'user'),
  /** The status after every backup, failure or change of folder. */
  onStatus: event<BackupStatus>(),
} as const;
