// Runs in: renderer.
//
// Note (the keys table): every keyboard path in the window, in one table. The shortcuts
// dialog lists it, so a key that is added here is a key users can find. Each area adds its
// rows where its keys work; a handler that reacts to a key missing from this table is a bug.
import { ADD_HINT, HELP_HINT, LOCK_HINT, PASTE_HINT, SEARCH_KEY, UNDO_HINT, shortcutHint } from './shortcuts.ts';
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
    rows: [
      { keys: SEARCH_KEY, does: 'Search accounts' },
      { keys: 'Enter (in search)', does: 'Copy the first match' },
      { keys: 'Esc (in search)', does: 'Clear the search' },
      { keys: 'Arrow Down (in search)', does: 'Go to the first account' },
      { keys: 'Arrow Up, Arrow Down, Home, End, Page Up, Page Down', does: 'Move between accounts' },
      { keys: 'Enter', does: 'Copy the code (cleared from the clipboard after the time set in Settings)' },
      { keys: 'N', does: 'Show the next code (HOTP: make the next code)' },
      { keys: 'E', does: 'Edit the account' },
      { keys: 'F', does: 'Favourite or unfavourite' },
      { keys: 'Alt Arrow Up, Alt Arrow Down', does: 'Move the account up or down' },
      { keys: 'Delete', does: 'Delete the account' },
      { keys: UNDO_HINT, does: 'Undo the delete (for 10 seconds)' },
    ],
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
