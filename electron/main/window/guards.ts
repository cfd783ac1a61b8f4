// Runs in: main.
//
// Installed on every webContents as it is created (app 'web-contents-created'), so no window,
// present or future, can navigate away, open a window or attach a <webview> (checklist 11-14).
import type { WebContents } from 'electron';
import { denyWindowOpen, isNavigationAllowed } from './navigation.ts';

type Guardable = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

export function guardWebContents(contents: Guardable, appOrigin: string): void {
  const stayHome = (event: { preventDefault(): void }, url: string) => {
    if (!isNavigationAllowed(url, appOrigin)) event.preventDefault();
  };
  contents.on('will-navigate', stayHome);
  contents.on('will-redirect', stayHome);
  contents.on('will-frame-navigate', (event) => stayHome(event, event.url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(denyWindowOpen);
}
