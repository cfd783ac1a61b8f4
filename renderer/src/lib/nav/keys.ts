// Runs in: renderer.
//
// Note (the keys table): every keyboard path in the window, in one table. The shortcuts
// dialog lists it, so a key that is added here is a key users can find. Each area adds its
// rows where its keys work; a handler that reacts to a key missing from this table is a bug.
import { ADD_HINT, HELP_HINT, LOCK_HINT, PALETTE_HINT, PASTE_HINT, SEARCH_KEY, UNDO_HINT, shortcutHint } from './shortcuts.ts';
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
      { keys: '↑, ↓, Home, End', does: 'Move between screens' },
      { keys: 'Enter, Space', does: 'Open the screen' },
    ],
  },
  {
    where: 'Codes',
    rows: [
      { keys: SEARCH_KEY, does: 'Search accounts' },
      { keys: 'Enter (in search)', does: 'Copy the first match' },
      { keys: 'Esc (in search)', does: 'Clear the search' },
      { keys: '↓ (in search)', does: 'Go to the first account' },
      { keys: '↑, ↓, Home, End, Page Up, Page Down', does: 'Move between accounts' },
      { keys: 'Enter', does: 'Copy the code (cleared from the clipboard after the time set in Settings)' },
      { keys: 'N', does: 'Show the next code (HOTP: make the next code)' },
      { keys: 'E', does: 'Edit the account' },
      { keys: 'F', does: 'Favourite or unfavourite' },
      { keys: 'Alt ↑, Alt ↓', does: 'Move the account up or down' },
      { keys: 'Delete', does: 'Delete the account' },
      { keys: UNDO_HINT, does: 'Undo the delete (for 10 seconds)' },
    ],
  },
  {
    where: 'Approvals',
    rows: [
      { keys: 'Enter (in a request’s number field)', does: 'Approve with the typed number; focus moves to the next request' },
      { keys: 'Tab', does: 'Reach Deny and “This wasn’t me” after the number field' },
    ],
  },
  {
    where: 'Sessions',
    rows: [
      { keys: '↑, ↓, Home, End', does: 'Move between profiles' },
      { keys: 'Enter', does: 'Log in with the profile' },
      { keys: 'Esc', does: 'Cancel the login under way' },
      { keys: 'E', does: 'Edit the profile' },
      { keys: 'Delete', does: 'Remove the profile (asks first)' },
    ],
  },
  {
    where: 'Code and certificate questions',
    rows: [
      { keys: 'Enter', does: 'Send the code' },
      { keys: 'Esc', does: 'Decline: the login stops' },
    ],
  },
  {
    where: 'Add account',
    rows: [
      { keys: ADD_HINT, does: 'Add an account: a link, a picture, the clipboard or by hand' },
      { keys: '↑, ↓, Home, End', does: 'Move in the Add account menu' },
      { keys: 'Esc', does: 'Close the menu' },
      { keys: '←, →', does: 'Choose how to add, in the dialog' },
      { keys: PASTE_HINT, does: 'Paste a QR code picture or a link, in the dialog' },
    ],
  },
  {
    where: 'Quick search (from any app)',
    rows: [
      { keys: PALETTE_HINT, does: 'Open or close the quick search (Settings can change these keys)' },
      { keys: '↑, ↓, Page Up, Page Down', does: 'Choose a match' },
      { keys: 'Enter', does: 'Copy the code (or log in with the profile) and close' },
      { keys: 'Esc', does: 'Close' },
      { keys: 'Esc, Backspace', does: 'While Settings records a new shortcut: cancel, or turn the shortcut off' },
    ],
  },
  {
    where: 'Export',
    rows: [{ keys: '←, →', does: 'Previous or next QR code of a Google Authenticator export' }],
  },
  {
    // Note (dialog keys): every dialog is ui/Dialog.svelte, so these hold in all of them (add,
    // import, export, restore, edit, this one); an area lists only the keys its dialog adds.
    where: 'Dialogs',
    rows: [
      { keys: 'Enter', does: 'Confirm what a field asks for (Preview, Open backup, Export, Restore, Save)' },
      { keys: 'Esc', does: 'Close the dialog; nothing is added, imported or saved' },
    ],
  },
];
