// Runs in: tests. Electron's accelerator grammar and the rule for a global shortcut, as the
// paletteShortcut setting checks them before main hands one to globalShortcut.register.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as v from 'valibot';
import { isAccelerator, isGlobalShortcut } from '../../../electron/core/app/accelerator.ts';
import { settingsShape } from '../../../electron/core/app/settings.ts';

test('accelerators as Electron documents them are accepted, in any case', () => {
  for (const text of [
    'CommandOrControl+Shift+Space',
    'CmdOrCtrl+K',
    'ctrl+alt+p',
    'Super+Space',
    'Meta+Shift+0',
    'Alt+F4',
    'F13',
    'Command+Option+Up',
    'AltGr+Plus',
    'Control+num5',
    'Shift+PageDown',
    'Ctrl+/',
    'Ctrl+\\',
    'MediaPlayPause',
    'Ctrl+Enter',
    'Ctrl+Esc',
  ]) {
    assert.equal(isAccelerator(text), true, text);
  }
});

test('what Electron cannot parse is refused: no key, two keys, unknown names, empty parts, repeated modifiers, "+" for Plus', () => {
  for (const text of ['', 'Ctrl', 'Ctrl+Shift', 'Ctrl+A+B', 'Ctrl+Banana', 'Hyper+A', 'Ctrl++', 'Ctrl+', '+A', 'Ctrl+Ctrl+A', 'F25', 'F0', 'num10', 'Ctrl + A', 'Ctrl+é', `Ctrl+${'A'.repeat(200)}`]) {
    assert.equal(isAccelerator(text), false, JSON.stringify(text));
  }
});

test('a global shortcut that would type text needs a modifier other than Shift; function and media keys may stand alone', () => {
  for (const text of ['A', 'Shift+A', 'Space', 'Shift+Space', 'Enter', 'Up', '1', 'Shift+/']) assert.equal(isGlobalShortcut(text), false, text);
  for (const text of ['Ctrl+A', 'Alt+Space', 'Super+1', 'CommandOrControl+Shift+Space', 'F9', 'Shift+F12', 'MediaNextTrack', 'VolumeMute']) {
    assert.equal(isGlobalShortcut(text), true, text);
  }
});

test('the paletteShortcut setting takes a global shortcut or "" (off), and nothing else', () => {
  const schema = settingsShape.paletteShortcut;
  for (const ok of ['', 'CommandOrControl+Shift+Space', 'Alt+K', 'F8']) assert.equal(v.safeParse(schema, ok).success, true, ok);
  for (const bad of ['K', 'Ctrl+Shift', ' ', 'Ctrl+Alt+Delete+X', 42, null]) assert.equal(v.safeParse(schema, bad).success, false, JSON.stringify(bad));
});
