// Runs in: main, preload, renderer (types only), CLI, tests. The `palette` namespace: the
// quick-search palette's global shortcut and its window (electron/main/palette/).
import { call, event } from '../spec.ts';
import type { PaletteShortcutStatus } from '../types.ts';
import { none } from './inputs.ts';

export const palette = {
  /** Whether main holds the palette's shortcut (Settings shows a taken one); null where nothing registers shortcuts. */
  shortcut: call<PaletteShortcutStatus | null>()(none, 'background'),
  /** After every registration main attempts: at start and when the setting changes. */
  onShortcut: event<PaletteShortcutStatus>(),
  /** The locked palette's Enter: main hides the palette and brings the main window forward. */
  openWindow: call<null>()(none, 'user'),
  /** Main showed the palette (its shortcut was pressed): clear the search and focus it. */
  onShow: event<void>(),
} as const;
