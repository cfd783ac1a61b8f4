// Runs in: main.
//
// Note (one factory): every BrowserWindow gets its webPreferences from here, frozen, so no
// window can be created with a weaker setting. Electron security checklist items 2-4, 6, 8-10
// and 12 hold by construction; test/unit/main/web-preferences.test.ts checks each value.
import type { WebPreferences } from 'electron';

/** What differs between Authdesk's windows and builds; main passes the same object to each. */
export interface WindowSetup {
  /** The built preload bundle. */
  readonly preload: string;
  /** app.isPackaged: an installed build, which has no DevTools. */
  readonly packaged: boolean;
}

export function secureWebPreferences({ preload, packaged }: WindowSetup): Readonly<WebPreferences> {
  return Object.freeze({
    preload,
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
    // DevTools would let anyone at the unlocked window read what the renderer holds and call
    // window.authdesk by hand; a developer's unpackaged build keeps them.
    devTools: !packaged,
  } satisfies WebPreferences);
}
