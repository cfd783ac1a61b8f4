// Runs in: tests. Recording the palette's shortcut from a key press (renderer/src/lib/settings/
// shortcut.ts): what it records is what core's setting accepts, the same keys on every system.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isGlobalShortcut } from '../../../electron/core/app/accelerator.ts';
import { describeShortcut, recordShortcut } from '../../../renderer/src/lib/settings/shortcut.ts';

const press = (code: string, held: { ctrl?: boolean; meta?: boolean; alt?: boolean; shift?: boolean } = {}) => ({
  code,
  ctrlKey: held.ctrl ?? false,
  metaKey: held.meta ?? false,
  altKey: held.alt ?? false,
  shiftKey: held.shift ?? false,
});

test('a key with modifiers becomes an accelerator core accepts: Ctrl (⌘ on a Mac) is CommandOrControl, the Windows key Super', () => {
  const cases: [ReturnType<typeof press>, boolean, string][] = [
    [press('Space', { ctrl: true, shift: true }), false, 'CommandOrControl+Shift+Space'],
    [press('Space', { meta: true, shift: true }), true, 'CommandOrControl+Shift+Space'],
    [press('KeyK', { ctrl: true }), true, 'Control+K'],
    [press('KeyK', { meta: true, alt: true }), false, 'Super+Alt+K'],
    [press('Digit1', { alt: true, shift: true }), false, 'Alt+Shift+1'],
    [press('Numpad5', { ctrl: true }), false, 'CommandOrControl+num5'],
    [press('ArrowUp', { ctrl: true, alt: true }), false, 'CommandOrControl+Alt+Up'],
    [press('Slash', { ctrl: true }), false, 'CommandOrControl+/'],
    [press('F8'), false, 'F8'],
    [press('F12', { shift: true }), false, 'Shift+F12'],
    [press('MediaPlayPause'), false, 'MediaPlayPause'],
  ];
  for (const [key, mac, expected] of cases) {
    assert.deepEqual(recordShortcut(key, mac), { accelerator: expected }, expected);
    assert.equal(isGlobalShortcut(expected), true, `${expected} passes the setting's check`);
  }
});

test('modifiers alone wait for a key; a key that types needs a modifier other than Shift; keys Electron cannot name are refused', () => {
  assert.deepEqual(recordShortcut(press('ControlLeft', { ctrl: true }), false), { waiting: 'CommandOrControl' });
  assert.deepEqual(recordShortcut(press('ShiftRight', { ctrl: true, shift: true }), false), { waiting: 'CommandOrControl+Shift' });
  assert.deepEqual(recordShortcut(press('KeyA'), false), { problem: 'needs-modifier' });
  assert.deepEqual(recordShortcut(press('Space', { shift: true }), false), { problem: 'needs-modifier' });
  assert.deepEqual(recordShortcut(press('IntlBackslash', { ctrl: true }), false), { problem: 'unsupported-key' });
  assert.deepEqual(recordShortcut(press('Quote', { ctrl: true }), false), { problem: 'unsupported-key' });
});

test('an accelerator reads as the keys on this computer', () => {
  assert.equal(describeShortcut('CommandOrControl+Shift+Space', false), 'Ctrl+Shift+Space');
  assert.equal(describeShortcut('CommandOrControl+Shift+Space', true), '⌘⇧Space');
  assert.equal(describeShortcut('Super+alt+K', false), 'Super+Alt+K');
  assert.equal(describeShortcut('F8', false), 'F8');
});
