// Runs in: main, tests (and the e2e harness's server side).
//
// The app's one vault, from "no file yet" to unlocked and back: what the window's status,
// create, unlock and lock calls act on. Every change of state, auto-lock included, goes to
// every onStatus listener (the window's vault.onStatus event, the codes cache, later the tray).
import type { VaultStatus } from './status.ts';
import { AuthdeskError } from '../errors.ts';
import { systemClock, type KeyProtector, type PowerEvents } from '../platform/ports.ts';
import { AutoLock, type LockOn } from './auto-lock.ts';
import { replaceVault, type CheckedBackup } from './restore.ts';
import { vaultFileStatus } from './status.ts';
import { Vault, type VaultOptions } from './vault.ts';

export const DEFAULT_IDLE_MINUTES = 5;

export interface VaultServiceOptions extends VaultOptions {
  readonly path: string;
  readonly keyProtector: KeyProtector | null;
  readonly power: PowerEvents;
  readonly idleMinutes?: number;
  readonly lockOn?: LockOn;
}

export class VaultService {
  readonly path: string;
  readonly #options: VaultServiceOptions;
  readonly #autoLock: AutoLock;
  #vault: Vault | null = null;
  readonly #listeners = new Set<(status: VaultStatus) => void>();
  readonly #writeListeners = new Set<() => void>();

  constructor(options: VaultServiceOptions) {
    this.path = options.path;
    this.#options = options;
    this.#autoLock = new AutoLock({
      clock: options.clock ?? systemClock,
      power: options.power,
      idleMinutes: options.idleMinutes ?? DEFAULT_IDLE_MINUTES,
      ...(options.lockOn === undefined ? {} : { lockOn: options.lockOn }),
      lock: () => this.lock(),
    });
  }

  async status(): Promise<VaultStatus> {
    return vaultFileStatus(this.path, this.#vault?.isUnlocked ?? false);
  }

  /** Calls listener with the new status after every change; returns the unsubscribe. */
  onStatus(listener: (status: VaultStatus) => void): () => void {
    this.#listeners.add(listener);
    return () => void this.#listeners.delete(listener);
  }

  /** Calls listener after every change written to the vault file (by this process). */
  onWrite(listener: () => void): () => void {
    this.#writeListeners.add(listener);
    return () => void this.#writeListeners.delete(listener);
  }

  /** The unlocked vault, for the services that read and change it. */
  unlocked(): Vault {
    if (!this.#vault?.isUnlocked) throw new AuthdeskError('VAULT_LOCKED', 'The vault is locked.');
    return this.#vault;
  }

  async create(password: string): Promise<VaultStatus> {
    this.#adopt(await Vault.create(this.path, password, this.#options));
    this.#wrote();
    return this.#changed();
  }

  /** Whether the vault file has a keychain slot (VAULT_LOCKED when locked). */
  keychainEnabled(): boolean {
    return this.unlocked().keychainEnabled;
  }

  /** Adds a keychain slot once the vault password is given again (throttled like unlocking). */
  async enableKeychain(password: string): Promise<void> {
    const protector = this.#options.keyProtector;
    if (!protector) throw new AuthdeskError('KEYCHAIN_UNAVAILABLE', 'No OS keychain is available here, so the vault can only be unlocked with its password.');
    const vault = this.unlocked();
    await vault.verifyPassword(password);
    await vault.enableKeychain(protector);
  }

  async disableKeychain(): Promise<void> {
    await this.unlocked().disableKeychain();
  }

  /**
   * Replaces the vault with a checked backup (restore.ts; `keepCurrent` keeps the vault as it
   * was first) and unlocks the restored vault with the backup's password.
   */
  async restore(backup: CheckedBackup, password: string, keepCurrent: (current: Buffer) => Promise<void>): Promise<VaultStatus> {
    await replaceVault(this.path, backup, keepCurrent, this.#options.lockWaitMs);
    // The Vault object knew the replaced file: it locks (every listener hears it, so caches of
    // the old data go) and a new one opens the restored file.
    this.#vault?.lock();
    this.#vault = null;
    return this.unlockWithPassword(password);
  }

  async unlockWithPassword(password: string): Promise<VaultStatus> {
    const vault = this.#vault ?? (await Vault.open(this.path, this.#options));
    await vault.unlockWithPassword(password);
    this.#adopt(vault);
    return this.#changed();
  }

  async unlockWithKeychain(): Promise<VaultStatus> {
    const protector = this.#options.keyProtector;
    if (!protector) throw new AuthdeskError('KEYCHAIN_UNAVAILABLE', 'No OS keychain is available here: use the password.');
    const vault = this.#vault ?? (await Vault.open(this.path, this.#options));
    await vault.unlockWithKeychain(protector);
    this.#adopt(vault);
    return this.#changed();
  }

  /** Locks now; harmless when already locked. */
  lock(): void {
    this.#vault?.lock();
  }

  /** The user did something: restarts the idle countdown. */
  activity(): void {
    this.#autoLock.activity();
  }

  setIdleMinutes(minutes: number): void {
    this.#autoLock.setIdleMinutes(minutes);
  }

  setLockOn(lockOn: LockOn): void {
    this.#autoLock.setLockOn(lockOn);
  }

  dispose(): void {
    this.#autoLock.dispose();
    this.lock();
  }

  #adopt(vault: Vault): void {
    if (vault === this.#vault) {
      this.#autoLock.arm();
      return;
    }
    this.#vault?.lock();
    this.#vault = vault;
    vault.onLock(() => {
      if (this.#vault !== vault) return;
      this.#autoLock.disarm();
      this.#changed();
    });
    vault.onWrite(() => this.#wrote());
    this.#autoLock.arm();
  }

  #wrote(): void {
    for (const listener of this.#writeListeners) listener();
  }

  // Note (ordered events): a change is announced synchronously, from the state this service
  // holds (a vault it has opened has a file), so listeners hear lock and unlock in the order
  // they happened; status() still asks the disk.
  #changed(): VaultStatus {
    const status: VaultStatus = { state: this.#vault?.isUnlocked ? 'unlocked' : 'locked', path: this.path };
    for (const listener of this.#listeners) listener(status);
    return status;
  }
}
