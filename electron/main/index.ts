// Runs in: main. The composition root: builds the core with Electron's adapters and opens
// the window. Everything with a decision in it lives in core/ or in the small modules beside
// this file, where it can be tested without Electron.
import { app, session } from 'electron';
import { join } from 'node:path';
import { contract } from '../core/api/contract/index.ts';
import { connectEvents } from '../core/api/events.ts';
import { createHandlers } from '../core/api/handlers/index.ts';
import { createRouter } from '../core/api/router.ts';
import { APP_ORIGIN, isTrustedSender } from '../core/api/sender.ts';
import { createCore } from '../core/app/core.ts';
import { PromptBroker } from '../core/app/prompts.ts';
import { defaultVaultPath } from '../core/platform/paths.ts';
import { systemClock } from '../core/platform/ports.ts';
import { settingsFile } from '../core/platform/settings-file.ts';
import { electronClipboard } from './clipboard.ts';
import { electronDialogs } from './dialogs.ts';
import { registerRouter, windowEmitters } from './ipc.ts';
import { safeStorageKeyProtector } from './keychain.ts';
import { installPalette } from './palette/index.ts';
import { powerMonitorEvents } from './power.ts';
import { createMainWindow } from './window/main-window.ts';
import { keepMainWindow } from './window/window-keeper.ts';
import { APP_ENTRY_URL } from './window/app-scheme.ts';
import { guardWebContents } from './window/guards.ts';
import { denyAllPermissions } from './window/permissions.ts';
import { registerAppScheme, serveRenderer } from './window/protocol.ts';

const distDir = join(import.meta.dirname, '..');

// Note (dev server): `npm run dev` serves the renderer from Vite for hot reload. Only an
// unpackaged app honours it; a packaged one always serves app://authdesk. Change together
// with scripts/dev.ts.
const devServerUrl = app.isPackaged ? undefined : process.env.AUTHDESK_DEV_SERVER_URL;
const appOrigin = devServerUrl ? new URL(devServerUrl).origin : APP_ORIGIN;

app.enableSandbox();
registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  const windows = keepMainWindow(() => createMainWindow(join(distDir, 'preload', 'index.cjs'), devServerUrl ?? APP_ENTRY_URL));

  app.on('second-instance', () => {
    if (app.isReady()) windows.show();
  });

  // Every webContents, including any a future change might create, is guarded as it is born.
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, appOrigin));

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  await app.whenReady();
  denyAllPermissions(session.defaultSession);
  serveRenderer(join(distDir, 'renderer'));

  const userData = app.getPath('userData');
  const prompts = new PromptBroker();
  // Notifications stay null until approvals land: a port nothing calls would be code nobody tests.
  const core = createCore({
    app: { name: app.getName(), version: app.getVersion(), platform: process.platform },
    vaultPath: defaultVaultPath(userData),
    clock: systemClock,
    power: powerMonitorEvents,
    settings: settingsFile(userData),
    prompt: prompts,
    keyProtector: safeStorageKeyProtector,
    clipboard: electronClipboard,
    notifier: null,
    dialogs: electronDialogs(() => windows.current()),
  });
  connectEvents(core, prompts, windowEmitters(contract, () => windows.current()?.webContents ?? null));
  // Note (backup on quit): a change made in the last seconds still waits for its automatic
  // backup (core/vault/backups.ts debounces); quitting makes it first, then lets go of the vault.
  app.on('before-quit', (event) => {
    if (core.backups.status().pending) {
      event.preventDefault();
      void core.backups.flush().finally(() => app.quit());
      return;
    }
    core.dispose();
  });
  registerRouter(
    createRouter(contract, createHandlers(core, prompts), {
      isTrustedSender: (url) => isTrustedSender(url, appOrigin),
      onUserActivity: () => core.vault.activity(),
      onInternalError: (channel, error) => console.error(`authdesk: ${channel} failed (${(error as Error)?.name ?? 'Error'})`),
    }),
  );

  windows.show();
  installPalette({ core, windows, preloadPath: join(distDir, 'preload', 'index.cjs'), entryUrl: new URL('palette.html', devServerUrl ?? APP_ENTRY_URL).href });
  // The hidden palette is a window too: the dock opens the main window when it is not open.
  app.on('activate', () => {
    if (windows.current() === null) windows.show();
  });
}
