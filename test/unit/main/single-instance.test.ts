// Runs in: tests.
//
// A second copy of the app, started while one runs, must not open the vault or a window of its
// own: Electron hands its arguments to the first copy ('second-instance'), and it quits.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { bootMain } from '../../support/electron/boot.ts';
import { standin } from '../../support/electron/standin.ts';

const main = await bootMain(after, { singleInstanceLock: false });
await main.ready();

test('without the single-instance lock main quits, opening no window and answering no IPC', () => {
  assert.equal(standin.called('app.requestSingleInstanceLock').length, 1);
  assert.equal(standin.called('app.quit').length, 1);
  assert.deepEqual(standin.windows, []);
  assert.deepEqual(standin.channels(), []);
  assert.deepEqual(standin.called('app.whenReady'), [], 'it does not wait to start');
});
