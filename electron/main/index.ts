// Runs in: main. The composition root: builds the core with Electron's adapters and opens
// the window. Everything with a decision in it lives in core/ or in the small modules beside
// this file, where it can be tested without Electron.
import { app, BrowserWindow, session } from 'electron';
import { join } from 'node:path';
import { contract } from '../core/api/contract.ts';
import { createHandlers } from '../core/api/handlers.ts';
import { createRouter } from '../core/api/router.ts';
import { APP_ORIGIN, isTrustedSender } from '../core/api/sender.ts';
import { defaultVaultPath } from '../core/platform/paths.ts';
import { VaultService } from '../core/vault/vault-service.ts';
import { createEmitters, registerRouter } from './ipc.ts';
import { safeStorageKeyProtector } from './keychain.ts';
import { powerMonitorEvents } from './power.ts';
import { createMainWindow } from './window/main-window.ts';
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
  let mainWindow: BrowserWindow | null = null;

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  // Every webContents, including any a future change might create, is guarded as it is born.
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, appOrigin));

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  await app.whenReady();
  denyAllPermissions(session.defaultSession);
  serveRenderer(join(distDir, 'renderer'));

  const emit = createEmitters(contract, () => mainWindow?.webContents ?? null);
  const vault = new VaultService({
    path: defaultVaultPath(app.getPath('userData')),
    keyProtector: safeStorageKeyProtector,
    power: powerMonitorEvents,
    onStatus: (status) => emit.vault.onStatus(status),
  });
  app.on('before-quit', () => vault.dispose());
  const handlers = createHandlers({
    app: { name: app.getName(), version: app.getVersion(), platform: process.platform },
    keyProtector: safeStorageKeyProtector,
    vault,
  });
  registerRouter(
    createRouter(contract, handlers, {
      isTrustedSender: (url) => isTrustedSender(url, appOrigin),
      onInternalError: (channel, error) => console.error(`authdesk: ${channel} failed (${(error as Error)?.name ?? 'Error'})`),
    }),
    () => vault.activity(),
  );

  const open = () => {
    mainWindow = createMainWindow(join(distDir, 'preload', 'index.cjs'), devServerUrl ?? APP_ENTRY_URL);
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
  };
  open();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) open();
  });
}
