// Runs in: Chromium only, inside a bundled preload stand-in (the e2e one and the preview's).
//
// Note (input without Electron): in the app, main learns of a click from Electron, which sees
// the OS deliver it (electron/main/input/user-input.ts); no page can fake that. Without
// Electron, the nearest honest witness is the page itself: the browser marks the events it
// received from input devices (or from Playwright's, which go through the same path) as
// isTrusted, and a script cannot make one. The stand-in listens before the app's own code can
// (a capturing listener on window, added before the app loads) and reports with each call
// whether one came within GESTURE_WINDOW_MS. A page could lie in that report, so it proves
// nothing about a hostile page: it keeps our own window honest in tests and the preview,
// where an automatic keychain unlock would be refused as in the app.
import { GESTURE_WINDOW_MS } from '../../../electron/core/api/spec.ts';

/** Starts watching; the returned function says whether a trusted key press or click came just now. */
export function watchTrustedInput(): () => boolean {
  let last = Number.NEGATIVE_INFINITY;
  const seen = (event: Event) => {
    if (event.isTrusted) last = performance.now();
  };
  for (const type of ['pointerdown', 'keydown']) addEventListener(type, seen, { capture: true });
  return () => performance.now() - last <= GESTURE_WINDOW_MS;
}
