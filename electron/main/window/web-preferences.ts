// Runs in: main.
//
// Note (one factory): every BrowserWindow gets its webPreferences from here, frozen, so no
// window can be created with a weaker setting. Electron security checklist items 2-4, 6, 8-10
// and 12 hold by construction; test/unit/main/web-preferences.test.ts checks each value.
import type { WebPreferences } from 'electron';

export function secureWebPreferences(preloadPath: string): Readonly<WebPreferences> {
  return Object.freeze({
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    devTools: true,
  } satisfies WebPreferences);
}
