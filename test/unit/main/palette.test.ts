// Runs in: tests.
//
// The quick-search palette in the app as it ships (dist/main/index.js) against the recording
// stand-in of Electron: the global shortcut from the setting, the hidden window it shows
// centred on the display under the pointer, hidden again on Esc or a copy (shell.dismissPalette),
// on losing focus and on a second press; a shortcut another app holds reported to the window;
// the locked palette's Enter bringing the main window forward; everything let go on quit.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { setImmediate as settled } from 'node:timers/promises';
import type { PaletteShortcutStatus } from '../../../electron/core/api/types.ts';
import { bootMain } from '../../support/electron/boot.ts';
import { standin } from '../../support/electron/standin.ts';

const APP_URL = 'app://authdesk/index.html';
const PALETTE_URL = 'app://authdesk/palette.html';
const DEFAULT = 'CommandOrControl+Shift+Space';

// Two displays side by side; the pointer is on the second.
standin.palette.screen.displays.push({ id: 2, bounds: { x: 1920, y: 0, width: 2560, height: 1440 }, workArea: { x: 1920, y: 0, width: 2560, height: 1400 }, scaleFactor: 1 });
standin.palette.screen.cursor = { x: 3000, y: 700 };

const main = await bootMain(after);
const beforeReady = [...standin.calls];
await main.ready();
// The palette is made once the main window is ready to show.
await settled();
await settled();

const [mainWindow, palette] = standin.windows;
const update = (patch: object) => standin.invoke('authdesk:settings.update', APP_URL, patch);
const statusesSent = () => mainWindow?.contents.sent.filter((sent) => sent.channel === 'authdesk:palette.onShortcut').map((sent) => sent.args[0] as PaletteShortcutStatus) ?? [];
const shownSignals = () => palette?.contents.sent.filter((sent) => sent.channel === 'authdesk:palette.onShow').length ?? 0;

test('before ready, on Linux, main asks Chromium for the GlobalShortcuts portal, so the shortcut works in a Wayland session too', () => {
  const switches = beforeReady.filter((call) => call.api.endsWith('commandLine.appendSwitch')).map((call) => call.args);
  assert.deepEqual(switches, process.platform === 'linux' ? [['enable-features', 'GlobalShortcutsPortal']] : []);
});

test('after ready the default shortcut is held, and the palette window is made hidden: small, frameless, on top, out of the taskbar, secure', async () => {
  assert.deepEqual(standin.palette.heldShortcuts(), [standin.palette.acceleratorKey(DEFAULT)]);
  assert.ok(standin.called('globalShortcut.register').every((call) => !call.beforeReady));
  assert.deepEqual(await standin.invoke('authdesk:palette.shortcut', APP_URL), { ok: true, value: { accelerator: DEFAULT, state: 'registered' } });

  assert.ok(palette, 'a second window, the palette');
  assert.deepEqual(palette.loaded, [PALETTE_URL]);
  assert.equal(palette.shown, false);
  const { options } = palette;
  assert.deepEqual([options.show, options.frame, options.alwaysOnTop, options.skipTaskbar, options.resizable], [false, false, true, true, false]);
  assert.deepEqual(options.webPreferences, mainWindow?.options.webPreferences, 'the one factory, the same preload');
});

test('the shortcut shows the palette, focused and centred on the work area of the display under the pointer, and tells the page', () => {
  assert.equal(standin.palette.pressShortcut('Ctrl+Shift+Space'), true, 'Ctrl is CommandOrControl here');
  assert.equal(palette?.shown, true);
  assert.equal(palette?.focused, true);
  assert.deepEqual(palette?.bounds, { x: 1920 + (2560 - 600) / 2, y: (1400 - 400) / 2, width: 600, height: 400 });
  assert.equal(shownSignals(), 1);

  assert.equal(standin.palette.pressShortcut(DEFAULT), true);
  assert.equal(palette?.shown, false, 'a second press hides it');
});

test('the palette hides when it loses focus and when its page is done (Esc, a copy), and only the palette', async () => {
  standin.palette.pressShortcut(DEFAULT);
  standin.palette.blur(palette!);
  assert.equal(palette?.shown, false, 'clicking elsewhere hides it');

  standin.palette.pressShortcut(DEFAULT);
  assert.equal(palette?.shown, true);
  assert.deepEqual(await standin.invoke('authdesk:shell.dismissPalette', PALETTE_URL), { ok: true, value: null });
  assert.equal(palette?.shown, false);
  assert.equal(mainWindow?.closed, false);
});

test('the page hears what it shows: the theme changing reaches the palette as well as the window', async () => {
  await update({ theme: 'dark' });
  const heard = palette?.contents.sent.filter((sent) => sent.channel === 'authdesk:settings.onChange').at(-1)?.args[0] as { theme: string } | undefined;
  assert.equal(heard?.theme, 'dark');
  assert.equal(palette?.contents.sent.some((sent) => sent.channel === 'authdesk:codes.onCodes'), false, 'not the codes it does not show');
});

test('changing the setting moves the shortcut; a shortcut another app holds is reported to the window, and tried again when saved again', async () => {
  await update({ paletteShortcut: 'Alt+K' });
  assert.deepEqual(standin.palette.heldShortcuts(), ['alt+k']);
  assert.equal(standin.palette.pressShortcut(DEFAULT), false, 'the old one is let go');
  assert.deepEqual(statusesSent().at(-1), { accelerator: 'Alt+K', state: 'registered' });

  standin.palette.heldElsewhere.add('alt+super+j');
  await update({ paletteShortcut: 'Super+Alt+J' });
  assert.deepEqual(statusesSent().at(-1), { accelerator: 'Super+Alt+J', state: 'taken' });
  assert.deepEqual(await standin.invoke('authdesk:palette.shortcut', APP_URL), { ok: true, value: { accelerator: 'Super+Alt+J', state: 'taken' } });
  assert.deepEqual(standin.palette.heldShortcuts(), []);

  standin.palette.heldElsewhere.clear();
  await update({ paletteShortcut: 'Super+Alt+J' });
  assert.deepEqual(statusesSent().at(-1), { accelerator: 'Super+Alt+J', state: 'registered' });
  assert.equal(standin.palette.pressShortcut('Alt+Super+J'), true);
  assert.equal(palette?.shown, true);
  standin.palette.blur(palette!);

  await update({ paletteShortcut: '' });
  assert.deepEqual(statusesSent().at(-1), { accelerator: '', state: 'off' });
  assert.deepEqual(standin.palette.heldShortcuts(), []);
  await update({ paletteShortcut: DEFAULT });
  assert.deepEqual(standin.palette.heldShortcuts(), [standin.palette.acceleratorKey(DEFAULT)]);
});

test('a shortcut the settings refuse never reaches Electron', async () => {
  const before = standin.called('globalShortcut.register').length;
  const refused = (await update({ paletteShortcut: 'K' })) as { ok: boolean; error?: { code: string } };
  assert.equal(refused.error?.code, 'INVALID_INPUT');
  assert.equal(standin.called('globalShortcut.register').length, before);
});

test('the locked palette’s Enter hides it and brings the main window forward', async () => {
  standin.palette.pressShortcut(DEFAULT);
  if (mainWindow) mainWindow.focused = false;
  assert.deepEqual(await standin.invoke('authdesk:palette.openWindow', PALETTE_URL), { ok: true, value: null });
  assert.equal(palette?.shown, false);
  assert.equal(mainWindow?.shown, true);
  assert.equal(mainWindow?.focused, true);
});

test('closing the last real window closes the hidden palette too, and the app stays in the tray; the shortcut makes it again', async () => {
  const allClosed = standin.calls.length;
  let ended = 0;
  standin.app.on('window-all-closed', () => ended++);
  mainWindow?.close();
  await settled();
  assert.equal(palette?.closed, true);
  assert.equal(ended, 1);
  assert.ok(!standin.calls.slice(allClosed).some((call) => call.api === 'app.quit'), 'Quit is in the tray menu');

  assert.equal(standin.palette.pressShortcut(DEFAULT), true);
  const again = standin.windows.at(-1);
  assert.notEqual(again, palette);
  assert.deepEqual([again?.loaded, again?.shown], [[PALETTE_URL], true]);
});


test('quitting lets go of every global shortcut', () => {
  standin.quit();
  assert.deepEqual(standin.palette.heldShortcuts(), []);
  assert.ok(standin.called('globalShortcut.unregisterAll').length > 0);
});
