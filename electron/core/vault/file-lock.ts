// Runs in: main, CLI, tests.
//
// One writer at a time across processes (the app and any number of CLI runs).
//
// Note (lock scheme): Node has no portable advisory lock (flock/LockFileEx) without a native
// addon, so the lock is a file that must not exist yet: written in full under a unique name
// (O_EXCL) and then hard-linked to the lock name, which fails if the lock exists and is atomic
// on local file systems on Linux, macOS and Windows (and on NFS, unlike O_EXCL). It holds
// {pid, host, at, token}, never half-written. A lock whose
// process is gone (same host, pid not alive), or that is older than STALE_AFTER_MS whatever
// its pid says (pid reuse), is broken.
//
// Note (breaking a stale lock): only under a second lock, `<lock>.break`, taken the same way,
// and only after reading the lock again under it and finding the very text judged stale. Two
// processes that both saw the same stale lock therefore cannot remove each other's fresh one
// (an earlier rename-aside scheme could: the fresh lock's aside copy was tidied away by
// removeLeftoverTemps and the breaker took the lock too). A break guard left by a killed
// breaker is itself stale after its pid dies or BREAK_STALE_MS. Readers never lock: writes
// are atomic renames. Change together with atomic-file.ts removeLeftoverTemps and
// docs/vault-format.md.
//
// Note (a lock from the future): a lock's date may lie ahead (this clock was set back since it
// was taken, or the file was made by hand). Its age is then counted from the file's change
// time (ctime), which the kernel sets and no one can date ahead without moving the system
// clock: such a lock is not broken while its process is alive, and not kept for ever either.
import { randomBytes } from 'node:crypto';
import { link, open, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { AuthdeskError } from '../errors.ts';

export const DEFAULT_LOCK_WAIT_MS = 3000;
/** No write holds the lock for minutes; past this a lock is stale even if its pid looks alive. */
const STALE_AFTER_MS = 10 * 60 * 1000;
/** An unreadable lock (never written by this code: by hand or by a damaged disk) is stale after this long. */
const UNREADABLE_STALE_AFTER_MS = 5000;
const RETRY_MS = 20;
/** Breaking a lock takes a few file operations; a guard older than this was left by a dead breaker. */
const BREAK_STALE_MS = 2000;

interface LockInfo {
  readonly pid: number;
  readonly host: string;
  readonly at: number;
  readonly token: string;
}

export interface LockOptions {
  /** How long to wait for another writer before giving up with VAULT_IN_USE. */
  readonly waitMs?: number;
  /** The time a lock's age is judged against (tests move it; the wait itself uses the real clock). */
  readonly now?: () => number;
}

interface FoundLock {
  readonly info: LockInfo | null;
  readonly text: string;
  readonly mtimeMs: number;
  readonly ctimeMs: number;
}

/** The second lock taken to break a stale one. */
export function breakGuardPathOf(lockPath: string): string {
  return `${lockPath}.break`;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function tryCreate(lockPath: string, info: LockInfo): Promise<boolean> {
  // Written in full under a temporary name, then linked: link fails if the lock exists, and
  // the lock is never seen empty, even when its writer dies mid-way.
  const staging = `${lockPath}.tmp-${process.pid}-${randomBytes(6).toString('hex')}`;
  await writeFile(staging, JSON.stringify(info), { mode: 0o600, flag: 'wx' });
  try {
    await link(staging, lockPath);
    return true;
  } catch (error) {
    // ENOENT: another writer's clean-up removed the staging file; just try again.
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ENOENT') return false;
    throw error;
  } finally {
    await unlink(staging).catch(() => undefined);
  }
}

async function readLock(lockPath: string): Promise<FoundLock | null> {
  let handle;
  try {
    handle = await open(lockPath, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    const text = await handle.readFile('utf8');
    const { mtimeMs, ctimeMs } = await handle.stat();
    let info: LockInfo | null = null;
    try {
      const parsed = JSON.parse(text) as Partial<LockInfo>;
      if (typeof parsed.pid === 'number' && typeof parsed.host === 'string' && typeof parsed.at === 'number' && typeof parsed.token === 'string') info = parsed as LockInfo;
    } catch {
      info = null;
    }
    return { info, text, mtimeMs, ctimeMs };
  } finally {
    await handle.close();
  }
}

/** Since when the lock has existed, by the date it claims unless that is in the future. */
function ageOf(found: FoundLock, claimed: number, now: number): number {
  return claimed <= now ? now - claimed : now - found.ctimeMs;
}

function isStale(found: FoundLock, now: number): boolean {
  if (!found.info) return ageOf(found, found.mtimeMs, now) > UNREADABLE_STALE_AFTER_MS;
  if (ageOf(found, found.info.at, now) > STALE_AFTER_MS) return true;
  return found.info.host === hostname() && !isAlive(found.info.pid);
}

async function breakStale(lockPath: string, staleText: string, info: LockInfo, now: () => number): Promise<void> {
  const guard = breakGuardPathOf(lockPath);
  if (!(await tryCreate(guard, info))) {
    const other = await readLock(guard);
    if (other && (isStale(other, now()) || ageOf(other, other.mtimeMs, now()) > BREAK_STALE_MS)) await unlink(guard).catch(ignoreMissing);
    return;
  }
  try {
    const current = await readLock(lockPath);
    if (current?.text === staleText) await unlink(lockPath).catch(ignoreMissing);
  } finally {
    await unlink(guard).catch(ignoreMissing);
  }
}

function ignoreMissing(error: NodeJS.ErrnoException): undefined {
  if (error.code === 'ENOENT') return undefined;
  throw error;
}

/** Runs fn while holding the lock file; waits up to waitMs for another writer, then VAULT_IN_USE. */
export async function withFileLock<T>(lockPath: string, fn: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const info: LockInfo = { pid: process.pid, host: hostname(), at: Date.now(), token: randomBytes(16).toString('hex') };
  const deadline = Date.now() + (options.waitMs ?? DEFAULT_LOCK_WAIT_MS);
  const now = options.now ?? Date.now;
  for (;;) {
    if (await tryCreate(lockPath, { ...info, at: Date.now() })) break;
    const found = await readLock(lockPath);
    if (found === null) continue;
    if (isStale(found, now())) {
      await breakStale(lockPath, found.text, { ...info, at: Date.now() }, now);
      continue;
    }
    if (Date.now() >= deadline) {
      const holder = found.info ? ` (process ${found.info.pid})` : '';
      throw new AuthdeskError('VAULT_IN_USE', `The vault is in use by another Authdesk process${holder}. Try again in a moment; if no Authdesk is running, delete ${lockPath}.`);
    }
    await sleep(RETRY_MS + Math.floor(Math.random() * RETRY_MS));
  }
  try {
    return await fn();
  } finally {
    const mine = await readLock(lockPath);
    if (mine?.info?.token === info.token) await unlink(lockPath).catch(() => undefined);
  }
}
