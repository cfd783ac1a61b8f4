// Runs in: main.
import { BrowserWindow } from 'electron';
import { secureWebPreferences, type WindowSetup } from './web-preferences.ts';

export interface MainWindowSetup extends WindowSetup {
  /** Linux's window icon (window-icon.ts); undefined elsewhere. */
  readonly icon: string | undefined;
}

export function createMainWindow(setup: MainWindowSetup, entryUrl: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1040,
    height: 700,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Authdesk',
    ...(setup.icon === undefined ? {} : { icon: setup.icon }),
    webPreferences: secureWebPreferences(setup),
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(entryUrl);
  return window;
}
