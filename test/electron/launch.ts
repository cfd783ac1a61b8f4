// Runs in: tests. Starts the app in real Electron the one way every test/electron/*.test.ts
// needs (its own empty HOME, no Chromium sandbox) and cleans up after it, so each test file
// keeps only what it does differently.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { findElectronBinary } from './binary.ts';

export const root = join(import.meta.dirname, '..', '..');
const binary = findElectronBinary(root);
/** The Electron executable, or '' where there is none (then `skip` says why). */
export const electronPath = 'path' in binary ? binary.path : '';
/** Each test's `{ skip }`: the reason no Electron binary is there, or false. */
export const skip: string | false = 'reason' in binary ? binary.reason : false;

export type Launched = {
  app: ElectronApplication;
  /** The first window, its DOM loaded. */
  page: Page;
  /** The temporary HOME and XDG_CONFIG_HOME the app runs with. */
  home: string;
  /** The whole environment the app was started with, for starting another copy the same way. */
  env: Record<string, string>;
  /** Closes the app and removes its HOME. */
  close(): Promise<void>;
};

const running = new Set<() => Promise<void>>();

/** Closes every app launchAuthdesk started in this test file's process and removes their HOMEs: each file's after(). */
export async function closeAuthdesk(): Promise<void> {
  for (const close of running) await close();
}

/** Starts the app with `args` after its own (`root --no-sandbox`) and `env` over the inherited one. */
export async function launchAuthdesk(options: { args?: string[]; env?: Record<string, string> } = {}): Promise<Launched> {
  const home = await mkdtemp(join(tmpdir(), 'authdesk-electron-'));
  const inherited = Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined);
  const env = { ...Object.fromEntries(inherited), XDG_CONFIG_HOME: home, HOME: home, ...options.env };
  const launching = _electron.launch({ executablePath: electronPath, args: [root, '--no-sandbox', ...(options.args ?? [])], env });
  const close = async (): Promise<void> => {
    running.delete(close);
    try {
      await (await launching.catch(() => undefined))?.close();
    } finally {
      await rm(home, { recursive: true, force: true });
    }
  };
  running.add(close);
  const app = await launching;
  const page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  return { app, page, home, env, close };
}
