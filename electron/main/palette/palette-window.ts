// Runs in: main.
//
// The quick-search palette's window: small, frameless, above other windows and out of the
// taskbar, built hidden so the shortcut only has to show it. Its webPreferences come from the
// one factory every window uses (window/web-preferences.ts); it loads the renderer's palette
// page from the same app:// origin, so the router trusts it as it trusts the main window.
import { BrowserWindow } from 'electron';
import { secureWebPreferences, type WindowSetup } from '../window/web-preferences.ts';
import { PALETTE_SIZE } from './placement.ts';

export function createPaletteWindow(setup: WindowSetup, entryUrl: string): BrowserWindow {
  const window = new BrowserWindow({
    ...PALETTE_SIZE,
    show: false,
    frame: false,
    resizable: false,
    minimizable: false,
    maximizable: false,
    fullscreenable: false,
    alwaysOnTop: true,
    skipTaskbar: true,
    title: 'Authdesk quick search',
    webPreferences: secureWebPreferences(setup),
  });
  void window.loadURL(entryUrl);
  return window;
}
