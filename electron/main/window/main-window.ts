// Runs in: main.
import { BrowserWindow } from 'electron';
import { secureWebPreferences } from './web-preferences.ts';

export function createMainWindow(preloadPath: string, entryUrl: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1040,
    height: 700,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Authdesk',
    webPreferences: secureWebPreferences(preloadPath),
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(entryUrl);
  return window;
}
