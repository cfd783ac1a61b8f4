// Runs in: main, CLI, tests.
//
// Slows down password guessing through Authdesk itself: after FREE_ATTEMPTS wrong passwords,
// each further attempt must wait 1 s, then 2 s, 4 s ... up to 5 minutes. The count lives in a
// small sidecar file (<vault>.throttle, not secret, no integrity) so quitting and restarting
// the app or the CLI does not reset it. It is no defence against someone with a copy of the
// vault file: that is Argon2id's job.
//
// Note (counted before the KDF): an attempt is written down as a failure, under the vault's
// write lock, before its password is tried, and cleared only once it turns out right. Parallel
// attempts (the window's IPC calls, CLI runs started together) therefore each see the ones
// before them, and a process killed mid-KDF cannot skip the count. The lock is also what lets
// removeLeftoverTemps (atomic-file.ts) tidy `<vault>.throttle.tmp-*`. Change together with
// vault.ts (#openWithPassword, changePassword).
//
// Note (which record is authoritative): the sidecar, shared by every process, as long as it can
// be read and written; a success writes a zero record rather than deleting it, so a missing
// sidecar next to a count this process remembers was deleted by hand, and the remembered count
// stands. A sidecar that cannot be read counts as the longest wait, timed from when it was first
// seen (written back at once), so it never blocks the right password for more than
// MAX_DELAY_MS; a time in the future (clock set back, or crafted) is treated the same way. Where
// the sidecar cannot be written (a read-only folder), the throttle holds within this process
// only, and a successful unlock is never refused for it. Someone who can delete or edit the
// sidecar can also copy the vault and guess offline, which only Argon2id slows down: the
// sidecar is a brake on guessing through Authdesk's own window and CLI, not a secret.
import { randomBytes } from 'node:crypto';
import { open, readFile, rename, unlink } from 'node:fs/promises';
import { AuthdeskError, isAuthdeskError } from '../errors.ts';
import type { Clock } from '../platform/ports.ts';
import { FILE_MODE } from './atomic-file.ts';
import { withFileLock } from './file-lock.ts';

export const FREE_ATTEMPTS = 5;
const FIRST_DELAY_MS = 1000;
const MAX_DELAY_MS = 5 * 60 * 1000;
/** What an unreadable sidecar counts as: enough failures for the longest wait. */
const UNREADABLE_FAILURES = FREE_ATTEMPTS + 30;

interface ThrottleRecord {
  readonly failures: number;
  readonly lastFailureAt: number;
}

/** The sidecar as read: a record, none, or one whose time cannot be trusted. */
type ReadResult = { readonly kind: 'record' | 'untimed'; readonly record: ThrottleRecord } | { readonly kind: 'missing' };

const NO_FAILURES: ThrottleRecord = { failures: 0, lastFailureAt: 0 };

/** The last record each sidecar of this process held, by its path (vault paths are real paths). */
const remembered = new Map<string, ThrottleRecord>();

export function throttlePathOf(vaultPath: string): string {
  return `${vaultPath}.throttle`;
}

/** The wait after `failures` wrong passwords in a row. */
export function throttleDelayMs(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.min(failures - FREE_ATTEMPTS, 30));
}

export class PasswordThrottle {
  readonly #path: string;
  readonly #lockPath: string;
  readonly #clock: Clock;
  readonly #lockWaitMs: number | undefined;

  /** `vaultPath` must be the vault's real path, so every way to reach the vault shares one count. */
  constructor(vaultPath: string, lockPath: string, clock: Clock, lockWaitMs?: number) {
    this.#path = throttlePathOf(vaultPath);
    this.#lockPath = lockPath;
    this.#clock = clock;
    this.#lockWaitMs = lockWaitMs;
  }

  async #read(now: number): Promise<ReadResult> {
    let text: string;
    try {
      text = await readFile(this.#path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
      return { kind: 'untimed', record: { failures: UNREADABLE_FAILURES, lastFailureAt: now } };
    }
    try {
      const parsed = JSON.parse(text) as Partial<ThrottleRecord>;
      const { failures, lastFailureAt: at } = parsed;
      if (!Number.isSafeInteger(failures) || (failures as number) < 0) return { kind: 'untimed', record: { failures: UNREADABLE_FAILURES, lastFailureAt: now } };
      if (typeof at !== 'number' || !(at <= now)) return { kind: 'untimed', record: { failures: failures as number, lastFailureAt: now } };
      return { kind: 'record', record: { failures: failures as number, lastFailureAt: at } };
    } catch {
      return { kind: 'untimed', record: { failures: UNREADABLE_FAILURES, lastFailureAt: now } };
    }
  }

  async #write(record: ThrottleRecord): Promise<void> {
    const temp = `${this.#path}.tmp-${randomBytes(6).toString('hex')}`;
    const handle = await open(temp, 'wx', FILE_MODE);
    try {
      try {
        await handle.writeFile(JSON.stringify(record));
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temp, this.#path);
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      throw error;
    }
  }

  /** The record to judge by: the sidecar, unless it vanished after this process saw a count. */
  #current(read: ReadResult): ThrottleRecord {
    const memory = remembered.get(this.#path);
    if (read.kind === 'missing') return memory ?? NO_FAILURES;
    return read.record;
  }

  /** Throws VAULT_THROTTLED while a wait is due; otherwise returns the record with this attempt counted. */
  #judge(current: ThrottleRecord, now: number): ThrottleRecord {
    const delay = throttleDelayMs(current.failures);
    const wait = current.lastFailureAt + delay - now;
    remembered.set(this.#path, current);
    if (wait > 0) {
      const seconds = Math.ceil(wait / 1000);
      throw new AuthdeskError('VAULT_THROTTLED', `Too many wrong passwords. Try again in ${seconds} second${seconds === 1 ? '' : 's'}.`, {
        details: { retryAfterMs: wait, retryAt: now + wait, failures: current.failures },
      });
    }
    return { failures: current.failures + 1, lastFailureAt: now };
  }

  /**
   * Starts a password attempt: VAULT_THROTTLED (details.retryAfterMs, and retryAt for the
   * window) while a wait is due, else the attempt is counted as a failure until `succeeded`,
   * and the count it makes is returned (for the wrong-password message).
   */
  async begin(): Promise<number> {
    try {
      return await withFileLock(
        this.#lockPath,
        async () => {
          const now = this.#clock.now();
          const read = await this.#read(now);
          const current = this.#current(read);
          // Written back before judging, so the wait counts from the first time it was seen.
          if (read.kind === 'untimed') await this.#write(current);
          const next = this.#judge(current, now);
          await this.#write(next);
          remembered.set(this.#path, next);
          return next.failures;
        },
        { waitMs: this.#lockWaitMs },
      );
    } catch (error) {
      if (isAuthdeskError(error)) throw error;
      // Nothing can be written here (a read-only folder, a sidecar that is not a file): count in
      // this process only. An untimed record cannot be timed from anything that lasts, so its
      // count stands with no wait of its own.
      const now = this.#clock.now();
      const read = await this.#read(now);
      const current = read.kind === 'untimed' ? { failures: read.record.failures, lastFailureAt: 0 } : this.#current(read);
      const memory = remembered.get(this.#path);
      // Judged and remembered with no await in between, so parallel attempts here cannot interleave.
      const next = this.#judge(memory && memory.failures >= current.failures ? memory : current, now);
      remembered.set(this.#path, next);
      return next.failures;
    }
  }

  /** The attempt was right: the count starts again. Never fails, so a right password is never refused for its bookkeeping. */
  async succeeded(): Promise<void> {
    const cleared: ThrottleRecord = { failures: 0, lastFailureAt: this.#clock.now() };
    remembered.set(this.#path, cleared);
    await withFileLock(this.#lockPath, () => this.#write(cleared), { waitMs: this.#lockWaitMs }).catch(() => undefined);
  }
}
