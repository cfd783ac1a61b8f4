// Runs in: main.
//
// The quick-search palette: its window (created hidden once the main window is up, so the
// shortcut is instant), the global shortcut that shows it centred on the display under the
// pointer (and hides it when pressed again), and hiding it when it loses focus or the page is
// done (core.shell.dismissPalette). The page hears only what it shows: the vault's state, the
// accounts and profiles changing, the theme, and that it was shown.
import { app, BrowserWindow, screen } from 'electron';
import { contract } from '../../core/api/contract/index.ts';
import type { Core } from '../../core/app/core.ts';
import { windowEmitters } from '../ipc.ts';
import type { WindowSetup } from '../window/web-preferences.ts';
import type { WindowKeeper } from '../window/window-keeper.ts';
import { createPaletteWindow } from './palette-window.ts';
import { paletteBounds } from './placement.ts';
import { holdPaletteShortcut } from './shortcut.ts';

export interface PaletteOptions {
  readonly core: Core;
  /** The main window, brought forward when the locked palette's Enter asks for it. */
  readonly windows: WindowKeeper;
  /** The preload and build every window shares (window/web-preferences.ts). */
  readonly windowSetup: WindowSetup;
  /** The palette page: palette.html beside the main window's page. */
  readonly entryUrl: string;
}

export function installPalette({ core, windows, windowSetup, entryUrl }: PaletteOptions): void {
  let palette: BrowserWindow | null = null;
  const emit = windowEmitters(contract, () => palette?.webContents ?? null);

  let creating = false;
  const ensure = (): BrowserWindow => {
    if (palette !== null && !palette.isDestroyed()) return palette;
    creating = true;
    const created = createPaletteWindow(windowSetup, entryUrl);
    creating = false;
    created.on('blur', () => created.hide());
    created.on('closed', () => {
      if (palette === created) palette = null;
    });
    palette = created;
    return created;
  };
  const hide = (): void => {
    if (palette !== null && !palette.isDestroyed() && palette.isVisible()) palette.hide();
  };
  const toggle = (): void => {
    if (palette?.isVisible()) return hide();
    const window = ensure();
    window.setBounds(paletteBounds(screen.getDisplayNearestPoint(screen.getCursorScreenPoint()).workArea));
    window.show();
    window.focus();
    emit.palette.onShow();
  };

  core.vault.onStatus((status) => emit.vault.onStatus(status));
  core.onAccountsChange(() => emit.accounts.onChange());
  core.profiles.onChange((views) => emit.profiles.onChange(views));
  core.settings.onChange((settings) => emit.settings.onChange(settings));
  core.shell.onPaletteDismiss(hide);
  core.palette.onOpenWindow(() => {
    hide();
    windows.show();
  });

  // Note (the palette keeps nothing open): the hidden palette is a window, and would keep the
  // app running (and 'window-all-closed' from ever firing) after the user closed the last real
  // one; it goes with it, and the shortcut makes it again. Change together with the
  // 'window-all-closed' and 'activate' handlers in electron/main/index.ts.
  const goesWithLast = (window: BrowserWindow): void => {
    window.once('closed', () => {
      if (BrowserWindow.getAllWindows().every((other) => other === palette || other === window)) setImmediate(() => palette?.destroy());
    });
  };
  app.on('browser-window-created', (_event, window) => {
    if (!creating) goesWithLast(window);
  });

  holdPaletteShortcut(core.settings, core.palette, toggle);
  const main = windows.current();
  if (main === null) ensure();
  else {
    goesWithLast(main);
    main.once('ready-to-show', () => void ensure());
  }
}
