// Runs in: main, CLI, tests.
//
// The vault service: one encrypted file (envelope.ts) opened by the app and by any number of
// CLI runs. Writes take the cross-process lock, first re-read the file if another process
// changed it since (so nothing it wrote is lost), and replace the file atomically; the
// in-memory state changes only once the new file is safely on disk. Nothing writes over a
// file that could not be read.
import { mkdir, realpath, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { VaultStatus } from './status.ts';
import { AuthdeskError, isAuthdeskError } from '../errors.ts';
import { systemClock, type Clock, type KeyProtector } from '../platform/ports.ts';
import { backupPathOf, fingerprint, readWithFingerprint, removeLeftoverTemps, replaceFile, type BackupPolicy } from './atomic-file.ts';
import { DataEncoder, decryptData, encodeData, freezeData } from './data-codec.ts';
import { openPayload, parseEnvelope, sealEnvelope, type KeySlot, type ParsedEnvelope, type PasswordSlot } from './envelope.ts';
import { breakGuardPathOf, withFileLock } from './file-lock.ts';
import { calibrateKdf, type KdfParams } from './kdf.ts';
import { createKeychainSlot, createPasswordSlot, newMasterKey, openKeychainSlot, openPasswordSlot } from './key-slots.ts';
import { emptyVaultData, VAULT_SCHEMA_VERSION, type VaultData } from './model.ts';
import { vaultFileStatus } from './status.ts';
import { FREE_ATTEMPTS, PasswordThrottle, throttlePathOf } from './throttle.ts';

export const MIN_PASSWORD_LENGTH = 8;

export interface VaultOptions {
  /** Time for the wrong-password throttle. */
  readonly clock?: Clock;
  /** Fixed Argon2id parameters for new password slots instead of calibrating (tests, benchmarks). */
  readonly kdf?: KdfParams;
  /** How long a writer waits for another one before VAULT_IN_USE. */
  readonly lockWaitMs?: number;
}

interface LoadedFile {
  /** Which version of the file on disk this is (atomic-file.ts fingerprint). */
  readonly fingerprint: string;
  readonly envelope: ParsedEnvelope;
}

/** What the vault knows of the file it last read or wrote. */
interface DiskState {
  readonly fingerprint: string;
  readonly slots: readonly KeySlot[];
}

interface Commit {
  readonly data: VaultData;
  readonly slots: readonly KeySlot[];
  readonly masterKey: Buffer;
  readonly backup: BackupPolicy;
}

export function lockPathOf(path: string): string {
  return `${path}.lock`;
}

/**
 * Every file the vault keeps under its own name beside it (docs/vault-format.md, "Files beside
 * the vault"): nothing Authdesk writes for the user may land on one of them.
 */
export function vaultFilesOf(path: string): string[] {
  const lock = lockPathOf(path);
  return [path, backupPathOf(path), lock, breakGuardPathOf(lock), throttlePathOf(path)];
}

export function assertNewPassword(password: string): void {
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    throw new AuthdeskError('INVALID_INPUT', `The vault password must be at least ${MIN_PASSWORD_LENGTH} characters long.`);
  }
}

async function fileExists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/** Adds where the backup is to a "damaged" error, so the user knows what to restore. */
async function withBackupHint(error: unknown, path: string): Promise<unknown> {
  if (!isAuthdeskError(error, 'VAULT_DAMAGED')) return error;
  const backup = backupPathOf(path);
  if (!(await fileExists(backup))) return error;
  return new AuthdeskError('VAULT_DAMAGED', `${error.message} The previous version is kept at ${backup}.`, { details: { backupPath: backup } });
}

function notFound(error: unknown, path: string): unknown {
  if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new AuthdeskError('VAULT_NOT_FOUND', `There is no vault at ${path}.`);
  return error;
}

async function loadFile(path: string): Promise<LoadedFile> {
  const { bytes, fingerprint } = await readWithFingerprint(path).catch((error: unknown) => {
    throw notFound(error, path);
  });
  try {
    return { fingerprint, envelope: parseEnvelope(bytes) };
  } catch (error) {
    throw await withBackupHint(error, path);
  }
}

function passwordSlotOf(slots: readonly KeySlot[]): PasswordSlot {
  const slot = slots.find((s) => s.type === 'password');
  // parseEnvelope guarantees exactly one; this only narrows the type.
  if (slot?.type !== 'password') throw new AuthdeskError('VAULT_DAMAGED', 'The vault file has no password slot.');
  return slot;
}

/** Whether the payload decrypts with masterKey; the plaintext is zeroed at once. */
function opensWith(envelope: ParsedEnvelope, masterKey: Uint8Array): boolean {
  const plain = openPayload(envelope, masterKey);
  plain?.fill(0);
  return plain !== null;
}

function wrongPassword(failures: number): AuthdeskError {
  const slow = failures >= FREE_ATTEMPTS ? ' Further attempts are slowed down.' : '';
  return new AuthdeskError('VAULT_WRONG_PASSWORD', `Wrong vault password.${slow}`, { details: { failures } });
}

export class Vault {
  readonly path: string;
  readonly #options: VaultOptions;
  readonly #throttle: PasswordThrottle;
  readonly #lockListeners = new Set<() => void>();
  readonly #writeListeners = new Set<() => void>();
  #disk: DiskState;
  #masterKey: Buffer | null = null;
  #data: VaultData | null = null;
  #protector: KeyProtector | null = null;
  #leftoversRemoved = false;
  readonly #encoder = new DataEncoder();

  private constructor(path: string, disk: DiskState, options: VaultOptions) {
    this.path = path;
    this.#disk = disk;
    this.#options = options;
    this.#throttle = new PasswordThrottle(path, lockPathOf(path), options.clock ?? systemClock, options.lockWaitMs);
  }

  static async exists(path: string): Promise<boolean> {
    return fileExists(path);
  }

  /** Creates a new vault (VAULT_EXISTS if there is one) and returns it unlocked. */
  static async create(given: string, password: string, options: VaultOptions = {}): Promise<Vault> {
    assertNewPassword(password);
    if (await fileExists(given)) throw new AuthdeskError('VAULT_EXISTS', `A vault already exists at ${given}.`);
    const kdf = options.kdf ?? (await calibrateKdf());
    await mkdir(dirname(given), { recursive: true, mode: 0o700 });
    const path = join(await realpath(dirname(given)), basename(given));
    const masterKey = newMasterKey();
    try {
      const data = emptyVaultData();
      const plain = encodeData(data);
      const slots = [await createPasswordSlot(password, masterKey, kdf)];
      const bytes = sealEnvelope(slots, masterKey, plain);
      plain.fill(0);
      const disk = await withFileLock(
        lockPathOf(path),
        async () => {
          if (await fileExists(path)) throw new AuthdeskError('VAULT_EXISTS', `A vault already exists at ${path}.`);
          await replaceFile(path, bytes, 'previous');
          return { fingerprint: await fingerprint(path), slots };
        },
        { waitMs: options.lockWaitMs },
      );
      const vault = new Vault(path, disk, options);
      vault.#masterKey = masterKey;
      vault.#data = freezeData(data);
      return vault;
    } catch (error) {
      masterKey.fill(0);
      throw error;
    }
  }

  /**
   * Reads and checks the file (VAULT_NOT_FOUND, VAULT_DAMAGED, VAULT_TOO_NEW); the vault starts locked.
   * Note (real path): the vault works on the file's real path, so a symlinked path and the
   * file's own share the write lock, the backup and the password throttle, and a write
   * replaces the file, not the link.
   */
  static async open(given: string, options: VaultOptions = {}): Promise<Vault> {
    const path = await realpath(given).catch((error: unknown) => {
      throw notFound(error, given);
    });
    const file = await loadFile(path);
    return new Vault(path, { fingerprint: file.fingerprint, slots: file.envelope.slots }, options);
  }

  get isUnlocked(): boolean {
    return this.#masterKey !== null;
  }

  /** Whether the file has a keychain slot (as last read). */
  get keychainEnabled(): boolean {
    return this.#disk.slots.some((s) => s.type === 'keychain');
  }

  /** The Argon2id parameters of the password slot (not secret). */
  get kdfParams(): KdfParams {
    return passwordSlotOf(this.#disk.slots).kdf;
  }

  status(): Promise<VaultStatus> {
    return vaultFileStatus(this.path, this.isUnlocked);
  }

  /** Called after every lock (explicit, auto-lock, or re-keyed by another process). */
  onLock(listener: () => void): () => void {
    this.#lockListeners.add(listener);
    return () => this.#lockListeners.delete(listener);
  }

  /** Called after every change this vault wrote to its file (data, password or key slots). */
  onWrite(listener: () => void): () => void {
    this.#writeListeners.add(listener);
    return () => this.#writeListeners.delete(listener);
  }

  /**
   * How many accounts another vault file (a backup) holds, when it opens with this vault's
   * master key (backups made since the last password change do); null when it does not or is
   * damaged. Nothing of it is kept.
   */
  accountsIn(bytes: Uint8Array): number | null {
    const masterKey = this.#requireKey();
    try {
      return decryptData(parseEnvelope(bytes), masterKey).accounts.length;
    } catch {
      return null;
    }
  }

  /** The decrypted data (deeply frozen); VAULT_LOCKED when locked. */
  data(): VaultData {
    if (!this.#data) throw new AuthdeskError('VAULT_LOCKED', 'The vault is locked.');
    return this.#data;
  }

  #requireKey(): Buffer {
    if (!this.#masterKey) throw new AuthdeskError('VAULT_LOCKED', 'The vault is locked.');
    return this.#masterKey;
  }

  /** Throttled; VAULT_WRONG_PASSWORD counts towards the throttle. On an unlocked vault, only checks the password. */
  async unlockWithPassword(password: string): Promise<void> {
    const { file, masterKey } = await this.#openWithPassword(password);
    if (this.isUnlocked) {
      masterKey.fill(0);
      return;
    }
    await this.#adopt(file, masterKey);
  }

  /** Checks the password against the file without changing anything (e.g. before an export); throttled like unlocking. */
  async verifyPassword(password: string): Promise<void> {
    (await this.#openWithPassword(password)).masterKey.fill(0);
  }

  async #openWithPassword(password: string): Promise<{ file: LoadedFile; masterKey: Buffer }> {
    const file = await loadFile(this.path);
    const failures = await this.#throttle.begin();
    const masterKey = await openPasswordSlot(passwordSlotOf(file.envelope.slots), password);
    if (!masterKey) throw wrongPassword(failures);
    await this.#throttle.succeeded();
    return { file, masterKey };
  }

  async unlockWithKeychain(protector: KeyProtector): Promise<void> {
    if (this.isUnlocked) return;
    const file = await loadFile(this.path);
    const slot = file.envelope.slots.find((s) => s.type === 'keychain');
    if (slot?.type !== 'keychain') throw new AuthdeskError('KEYCHAIN_UNAVAILABLE', 'Keychain unlock is not turned on for this vault: use the password.');
    const opened = await openKeychainSlot(slot, protector);
    if (!opened) throw new AuthdeskError('KEYCHAIN_UNAVAILABLE', 'The OS keychain could not unlock this vault (its key changed or is gone): use the password.');
    this.#protector = protector;
    await this.#adopt(file, opened.masterKey);
    if (opened.stale) await this.#resealKeychainSlot(protector);
  }

  // Note (re-encrypt when the keychain asks): the OS keychain replaced its key or format, and
  // the slot still opens only because it keeps the old one for now. A fresh slot sealed with
  // the current key is saved like any change (atomic, the previous file kept); nothing else
  // changes. The vault is already open, so a failure only leaves the old slot, and the next
  // keychain unlock tries again.
  async #resealKeychainSlot(protector: KeyProtector): Promise<void> {
    try {
      await this.#commit(async (data, slots, masterKey) => {
        const fresh = await createKeychainSlot(masterKey, protector);
        return { data, slots: slots.map((s) => (s.type === 'keychain' ? fresh : s)), masterKey, backup: 'previous' };
      });
    } catch {
      // Nobody waits on this: the unlock succeeded, and the stale slot still opens.
    }
  }

  async #adopt(file: LoadedFile, masterKey: Buffer): Promise<void> {
    try {
      this.#data = decryptData(file.envelope, masterKey);
    } catch (error) {
      masterKey.fill(0);
      throw await withBackupHint(error, this.path);
    }
    this.#disk = { fingerprint: file.fingerprint, slots: file.envelope.slots };
    this.#masterKey = masterKey;
  }

  /** Zeroes the master key and drops every decrypted object. */
  lock(): void {
    const wasUnlocked = this.isUnlocked;
    this.#masterKey?.fill(0);
    this.#masterKey = null;
    this.#data = null;
    this.#encoder.clear();
    if (wasUnlocked) for (const listener of this.#lockListeners) listener();
  }

  /** Re-reads the file if another process wrote it since, and returns the current data. */
  async reload(): Promise<VaultData> {
    await this.#syncWithDisk();
    return this.data();
  }

  async #syncWithDisk(): Promise<void> {
    const masterKey = this.#requireKey();
    const current = await fingerprint(this.path).catch((error: unknown) => {
      throw notFound(error, this.path);
    });
    if (current === this.#disk.fingerprint) return;
    const { fingerprint: read, envelope } = await loadFile(this.path);
    const ourSlot = passwordSlotOf(this.#disk.slots);
    if (!Buffer.from(passwordSlotOf(envelope.slots).wrappedKey).equals(ourSlot.wrappedKey) && !opensWith(envelope, masterKey)) {
      // Another process changed the password, which also replaced the master key.
      this.lock();
      throw new AuthdeskError('VAULT_LOCKED', 'The vault password was changed by another Authdesk process: unlock the vault again.');
    }
    try {
      this.#data = decryptData(envelope, masterKey);
    } catch (error) {
      throw await withBackupHint(error, this.path);
    }
    this.#disk = { fingerprint: read, slots: envelope.slots };
  }

  /**
   * Applies fn to the current data and saves the result, completely or not at all: if fn or
   * the write fails, both the file and the data in memory stay as they were. Returns the new data.
   * When fn returns the data it was given, nothing changed: the file and its backup are left alone.
   */
  async mutate(fn: (draft: VaultData) => VaultData | Promise<VaultData>): Promise<VaultData> {
    return this.#commit(async (data, slots, masterKey) => {
      const next = await fn(data);
      if (next.schemaVersion !== VAULT_SCHEMA_VERSION) throw new AuthdeskError('INVALID_INPUT', 'A change tried to alter the vault schema version.');
      return { data: next, slots, masterKey, backup: 'previous' };
    });
  }

  /** Checks the old password, calibrates, and re-keys the vault (new master key). */
  async changePassword(oldPassword: string, newPassword: string): Promise<{ keychainKept: boolean }> {
    this.#requireKey();
    assertNewPassword(newPassword);
    // Checked before the write lock is taken (the throttle takes it to count the attempt). If
    // another process changes the password in between, the commit's re-read sees the new
    // master key and locks this vault instead of writing (#syncWithDisk).
    await this.verifyPassword(oldPassword);
    const kdf = this.#options.kdf ?? (await calibrateKdf());
    let keychainKept = false;
    await this.#commit(async (data, currentSlots) => {
      // Note (re-key on password change): a new master key, so a copy of an older file plus
      // the old password cannot read anything written from now on. The backup becomes the
      // new generation too ('current'), so the old password opens nothing Authdesk keeps.
      const masterKey = newMasterKey();
      try {
        const slots: KeySlot[] = [await createPasswordSlot(newPassword, masterKey, kdf)];
        const hadKeychain = currentSlots.some((s) => s.type === 'keychain');
        if (hadKeychain && this.#protector) {
          slots.push(await createKeychainSlot(masterKey, this.#protector));
          keychainKept = true;
        }
        return { data, slots, masterKey, backup: 'current' };
      } catch (error) {
        masterKey.fill(0);
        throw error;
      }
    });
    return { keychainKept };
  }

  /** Adds a keychain slot (KEYCHAIN_UNAVAILABLE, or KEYCHAIN_INSECURE for Linux basic_text). */
  async enableKeychain(protector: KeyProtector): Promise<void> {
    await this.#commit(async (data, slots, masterKey) => {
      const slot = await createKeychainSlot(masterKey, protector);
      return { data, slots: [...slots.filter((s) => s.type !== 'keychain'), slot], masterKey, backup: 'previous' };
    });
    this.#protector = protector;
  }

  async disableKeychain(): Promise<void> {
    await this.#commit(async (data, slots, masterKey) => ({ data, slots: slots.filter((s) => s.type !== 'keychain'), masterKey, backup: 'previous' }));
    this.#protector = null;
  }

  #encode(commit: Commit): Buffer[] {
    const plain = this.#encoder.encode(commit.data);
    try {
      return sealEnvelope(commit.slots, commit.masterKey, plain);
    } finally {
      plain.fill(0);
    }
  }

  async #commit(change: (data: VaultData, slots: readonly KeySlot[], masterKey: Buffer) => Promise<Commit>): Promise<VaultData> {
    this.#requireKey();
    return withFileLock(
      lockPathOf(this.path),
      async () => {
        if (!this.#leftoversRemoved) {
          await removeLeftoverTemps(this.path);
          this.#leftoversRemoved = true;
        }
        await this.#syncWithDisk();
        const current = this.data();
        const commit = await change(current, this.#disk.slots, this.#requireKey());
        if (commit.data === current && commit.slots === this.#disk.slots && commit.masterKey === this.#masterKey) return current;
        // Encoding freezes the data, so what is on disk is exactly what memory will hold.
        const bytes = this.#encode(commit);
        try {
          await replaceFile(this.path, bytes, commit.backup);
        } catch (error) {
          if (commit.masterKey !== this.#masterKey) commit.masterKey.fill(0);
          throw error;
        }
        this.#disk = { fingerprint: await fingerprint(this.path), slots: commit.slots };
        this.#data = commit.data;
        if (commit.masterKey !== this.#masterKey) {
          this.#masterKey?.fill(0);
          this.#masterKey = commit.masterKey;
        }
        for (const listener of this.#writeListeners) listener();
        return this.#data;
      },
      { waitMs: this.#options.lockWaitMs },
    );
  }
}
