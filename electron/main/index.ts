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
import { trackUserInput } from './input/user-input.ts';
import { registerRouter, windowEmitters } from './ipc.ts';
import { safeStorageKeyProtector } from './keychain.ts';
import { installLinks } from './links/index.ts';
import { installNotifications } from './notifications/electron-notifier.ts';
import { installPalette } from './palette/index.ts';
import { powerMonitorEvents } from './power.ts';
import { electronScreenCapture } from './screen-capture.ts';
import { installTray } from './tray/tray.ts';
import { createMainWindow } from './window/main-window.ts';
import { keepMainWindow } from './window/window-keeper.ts';
import { showOnPrompt } from './window/show-on-prompt.ts';
import { windowIcon } from './window/window-icon.ts';
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
// Note (Wayland shortcut): a Wayland session lets no app grab keys; Chromium registers global
// shortcuts through the desktop's GlobalShortcuts portal when this feature is on (Electron's
// globalShortcut docs). X11, macOS and Windows ignore it. Screen capture needs no switch
// (electron/main/screen-capture.ts). Change together with electron/main/palette/shortcut.ts.
if (process.platform === 'linux') app.commandLine.appendSwitch('enable-features', 'GlobalShortcutsPortal');
registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  const windowSetup = { preload: join(distDir, 'preload', 'index.cjs'), packaged: app.isPackaged, icon: windowIcon(process.platform, import.meta.dirname) };
  const windows = keepMainWindow(() => createMainWindow(windowSetup, devServerUrl ?? APP_ENTRY_URL));

  app.on('second-instance', () => {
    if (app.isReady()) windows.show();
  });
  const links = installLinks(windows);

  // Every webContents, including any a future change might create, is guarded as it is born.
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, appOrigin));
  const userInput = trackUserInput();

  // Note (closing the window): with the tray up, Authdesk keeps running in it on Linux and
  // Windows, as tray apps there do (Quit is in the tray menu); macOS apps stay in the dock anyway.
  let inTray = false;
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin' && !inTray) app.quit();
  });

  await app.whenReady();
  denyAllPermissions(session.defaultSession);
  serveRenderer(join(distDir, 'renderer'));

  const userData = app.getPath('userData');
  const prompts = new PromptBroker();
  const notifier = installNotifications({ showWindow: () => void windows.show(), navigate: (target) => core.shell.navigate(target), icon: windowSetup.icon });
  const core = createCore({
    app: { name: app.getName(), version: app.getVersion(), platform: process.platform },
    vaultPath: defaultVaultPath(userData),
    clock: systemClock,
    power: powerMonitorEvents,
    settings: settingsFile(userData),
    prompt: prompts,
    keyProtector: safeStorageKeyProtector,
    clipboard: electronClipboard,
    notifier,
    dialogs: electronDialogs(() => windows.current()),
    screen: electronScreenCapture(() => windows.current()),
  });
  if (notifier) core.vault.onStatus((status) => status.state === 'locked' && notifier.closeAll());
  connectEvents(core, prompts, windowEmitters(contract, () => windows.current()?.webContents ?? null));
  showOnPrompt(prompts, windows);
  installTray({ core, windows, mainDir: import.meta.dirname, platform: process.platform, quit: () => app.quit() });
  inTray = true;
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
    userInput,
  );

  links.deliverTo(core);
  windows.show();
  installPalette({ core, windows, windowSetup, entryUrl: new URL('palette.html', devServerUrl ?? APP_ENTRY_URL).href });
  // The hidden palette is a window too: the dock opens the main window when it is not open.
  app.on('activate', () => {
    if (windows.current() === null) windows.show();
  });
}
