// Runs in: main, preload, renderer (types only), CLI, tests. The `shell` namespace: what the
// desktop shell (notifications, links, the tray, the quick-search palette) asks of the window.
import { call, event } from '../spec.ts';
import type { NavigateTarget } from '../types.ts';
import { none } from './inputs.ts';

export const shell = {
  /** What the shell asked the window to show, once (Note navigation from the shell, app/shell.ts); null when nothing waits. */
  takeNavigation: call<NavigateTarget | null>()(none, 'background'),
  /** A navigation waits: take it. */
  onNavigation: event<void>(),
  /** The palette is done (Esc, or after a copy or a login): main hides its window. */
  dismissPalette: call<null>()(none, 'user'),
} as const;
