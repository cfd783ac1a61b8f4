// Runs in: tests.
//
// Note (why the built bundle): the tests boot dist/main/index.js, what ships, not the sources,
// so a bundling mistake fails them too. It runs against the recording stand-in, with HOME and
// XDG_CONFIG_HOME in a temporary folder. Main runs for its side effects once per process, and
// node --test gives each test file its own process: one boot per file.
import './register.ts';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, rmdir, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { after } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { standin } from './standin.ts';

export const REPO_ROOT = join(import.meta.dirname, '..', '..', '..');
export const DIST_DIR = join(REPO_ROOT, 'dist');
const MAIN_BUNDLE = join(DIST_DIR, 'main', 'index.js');
// The Argon2id worker and the icons too: main loads them from beside its bundle (scripts/build.ts).
const OUTPUTS = [MAIN_BUNDLE, join(DIST_DIR, 'main', 'argon2-worker.mjs'), join(DIST_DIR, 'main', 'tray-icons', 'tray-linux.png'), join(DIST_DIR, 'main', 'app-icon.png'), join(DIST_DIR, 'preload', 'index.cjs'), join(DIST_DIR, 'renderer', 'index.html')];
const BUILD_LOCK = join(DIST_DIR, '.build-lock');
const STALE_LOCK_MS = 5 * 60_000;

// Note (build lock): `npm test` builds before testing; a file run by hand builds what is missing.
// Several test files may find it missing at once, and two builds emptying the same folders would
// break each other's tests, so the first takes a lock (mkdir is atomic) and the rest wait for it.
export async function ensureBuilt(): Promise<void> {
  await mkdir(DIST_DIR, { recursive: true });
  while (!OUTPUTS.every((file) => existsSync(file))) {
    try {
      await mkdir(BUILD_LOCK);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const lock = await stat(BUILD_LOCK).catch(() => null);
      if (lock && Date.now() - lock.mtimeMs > STALE_LOCK_MS) await rmdir(BUILD_LOCK).catch(() => {});
      await sleep(250);
      continue;
    }
    try {
      if (!OUTPUTS.every((file) => existsSync(file))) await promisify(execFile)(process.execPath, [join(REPO_ROOT, 'scripts', 'build.ts')], { cwd: REPO_ROOT });
    } finally {
      await rmdir(BUILD_LOCK);
    }
  }
}

export interface BootedMain {
  /** HOME and XDG_CONFIG_HOME: a fresh folder, removed after the file. */
  readonly home: string;
  /** app.getPath('userData') as main sees it. */
  readonly userData: string;
  /** Electron's 'ready': resolves once main has finished starting. */
  ready(): Promise<void>;
}

let booted = false;

/** Starts main and returns once it waits for 'ready' (or has finished, if it quit early). */
export async function bootMain(cleanup: typeof after, settings: Partial<typeof standin.settings> = {}): Promise<BootedMain> {
  if (booted) throw new Error('bootMain: main runs once per process; boot it once per test file.');
  booted = true;
  await ensureBuilt();
  const home = await mkdtemp(join(tmpdir(), 'authdesk-main-'));
  process.env.HOME = home;
  process.env.XDG_CONFIG_HOME = home;
  // A developer's dev-server URL would change the origin main trusts.
  delete process.env.AUTHDESK_DEV_SERVER_URL;
  Object.assign(standin.settings, settings);
  cleanup(async () => {
    standin.quit();
    await rm(home, { recursive: true, force: true });
  });

  const started = import(pathToFileURL(MAIN_BUNDLE).href);
  await Promise.race([standin.readyAsked, started]);
  return {
    home,
    userData: standin.app.getPath('userData'),
    async ready() {
      standin.ready();
      await started;
    },
  };
}
