// Runs in: tests.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { windowIcon } from '../../../electron/main/window/window-icon.ts';

test('only Linux gets a window icon (the PNG packed with the app); macOS and Windows show the executable’s', () => {
  assert.equal(windowIcon('linux', '/opt/Authdesk/resources/app.asar/dist/main'), '/opt/Authdesk/resources/app.asar/dist/main/app-icon.png');
  assert.equal(windowIcon('darwin', '/Applications/Authdesk.app/Contents/Resources/app.asar'), undefined);
  assert.equal(windowIcon('win32', 'C:\\Program Files\\Authdesk\\resources\\app.asar'), undefined);
});
