// Runs in: tests (Node).
//
// The e2e rig: the built renderer served over loopback, Debian's Chromium, and a preload
// stand-in whose calls reach the REAL router and handlers over a Playwright binding. Only
// Electron's own IPC is replaced. A second server serves the same app from a foreign origin,
// so tests can show that the router refuses callers that are not Authdesk's own window.
import { mkdtemp, rm } from 'node:fs/promises';
import { after, before } from 'node:test';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHANNEL_PREFIX } from '../../../electron/core/api/spec.ts';
import { VAULT_FILE_NAME } from '../../../electron/core/platform/paths.ts';
import type { Core } from '../../../electron/core/app/core.ts';
import type { FakeClipboard } from '../../support/clipboard.ts';
import type { FakeDialogs } from '../../support/dialogs.ts';
import type { FakeScreens } from '../../support/screen.ts';
import { createBackend, type BackendOptions } from './backend.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH, chromiumSkipReason } from './chromium.ts';
import { ensureRendererBuilt } from './renderer-build.ts';
import { bundleStandin } from './standin.ts';
import { serveDirectory } from './static-server.ts';

export interface Harness {
  readonly browser: Browser;
  readonly context: BrowserContext;
  /** A page showing the app, loaded from its own (trusted) origin. */
  readonly page: Page;
  readonly appUrl: string;
  /** The same app served from another loopback origin, which the router must not trust. */
  readonly foreignUrl: string;
  /** The core behind the page, built by createCore as main builds it. */
  readonly core: Core;
  readonly vaultPath: string;
  /** The OS file pickers: queue the user's answer before the click that opens one. */
  readonly dialogs: FakeDialogs;
  /** The system clipboard main writes codes to and reads pasted images from. */
  readonly clipboard: FakeClipboard;
  /** What the screens show when the page asks main to scan them. */
  readonly screens: FakeScreens;
  /** Pushes an event to every page, as main's emitters will. */
  emit(channel: string, payload: unknown): Promise<void>;
  /**
   * Holds the answers to one channel (e.g. 'accounts.list') until the returned function is
   * called, as a slow transport would: the core still computes each answer when asked.
   */
  hold(channel: string): () => void;
  close(): Promise<void>;
}

export async function startHarness(options: BackendOptions = {}): Promise<Harness> {
  const [rendererDir, standin, userDataDir] = await Promise.all([
    ensureRendererBuilt(),
    bundleStandin(),
    mkdtemp(join(tmpdir(), 'authdesk-e2e-')),
  ]);
  // Events reach the pages as main's emitters would send them; bound once emit exists.
  let send: (channel: string, payload: unknown) => void = () => {};
  const backend = createBackend(join(userDataDir, VAULT_FILE_NAME), (channel, payload) => send(channel, payload), options);
  const [app, foreign] = await Promise.all([serveDirectory(rendererDir), serveDirectory(rendererDir)]);
  const router = backend.router(app.origin);

  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: { width: 1120, height: 720 }, colorScheme: 'light' });
  const held = new Map<string, Promise<void>>();
  // recentInput: whether the page saw a trusted key press or click just now (trusted-input.ts).
  await context.exposeBinding('__authdeskInvoke', async (source, channel: string, input: unknown, recentInput: unknown) => {
    const answer = await router.handle(channel, source.frame.url(), input, { recentInput: () => recentInput === true });
    await held.get(channel.replace(CHANNEL_PREFIX, ''));
    return answer;
  });
  await context.addInitScript({ content: standin });
  const page = await context.newPage();
  const appUrl = `${app.origin}/`;
  await page.goto(appUrl);

  const harness: Harness = {
    browser,
    context,
    page,
    appUrl,
    foreignUrl: `${foreign.origin}/`,
    core: backend.core,
    vaultPath: backend.vaultPath,
    dialogs: backend.dialogs,
    clipboard: backend.clipboard,
    screens: backend.screens,
    async emit(channel, payload) {
      await Promise.all(
        context.pages().map((open) =>
          open.evaluate(
            ([name, data]) => (globalThis as unknown as { __authdeskEmit(c: string, p: unknown): void }).__authdeskEmit(name, data),
            [channel, payload] as const,
          ),
        ),
      );
    },
    hold(channel) {
      let release = (): void => {};
      held.set(channel, new Promise((resolve) => (release = resolve)));
      return () => {
        held.delete(channel);
        release();
      };
    },
    async close() {
      await browser.close();
      backend.close();
      await Promise.all([app.close(), foreign.close(), rm(userDataDir, { recursive: true, force: true })]);
    },
  };
  send = (channel, payload) => void harness.emit(channel, payload).catch(() => undefined);
  return harness;
}

/**
 * One harness for a test file or suite (starting Chromium once keeps the e2e run short): started
 * before its first test, handed to `onstart` (which may prepare more, e.g. seed the vault), and
 * closed after its last test. Without Chromium nothing starts; the tests skip.
 */
export function harnessPerSuite(onstart: (harness: Harness) => void | Promise<void>, options: BackendOptions = {}): void {
  let started: Harness | undefined;
  before(async () => {
    if (chromiumSkipReason()) return;
    started = await startHarness(options);
    await onstart(started);
  });
  after(async () => {
    await started?.close();
  });
}
