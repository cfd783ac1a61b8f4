// Runs in: tests.
//
// Main as an installed build runs it (app.isPackaged): no window has DevTools, and on Linux the
// window shows the icon packed with the app.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { bootMain, DIST_DIR } from '../../support/electron/boot.ts';
import { standin } from '../../support/electron/standin.ts';
import { PNG } from '../../support/png.ts';

standin.app.isPackaged = true;
const main = await bootMain(after);
await main.ready();
standin.windows[0]?.close();
standin.app.emit('activate', {}, false);

test('a packaged build opens every window without DevTools', () => {
  assert.equal(standin.windows.length, 2, 'the window at start and the one reopened on activate');
  for (const [index, window] of standin.windows.entries()) assert.equal(window.options.webPreferences?.devTools, false, `window ${index + 1}`);
});

test('on Linux the window shows the 512×512 app icon, shipped beside main in dist/', { skip: process.platform !== 'linux' && 'only Linux takes the icon from the window' }, async () => {
  const shipped = join(DIST_DIR, 'main', 'app-icon.png');
  assert.equal(standin.windows[0]?.options.icon, shipped);
  const png = PNG.sync.read(await readFile(shipped));
  assert.deepEqual([png.width, png.height], [512, 512]);
});
