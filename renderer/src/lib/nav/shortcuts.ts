// Runs in: renderer.
//
// Note (shortcuts): Cmd on macOS, Ctrl elsewhere, as each platform's users expect. The same
// table feeds the key handler, the hint shown in the sidebar and aria-keyshortcuts, so what
// is announced is what works. Change together with SCREENS' order.
import { SCREENS, type ScreenId } from './screens.ts';

const isMac = /Mac|iPhone|iPad/.test(navigator.userAgent);

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
export const LOCK_ARIA = `${isMac ? 'Meta' : 'Control'}+L`;

export function isLockShortcut(event: KeyboardEvent): boolean {
  return platformModifierOnly(event) && event.key.toLowerCase() === 'l';
}

/** Ctrl+Z (Cmd+Z on macOS): undo the last delete on the Codes screen. */
export const UNDO_HINT = isMac ? '⌘Z' : 'Ctrl Z';
export const UNDO_ARIA = `${isMac ? 'Meta' : 'Control'}+Z`;

export function isUndoShortcut(event: KeyboardEvent): boolean {
  return platformModifierOnly(event) && event.key.toLowerCase() === 'z';
}
