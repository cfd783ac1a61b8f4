// Runs in: renderer.
//
// The palette's shortcut as the Settings screen records and shows it: a key press becomes an
// Electron accelerator (modifiers in one order, the key by its place on the keyboard, so the
// same shortcut is recorded whatever the layout types), and an accelerator becomes words.
// Note (global shortcut rule): the same rule as electron/core/app/accelerator.ts, which the
// setting is checked against (the renderer cannot import core's code); change the two together.

export const DEFAULT_SHORTCUT = 'CommandOrControl+Shift+Space';

/** What recording a key press gives: an accelerator to save, or why there is none yet. */
export type Recorded =
  | { readonly accelerator: string }
  /** Only modifiers so far: show them while the user goes on. */
  | { readonly waiting: string }
  | { readonly problem: 'needs-modifier' | 'unsupported-key' };

/** What recording reads of a KeyboardEvent: the key's place and the modifiers held. */
interface KeyPress {
  readonly code: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  readonly shiftKey: boolean;
}

const NAMED: Readonly<Record<string, string>> = {
  Space: 'Space', Enter: 'Enter', NumpadEnter: 'Enter', Tab: 'Tab', Backspace: 'Backspace', Delete: 'Delete', Insert: 'Insert',
  Home: 'Home', End: 'End', PageUp: 'PageUp', PageDown: 'PageDown', ArrowUp: 'Up', ArrowDown: 'Down', ArrowLeft: 'Left', ArrowRight: 'Right',
  Escape: 'Esc', PrintScreen: 'PrintScreen', Minus: '-', Equal: '=', BracketLeft: '[', BracketRight: ']', Backslash: '\\', Semicolon: ';',
  Comma: ',', Period: '.', Slash: '/', Backquote: '`', NumpadDecimal: 'numdec', NumpadAdd: 'numadd', NumpadSubtract: 'numsub',
  NumpadMultiply: 'nummult', NumpadDivide: 'numdiv', MediaTrackNext: 'MediaNextTrack', MediaTrackPrevious: 'MediaPreviousTrack',
  MediaStop: 'MediaStop', MediaPlayPause: 'MediaPlayPause', AudioVolumeUp: 'VolumeUp', AudioVolumeDown: 'VolumeDown', AudioVolumeMute: 'VolumeMute',
};
const MODIFIER_CODES = /^(Control|Shift|Alt|Meta|OS)(Left|Right)?$|^AltGraph$/;
/** Keys that type nothing, so they may be a global shortcut on their own. */
const STANDALONE = /^(F([1-9]|1[0-9]|2[0-4])|Volume(Up|Down|Mute)|Media(NextTrack|PreviousTrack|Stop|PlayPause))$/;

function keyOf(code: string): string | null {
  const letter = /^Key([A-Z])$/.exec(code)?.[1];
  const digit = /^(?:Digit|Numpad)([0-9])$/.exec(code);
  if (letter) return letter;
  if (digit) return code.startsWith('Numpad') ? `num${digit[1]}` : (digit[1] ?? null);
  if (/^F([1-9]|1[0-9]|2[0-4])$/.test(code)) return code;
  return NAMED[code] ?? null;
}

/**
 * One key press while recording. On macOS ⌘ is CommandOrControl and Ctrl is Control; elsewhere
 * Ctrl is CommandOrControl and the Windows key is Super, so a shortcut chosen on one computer
 * means the same keys on another.
 */
export function recordShortcut(press: KeyPress, mac: boolean): Recorded {
  const modifiers = [
    ...((mac ? press.metaKey : press.ctrlKey) ? ['CommandOrControl'] : []),
    ...(mac && press.ctrlKey ? ['Control'] : []),
    ...(!mac && press.metaKey ? ['Super'] : []),
    ...(press.altKey ? ['Alt'] : []),
    ...(press.shiftKey ? ['Shift'] : []),
  ];
  if (MODIFIER_CODES.test(press.code)) return { waiting: modifiers.join('+') };
  const key = keyOf(press.code);
  if (key === null) return { problem: 'unsupported-key' };
  if (!STANDALONE.test(key) && modifiers.every((modifier) => modifier === 'Shift')) return { problem: 'needs-modifier' };
  return { accelerator: [...modifiers, key].join('+') };
}

const WORDS: Readonly<Record<string, readonly [mac: string, other: string]>> = {
  commandorcontrol: ['⌘', 'Ctrl'], cmdorctrl: ['⌘', 'Ctrl'], command: ['⌘', 'Cmd'], cmd: ['⌘', 'Cmd'], control: ['⌃', 'Ctrl'], ctrl: ['⌃', 'Ctrl'],
  alt: ['⌥', 'Alt'], option: ['⌥', 'Alt'], altgr: ['AltGr', 'AltGr'], shift: ['⇧', 'Shift'], super: ['⌘', 'Super'], meta: ['⌘', 'Super'],
};

/** An accelerator as the keys read on this computer: "Ctrl+Shift+Space", or "⌘⇧Space" on macOS. */
export function describeShortcut(accelerator: string, mac: boolean): string {
  const parts = accelerator.split('+').map((part) => WORDS[part.toLowerCase()]?.[mac ? 0 : 1] ?? part);
  return parts.join(mac ? '' : '+');
}
