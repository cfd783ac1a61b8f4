// Runs in: tests (Node).
//
// The e2e rig: the built renderer served over loopback, Debian's Chromium, and a preload
// stand-in whose calls reach the REAL router and handlers over a Playwright binding. Only
// Electron's own IPC is replaced. A second server serves the same app from a foreign origin,
// so tests can show that the router refuses callers that are not Authdesk's own window.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { contract } from '../../../electron/core/api/contract.ts';
import { createHandlers } from '../../../electron/core/api/handlers.ts';
import { createRouter } from '../../../electron/core/api/router.ts';
import { isTrustedSender } from '../../../electron/core/api/sender.ts';
import { channelName } from '../../../electron/core/api/spec.ts';
import type { VaultStatus } from '../../../electron/core/api/types.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.ts';
import { ensureRendererBuilt } from './renderer-build.ts';
import { createE2EServices, type E2EOptions } from './services.ts';
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
  readonly services: ReturnType<typeof createE2EServices>;
  /** Pushes an event to every page, as main's emitters will. */
  emit(channel: string, payload: unknown): Promise<void>;
  close(): Promise<void>;
}

export async function startHarness(options: E2EOptions = {}): Promise<Harness> {
  const [rendererDir, standin, userDataDir] = await Promise.all([
    ensureRendererBuilt(),
    bundleStandin(),
    mkdtemp(join(tmpdir(), 'authdesk-e2e-')),
  ]);
  // Status changes reach the pages as main's emitter would send them; bound once emit exists.
  let forwardStatus: (status: VaultStatus) => void = () => {};
  const services = createE2EServices(userDataDir, { ...options, onStatus: (status) => forwardStatus(status) });
  const [app, foreign] = await Promise.all([serveDirectory(rendererDir), serveDirectory(rendererDir)]);
  const router = createRouter(contract, createHandlers(services), {
    isTrustedSender: (url) => isTrustedSender(url, app.origin),
    onInternalError: (channel, error) => console.error(`e2e router: ${channel} failed`, error),
  });

  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: { width: 1120, height: 720 }, colorScheme: 'light' });
  await context.exposeBinding('__authdeskInvoke', (source, channel: string, input: unknown) =>
    router.handle(channel, source.frame.url(), input),
  );
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
    services,
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
    async close() {
      await browser.close();
      services.vault.dispose();
      await Promise.all([app.close(), foreign.close(), rm(userDataDir, { recursive: true, force: true })]);
    },
  };
  forwardStatus = (status) => void harness.emit(channelName('vault', 'onStatus'), status).catch(() => undefined);
  return harness;
}
