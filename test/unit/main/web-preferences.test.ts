import assert from 'node:assert/strict';
import { test } from 'node:test';
import { secureWebPreferences } from '../../../electron/main/window/web-preferences.ts';

test('every window is isolated, sandboxed and without Node', () => {
  const prefs = secureWebPreferences({ preload: '/app/preload.cjs', packaged: true });
  assert.equal(prefs.contextIsolation, true);
  assert.equal(prefs.sandbox, true);
  assert.equal(prefs.nodeIntegration, false);
  assert.equal(prefs.nodeIntegrationInWorker, false);
  assert.equal(prefs.nodeIntegrationInSubFrames, false);
  assert.equal(prefs.webSecurity, true);
  assert.equal(prefs.allowRunningInsecureContent, false);
  assert.equal(prefs.experimentalFeatures, false);
  assert.equal(prefs.webviewTag, false);
  assert.equal(prefs.navigateOnDragDrop, false);
  assert.equal(prefs.enableBlinkFeatures, undefined);
  assert.equal(prefs.preload, '/app/preload.cjs');
});

test('the preferences cannot be weakened after creation', () => {
  const prefs = secureWebPreferences({ preload: '/app/preload.cjs', packaged: true }) as { sandbox: boolean };
  assert.ok(Object.isFrozen(prefs));
  assert.throws(() => {
    prefs.sandbox = false;
  }, TypeError);
  assert.equal(prefs.sandbox, true);
});

test('DevTools open only in an unpackaged build', () => {
  assert.equal(secureWebPreferences({ preload: '/app/preload.cjs', packaged: true }).devTools, false);
  assert.equal(secureWebPreferences({ preload: '/app/preload.cjs', packaged: false }).devTools, true);
});
