// The app itself, through Playwright's Electron support: the same scenarios as the e2e suite,
// plus what only real Electron can show (webPreferences as applied, navigation and window.open
// refused by main). Skipped, with the reason printed, where no Electron binary exists.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { findElectronBinary } from './binary.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const binary = findElectronBinary(root);
const skip = 'reason' in binary ? `Electron tests skipped: ${binary.reason}` : false;
if (skip) process.stdout.write(`# ${skip}\n`);

describe('Authdesk in real Electron', { skip }, () => {
  let app: ElectronApplication;
  let page: Page;
  let home: string;

  before(async () => {
    home = await mkdtemp(join(tmpdir(), 'authdesk-electron-'));
    app = await _electron.launch({
      executablePath: 'path' in binary ? binary.path : '',
      args: [root, '--no-sandbox'],
      env: { ...process.env, XDG_CONFIG_HOME: home, HOME: home },
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  after(async () => {
    await app?.close();
    await rm(home, { recursive: true, force: true });
  });

  test('the window renders the frame and navigates', async () => {
    await page.getByRole('navigation').waitFor();
    for (const name of ['Approvals', 'Sessions', 'Settings', 'Codes']) {
      await page.getByRole('link', { name }).click();
      await page.getByRole('heading', { level: 1, name }).waitFor();
    }
  });

  test('the page has no Node and no require', async () => {
    assert.equal(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require), 'undefined');
    assert.equal(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process), 'undefined');
    assert.deepEqual(await page.evaluate(() => Object.keys((globalThis as unknown as { authdesk: object }).authdesk).sort()), ['app', 'vault']);
  });

  test('an inline script is blocked by the CSP', async () => {
    const ran = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.body.append(script);
      return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
    });
    assert.equal(ran, false);
  });

  test('navigation away from the app and window.open are refused', async () => {
    const before = page.url();
    await page.evaluate(() => {
      window.location.href = 'https://app.attacker.example/';
    });
    await page.waitForTimeout(300);
    assert.equal(page.url(), before);
    assert.equal(await page.evaluate(() => window.open('https://app.attacker.example/') === null), true);
    assert.equal(app.windows().length, 1);
  });

  test('the vault status is real: no vault yet', async () => {
    const status = await page.evaluate(() => (globalThis as unknown as { authdesk: { vault: { status(): Promise<unknown> } } }).authdesk.vault.status());
    assert.deepEqual(status, { ok: true, value: { state: 'none', path: join(home, 'Authdesk', 'vault.authdesk') } });
  });

  test('permission requests are denied', async () => {
    const state = await page.evaluate(async () => (await navigator.permissions.query({ name: 'notifications' as PermissionName })).state);
    assert.notEqual(state, 'granted');
  });
});
