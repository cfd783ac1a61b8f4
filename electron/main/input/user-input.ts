// Runs in: main.
//
// Which windows the person has just used. Electron reports the input the OS delivers to each
// webContents ('before-input-event' for keys, 'input-event' for every kind) before the page
// sees it; a page cannot make either happen by script, so a call that must follow a click
// (a 'gesture' in the contract) can be told apart from a window acting on its own.
import { app, type WebContents } from 'electron';
import { GESTURE_WINDOW_MS } from '../../core/api/spec.ts';

/** Input that means the person acted: a press, not a move, a release or a scroll. */
const ACTS = new Set<string>(['mouseDown', 'rawKeyDown', 'keyDown', 'gestureTap']);

export interface UserInput {
  /** Whether a key press or a click reached this webContents within GESTURE_WINDOW_MS. */
  recentIn(contents: WebContents): boolean;
}

/** Watches every webContents from its birth; call before the first window opens. */
export function trackUserInput(): UserInput {
  const lastInput = new WeakMap<WebContents, number>();
  app.on('web-contents-created', (_event, contents) => {
    contents.on('before-input-event', (_input, input) => {
      if (input.type === 'keyDown') lastInput.set(contents, Date.now());
    });
    contents.on('input-event', (_input, inputEvent) => {
      if (ACTS.has(inputEvent.type)) lastInput.set(contents, Date.now());
    });
  });
  return {
    recentIn(contents) {
      const at = lastInput.get(contents);
      return at !== undefined && Date.now() - at <= GESTURE_WINDOW_MS;
    },
  };
}
