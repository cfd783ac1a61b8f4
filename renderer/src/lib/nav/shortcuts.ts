// Runs in: renderer.
//
// Note (shortcuts): Cmd on macOS, Ctrl elsewhere, as each platform's users expect. The same
// table feeds the key handler, the hint shown in the sidebar and aria-keyshortcuts, so what
// is announced is what works. Change together with SCREENS' order.
import { SCREENS, type ScreenId } from './screens.ts';

export const isMac = /Mac|iPhone|iPad/.test(navigator.userAgent);

export const SEARCH_KEY = '/';

/** The hint shown to sighted users, e.g. "Ctrl 1" or "⌘1". */
export function shortcutHint(index: number): string {
  return isMac ? `⌘${index + 1}` : `Ctrl ${index + 1}`;
}

/** The same shortcut in aria-keyshortcuts syntax. */
export function ariaShortcut(index: number): string {
  return `${isMac ? 'Meta' : 'Control'}+${index + 1}`;
}

/** Cmd (macOS) or Ctrl (elsewhere) alone, no other modifier. */
function platformModifierOnly(event: KeyboardEvent): boolean {
  const modifier = isMac ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey;
  return modifier && !event.altKey && !event.shiftKey;
}

export function screenForShortcut(event: KeyboardEvent): ScreenId | null {
  if (!platformModifierOnly(event)) return null;
  const index = Number.parseInt(event.key, 10) - 1;
  return SCREENS[index]?.id ?? null;
}

/** Typing "/" in a text field is text, not a shortcut. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target instanceof HTMLTextAreaElement || (target instanceof HTMLInputElement && target.type !== 'radio' && target.type !== 'checkbox');
}

/** Ctrl+L (Cmd+L on macOS) locks the vault, from anywhere in the window. */
export const LOCK_HINT = isMac ? '⌘L' : 'Ctrl L';
/** The quick search's shortcut as it ships (paletteShortcut's default in electron/core/app/settings.ts). */
export const PALETTE_HINT = isMac ? '⌘⇧Space' : 'Ctrl Shift Space';
export const LOCK_ARIA = `${isMac ? 'Meta' : 'Control'}+L`;

export function isLockShortcut(event: KeyboardEvent): boolean {
  return platformModifierOnly(event) && event.key.toLowerCase() === 'l';
}

/** Ctrl+N (Cmd+N on macOS) opens the Add account dialog. */
export const ADD_HINT = isMac ? '⌘N' : 'Ctrl N';
export const ADD_ARIA = `${isMac ? 'Meta' : 'Control'}+N`;

export function isAddShortcut(event: KeyboardEvent): boolean {
  return platformModifierOnly(event) && event.key.toLowerCase() === 'n';
}

/** Ctrl+V (Cmd+V on macOS) outside a text field: paste a picture or link into the add dialog. */
export const PASTE_HINT = isMac ? '⌘V' : 'Ctrl V';

export function isPasteShortcut(event: KeyboardEvent): boolean {
  return platformModifierOnly(event) && event.key.toLowerCase() === 'v' && !isTyping(event.target);
}

/** "?" (Shift+/ on most layouts) when not typing, or F1: the keyboard shortcuts dialog. */
export const HELP_KEY = '?';
export const HELP_HINT = `${HELP_KEY}, F1`;
export const HELP_ARIA = 'Shift+? F1';

export function isHelpShortcut(event: KeyboardEvent): boolean {
  if (event.ctrlKey || event.metaKey || event.altKey) return false;
  return event.key === 'F1' || (event.key === HELP_KEY && !isTyping(event.target));
}

/** Ctrl+Z (Cmd+Z on macOS): undo the last delete on the Codes screen. */
export const UNDO_HINT = isMac ? '⌘Z' : 'Ctrl Z';
export const UNDO_ARIA = `${isMac ? 'Meta' : 'Control'}+Z`;

export function isUndoShortcut(event: KeyboardEvent): boolean {
  return platformModifierOnly(event) && event.key.toLowerCase() === 'z';
}
