// Runs in: main, CLI, tests (and the renderer's build, types only).
//
// Electron's accelerator grammar (docs/api/accelerator.md of Electron 45): modifiers and one
// key code joined by '+', case-insensitive. Checked here, before globalShortcut.register ever
// sees a setting, so a hand-edited config.json cannot make main throw at start.
//
// Note (global shortcut rule): a global shortcut takes its keys away from every other app, so
// one that types text (a letter, Space, Enter, an arrow...) needs a modifier other than Shift;
// function and media keys may stand alone. Change together with
// renderer/src/lib/settings/shortcut.ts, which records shortcuts by this rule.

const MODIFIERS = new Set(['command', 'cmd', 'control', 'ctrl', 'commandorcontrol', 'cmdorctrl', 'alt', 'option', 'altgr', 'shift', 'super', 'meta']);

const NAMED_KEYS = [
  'plus', 'space', 'tab', 'capslock', 'numlock', 'scrolllock', 'backspace', 'delete', 'insert', 'return', 'enter',
  'up', 'down', 'left', 'right', 'home', 'end', 'pageup', 'pagedown', 'escape', 'esc', 'printscreen',
  'volumeup', 'volumedown', 'volumemute', 'medianexttrack', 'mediaprevioustrack', 'mediastop', 'mediaplaypause',
  'numdec', 'numadd', 'numsub', 'nummult', 'numdiv',
];
// '+' is in Electron's punctuation list but is the separator too: it is written "Plus".
const PUNCTUATION = ')!@#$%^&*(:;=<,_->.?/~`{][|\\}"';

/** Keys that may be a global shortcut on their own: they type nothing. */
const STANDALONE = /^(f([1-9]|1[0-9]|2[0-4])|volume(up|down|mute)|media(nexttrack|previoustrack|stop|playpause))$/;

function isKeyCode(token: string): boolean {
  return (
    /^[a-z0-9]$/.test(token) ||
    /^f([1-9]|1[0-9]|2[0-4])$/.test(token) ||
    /^num[0-9]$/.test(token) ||
    NAMED_KEYS.includes(token) ||
    (token.length === 1 && PUNCTUATION.includes(token))
  );
}

/** The longest accelerator accepted: every modifier once and the longest key name fit well inside. */
export const MAX_ACCELERATOR = 100;

/** Whether text is an accelerator Electron accepts: modifiers, each once, then one key code. */
export function isAccelerator(text: string): boolean {
  if (text.length === 0 || text.length > MAX_ACCELERATOR) return false;
  const tokens = text.toLowerCase().split('+');
  const key = tokens.pop() ?? '';
  return isKeyCode(key) && new Set(tokens).size === tokens.length && tokens.every((token) => MODIFIERS.has(token));
}

/** Whether text is an accelerator fit for a global shortcut (Note global shortcut rule). */
export function isGlobalShortcut(text: string): boolean {
  if (!isAccelerator(text)) return false;
  const tokens = text.toLowerCase().split('+');
  const key = tokens.pop() ?? '';
  return STANDALONE.test(key) || tokens.some((token) => token !== 'shift');
}
