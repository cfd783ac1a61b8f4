// Runs in: main, CLI, tests.
//
// Slows down password guessing through Authdesk itself: after FREE_ATTEMPTS wrong passwords,
// each further attempt must wait 1 s, then 2 s, 4 s ... up to 5 minutes. The count lives in a
// small sidecar file (<vault>.throttle, not secret, no integrity) so quitting and restarting
// the app or the CLI does not reset it. It is no defence against someone with a copy of the
// vault file: that is Argon2id's job.
import { randomBytes } from 'node:crypto';
import { open, readFile, rename, unlink } from 'node:fs/promises';
import { AuthdeskError } from '../errors.ts';
import type { Clock } from '../platform/ports.ts';
import { FILE_MODE } from './atomic-file.ts';

export const FREE_ATTEMPTS = 5;
const FIRST_DELAY_MS = 1000;
const MAX_DELAY_MS = 5 * 60 * 1000;

interface ThrottleRecord {
  readonly failures: number;
  readonly lastFailureAt: number;
}

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
  readonly #clock: Clock;

  constructor(vaultPath: string, clock: Clock) {
    this.#path = throttlePathOf(vaultPath);
    this.#clock = clock;
  }

  async #read(): Promise<ThrottleRecord> {
    try {
      const parsed = JSON.parse(await readFile(this.#path, 'utf8')) as Partial<ThrottleRecord>;
      const failures = Number.isSafeInteger(parsed.failures) && (parsed.failures ?? 0) > 0 ? (parsed.failures as number) : 0;
      const lastFailureAt = typeof parsed.lastFailureAt === 'number' && Number.isFinite(parsed.lastFailureAt) ? parsed.lastFailureAt : 0;
      return { failures, lastFailureAt };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { failures: 0, lastFailureAt: 0 };
      // An unreadable sidecar must not become a way to reset the count: treat it as the worst case.
      return { failures: FREE_ATTEMPTS + 30, lastFailureAt: this.#clock.now() };
    }
  }

  /** Throws VAULT_THROTTLED (details.retryAfterMs, and retryAt for the window) while a wait is due. */
  async check(): Promise<void> {
    const record = await this.#read();
    const delay = throttleDelayMs(record.failures);
    // min(): a clock set back must not stretch the wait beyond one full delay.
    const wait = Math.min(delay, record.lastFailureAt + delay - this.#clock.now());
    if (wait > 0) {
      const seconds = Math.ceil(wait / 1000);
      throw new AuthdeskError('VAULT_THROTTLED', `Too many wrong passwords. Try again in ${seconds} second${seconds === 1 ? '' : 's'}.`, {
        details: { retryAfterMs: wait, retryAt: this.#clock.now() + wait, failures: record.failures },
      });
    }
  }

  async recordFailure(): Promise<number> {
    const record = await this.#read();
    const next: ThrottleRecord = { failures: record.failures + 1, lastFailureAt: this.#clock.now() };
    const temp = `${this.#path}.tmp-${randomBytes(6).toString('hex')}`;
    const handle = await open(temp, 'wx', FILE_MODE);
    try {
      await handle.writeFile(JSON.stringify(next));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, this.#path);
    return next.failures;
  }

  async reset(): Promise<void> {
    await unlink(this.#path).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }
}
