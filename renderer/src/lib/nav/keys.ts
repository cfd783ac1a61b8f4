// Runs in: renderer.
//
// Note (the keys table): every keyboard path in the window, in one table. The shortcuts
// dialog lists it, so a key that is added here is a key users can find. Each area adds its
// rows where its keys work; a handler that reacts to a key missing from this table is a bug.
import { ADD_HINT, HELP_HINT, LOCK_HINT, PASTE_HINT, SEARCH_KEY, shortcutHint } from './shortcuts.ts';
import { SCREENS } from './screens.ts';

export interface KeyRow {
  /** As shown to the user, e.g. "Ctrl 1", "/", "Enter". */
  readonly keys: string;
  readonly does: string;
}

export interface KeyArea {
  /** Where these keys work: "Anywhere", "Codes", "Add account"... */
  readonly where: string;
  readonly rows: readonly KeyRow[];
}

export const KEY_AREAS: readonly KeyArea[] = [
  {
    where: 'Anywhere',
    rows: [
      ...SCREENS.map((screen, index) => ({ keys: shortcutHint(index), does: `Go to ${screen.label}` })),
      { keys: LOCK_HINT, does: 'Lock the vault' },
      { keys: HELP_HINT, does: 'Show these keyboard shortcuts' },
      { keys: 'Tab, Shift Tab', does: 'Move between controls' },
    ],
  },
  {
    where: 'Sidebar',
    rows: [
      { keys: '↑ ↓, Home, End', does: 'Move between screens' },
      { keys: 'Enter, Space', does: 'Open the screen' },
    ],
  },
  {
    where: 'Dialogs',
    rows: [{ keys: 'Esc', does: 'Close the dialog' }],
  },
  {
    where: 'Codes',
    rows: [{ keys: SEARCH_KEY, does: 'Search accounts' }],
  },
  {
    where: 'Add account',
    rows: [
      { keys: ADD_HINT, does: 'Add an account: a link, a picture, the clipboard or by hand' },
      { keys: 'Down, Up, Home, End', does: 'Move in the Add account menu' },
      { keys: 'Left, Right', does: 'Choose how to add, in the Add account dialog' },
      { keys: PASTE_HINT, does: 'Paste a QR code picture or a link, in the Add account dialog' },
      { keys: 'Esc', does: 'Close the menu or the dialog without adding anything' },
    ],
  },
  {
    where: 'Import',
    rows: [
      { keys: 'Enter', does: 'Open an encrypted backup with the password typed' },
      { keys: 'Esc', does: 'Close the import dialog without importing anything' },
    ],
  },
  {
    where: 'Settings dialogs (export, restore)',
    rows: [
      { keys: 'Esc', does: 'Close the dialog' },
      { keys: '← →', does: 'Previous or next QR code of a Google Authenticator export' },
    ],
  },
];
