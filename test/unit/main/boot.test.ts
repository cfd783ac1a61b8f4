// Runs in: tests.
//
// Main's start-up as it ships (dist/main/index.js), against the recording stand-in of Electron:
// what it does before and after 'ready', the window it opens, the app:// protocol it serves and
// the IPC it answers. security-checklist.test.ts holds the locks on every window and webContents.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import { setImmediate as tick } from 'node:timers/promises';
import { APP_RESPONSE_HEADERS } from '../../../electron/main/window/app-scheme.ts';
import packageJson from '../../../package.json' with { type: 'json' };
import { bootMain, DIST_DIR } from '../../support/electron/boot.ts';
import { standin } from '../../support/electron/standin.ts';
import { PASSWORD } from '../../support/vault.ts';

const APP_URL = 'app://authdesk/index.html';
const FOREIGN_URL = 'https://app.attacker.example/';
/** The main windows: the quick-search palette's hidden window (test/unit/main/palette.test.ts) is not one. */
const main = await bootMain(after);
const beforeReady = [...standin.calls];
await main.ready();

test('before the app is ready, main enables the sandbox and registers app:// as a standard, secure scheme, and opens no window', () => {
  const apis = beforeReady.map((call) => call.api);
  assert.ok(apis.includes('app.enableSandbox'), 'main calls app.enableSandbox() before ready');
  const schemes = beforeReady.find((call) => call.api === 'protocol.registerSchemesAsPrivileged')?.args[0];
  assert.deepEqual(schemes, [{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: false } }]);
  assert.ok(!apis.includes('new BrowserWindow'));
  assert.ok(apis.includes('app.whenReady'), 'and then waits for ready');
});

test('once ready, main opens one window on the app’s entry page, with the built preload, shown when ready to show', async () => {
  assert.equal(standin.windows.length, 1);
  const [window] = standin.windows;
  assert.ok(window);
  assert.deepEqual(window.loaded, [APP_URL]);
  const preload = window.options.webPreferences?.preload ?? '';
  assert.equal(dirname(preload), join(DIST_DIR, 'preload'));
  assert.ok(existsSync(preload), `${preload} exists`);
  assert.equal(window.options.show, false, 'hidden until the page can paint');
  // The window must shrink to 800×600 (small laptop screens, tiled windows): the renderer's
  // narrow layout (Sidebar.svelte's compact sidebar) is tested at that size and at 200% zoom.
  assert.ok((window.options.minWidth ?? 0) <= 800 && (window.options.minHeight ?? 0) <= 600, `minimum ${window.options.minWidth}×${window.options.minHeight}`);
  await tick();
  assert.equal(window.shown, true);
});

test('a second instance brings the existing window back instead of opening another', () => {
  const [window] = standin.windows;
  assert.ok(window);
  window.minimized = true;
  window.focused = false;
  standin.app.emit('second-instance', {}, [], '/', {});
  assert.equal(window.minimized, false);
  assert.equal(window.focused, true);
  assert.equal(standin.mainWindows().length, 1);
});

test('app:// serves the built renderer with its security headers; other files, folders and methods are refused', async () => {
  const page = await standin.fetch(APP_URL);
  assert.equal(page.status, 200);
  assert.equal(await page.text(), await readFile(join(DIST_DIR, 'renderer', 'index.html'), 'utf8'));
  assert.equal(page.headers.get('Content-Type'), 'text/html; charset=utf-8');
  for (const [name, value] of Object.entries(APP_RESPONSE_HEADERS)) assert.equal(page.headers.get(name), value, name);

  for (const url of ['app://authdesk/assets/..%2f..%2f..%2fpackage.json', 'app://authdesk/..%5c..%5cpackage.json', 'app://authdesk/missing.js', 'app://other-host/index.html']) {
    const refused = await standin.fetch(url);
    assert.equal(refused.status, 404, url);
    assert.doesNotMatch(await refused.text(), /"name": "authdesk"/, url);
  }
  for (const method of ['POST', 'PUT', 'DELETE']) assert.equal((await standin.fetch(APP_URL, { method })).status, 405, method);
});

test('the window’s own page is answered: no vault yet, in the user-data folder', async () => {
  assert.deepEqual(await standin.invoke('authdesk:vault.status', APP_URL), { ok: true, value: { state: 'none', path: join(main.userData, 'vault.authdesk') } });
  assert.equal(main.userData, join(main.home, packageJson.productName));
});

test('app.info reports the app and the OS keychain as safeStorage describes it', async () => {
  assert.deepEqual(await standin.invoke('authdesk:app.info', APP_URL), {
    ok: true,
    value: { name: packageJson.productName, version: packageJson.version, platform: process.platform, keychain: { available: true, backend: 'gnome_libsecret', secure: true } },
  });
});

test('a foreign frame changes nothing: its vault.create is refused and no vault is written', async () => {
  const result = await standin.invoke('authdesk:vault.create', FOREIGN_URL, { password: PASSWORD });
  assert.deepEqual((result as { error?: { code: string } }).error?.code, 'FORBIDDEN_SENDER');
  assert.equal(existsSync(join(main.userData, 'vault.authdesk')), false, 'the foreign call must not reach the vault');
  assert.deepEqual(await standin.invoke('authdesk:vault.status', APP_URL), { ok: true, value: { state: 'none', path: join(main.userData, 'vault.authdesk') } });
});

test('the window is told of every vault change: created from the page, then locked when the screen locks', async () => {
  const [window] = standin.windows;
  assert.ok(window);
  const path = join(main.userData, 'vault.authdesk');
  assert.deepEqual(await standin.invoke('authdesk:vault.create', APP_URL, { password: PASSWORD }), { ok: true, value: { state: 'unlocked', path } });
  assert.deepEqual(window.contents.sent.at(-1), { channel: 'authdesk:vault.onStatus', args: [{ state: 'unlocked', path }] });

  standin.powerMonitor.emit('lock-screen');
  assert.deepEqual(await standin.invoke('authdesk:vault.status', APP_URL), { ok: true, value: { state: 'locked', path } });
  assert.deepEqual(window.contents.sent.at(-1), { channel: 'authdesk:vault.onStatus', args: [{ state: 'locked', path }] });
});

test('closing the last window leaves the app running in the tray, and activating it opens a new window', async () => {
  const [window] = standin.windows;
  assert.equal(standin.trays.length, 1, 'the tray is up');
  assert.ok(window?.close());
  // The hidden palette goes with the last window, then 'window-all-closed' comes.
  await tick();
  assert.equal(standin.called('app.quit').length, 0, 'Quit is in the tray menu (tray.test.ts)');
  standin.app.emit('activate', {}, false);
  assert.equal(standin.mainWindows().length, 2);
  assert.deepEqual(standin.mainWindows()[1]?.loaded, [APP_URL]);
});

test('an unpackaged build (a developer’s) keeps DevTools in its window', () => {
  assert.equal(standin.app.isPackaged, false);
  assert.equal(standin.windows[0]?.options.webPreferences?.devTools, true);
});
