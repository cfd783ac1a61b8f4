// Runs in: tests (Node), and `npm run preview`.
//
// Note (browser backend): what main does for the window, without Electron: the core from
// createCore on a vault file with a cheap Argon2id, the real router and handlers trusting one
// origin, and the core's events sent to the page through whatever transport the host has (a
// Playwright binding in the e2e harness, a server-sent stream in the preview). Change together
// with electron/main/index.ts, the real host.
import { contract } from '../../../electron/core/api/contract/index.ts';
import { connectEvents } from '../../../electron/core/api/events.ts';
import { createHandlers } from '../../../electron/core/api/handlers/index.ts';
import { createRouter, type Router } from '../../../electron/core/api/router.ts';
import { isTrustedSender } from '../../../electron/core/api/sender.ts';
import { createEmitters } from '../../../electron/core/api/spec.ts';
import type { Core } from '../../../electron/core/app/core.ts';
import type { KeyProtector } from '../../../electron/core/platform/ports.ts';
import { createTestCore } from '../../support/core.ts';
import type { FakeClipboard } from '../../support/clipboard.ts';
import type { FakeDialogs } from '../../support/dialogs.ts';
import type { FakeScreens } from '../../support/screen.ts';

export interface BackendOptions {
  /** The OS keychain as the app would see it; a browser has none, so the default is null. */
  readonly keyProtector?: KeyProtector | null;
  /** The automatic backup's pause after a change; shorter than the app's so tests need not wait. */
  readonly backupDelayMs?: number;
}

export interface Backend {
  readonly core: Core;
  readonly vaultPath: string;
  /** The file pickers main would open, answered by the test (or the preview's scripted answers). */
  readonly dialogs: FakeDialogs;
  /** The system clipboard main would use; a test can copy "from another app" into it. */
  readonly clipboard: FakeClipboard;
  /** What the screens show when the page asks main to scan them. */
  readonly screens: FakeScreens;
  /** The router the page's calls go to, trusting only the given origin, as main trusts app://authdesk. */
  router(trustedOrigin: string): Router;
  close(): void;
}

export function createBackend(vaultPath: string, send: (channel: string, payload: unknown) => void, options: BackendOptions = {}): Backend {
  const { core, prompts, dialogs, clipboard, screens } = createTestCore(vaultPath, {
    keyProtector: options.keyProtector ?? null,
    ...(options.backupDelayMs === undefined ? {} : { backupDelayMs: options.backupDelayMs }),
  });
  const disconnect = connectEvents(core, prompts, createEmitters(contract, send));
  const handlers = createHandlers(core, prompts);
  return {
    core,
    vaultPath,
    dialogs,
    clipboard,
    screens,
    router: (trustedOrigin) =>
      createRouter(contract, handlers, {
        isTrustedSender: (url) => isTrustedSender(url, trustedOrigin),
        onUserActivity: () => core.vault.activity(),
        onInternalError: (channel, error) => console.error(`authdesk backend: ${channel} failed`, error),
      }),
    close() {
      disconnect();
      core.dispose();
    },
  };
}
