// Runs in: tests (Node, driving real Electron). The app itself, through Playwright's Electron
// support: the same scenarios as the e2e suite, plus what only real Electron can show
// (webPreferences as applied, navigation and window.open refused by main). Where no Electron
// binary exists each test skips with the reason, so the run's totals and its closing
// skip-summary line count them (a skipped describe() would hide them). Selectors follow the
// e2e tests, which run the same renderer in Chromium.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { ElectronApplication, Page } from 'playwright-core';
import { contract } from '../../electron/core/api/contract/index.ts';
import { closeAuthdesk, launchAuthdesk, skip } from './launch.ts';

describe('Authdesk in real Electron', () => {
  let app: ElectronApplication | undefined;
  let page: Page;
  let home = '';

  before(async () => {
    if (skip) return;
    ({ app, page, home } = await launchAuthdesk());
    assert.ok(page.url().endsWith('/index.html'), 'the main window comes first; the palette once it is ready');
  });

  after(closeAuthdesk);

  test('the window renders the frame and navigates', { skip }, async () => {
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.waitFor();
    for (const name of ['Approvals', 'Sessions', 'Settings', 'Codes']) {
      await nav.getByRole('button', { name: new RegExp(`^${name}`) }).click();
      await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
    }
  });

  test('the page has no Node and no require; window.authdesk is the contract', { skip }, async () => {
    assert.deepEqual(await page.evaluate(() => [typeof require, typeof process, typeof module, typeof Buffer]), ['undefined', 'undefined', 'undefined', 'undefined']);
    assert.deepEqual(await page.evaluate(() => Object.keys(window.authdesk).sort()), Object.keys(contract).sort());
  });

  test('an inline script is blocked by the CSP', { skip }, async () => {
    const ran = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.body.append(script);
      return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
    });
    assert.equal(ran, false);
  });

  test('navigation away from the app and window.open are refused', { skip }, async () => {
    const before = page.url();
    await page.evaluate(() => {
      window.location.href = 'https://app.attacker.example/';
    });
    await page.waitForTimeout(300);
    assert.equal(page.url(), before);
    assert.equal(await page.evaluate(() => window.open('https://app.attacker.example/') === null), true);
    // The quick-search palette's hidden window is the only other one (test/electron/palette.test.ts).
    assert.deepEqual(app?.windows().filter((window) => !window.url().endsWith('/palette.html')).length, 1);
  });

  test('the vault status is real: no vault yet, and the window offers to create one', { skip }, async () => {
    await page.getByRole('heading', { name: 'Create your vault' }).waitFor();
    const status = await page.evaluate(() => window.authdesk.vault.status());
    assert.deepEqual(status, { ok: true, value: { state: 'none', path: join(home, 'Authdesk', 'vault.authdesk') } });
  });

  test('permission requests are denied', { skip }, async () => {
    const state = await page.evaluate(async () => (await navigator.permissions.query({ name: 'notifications' as PermissionName })).state);
    assert.notEqual(state, 'granted');
  });
});
