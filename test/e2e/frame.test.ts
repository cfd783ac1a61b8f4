// Runs in: tests (Node, driving Chromium). The window frame: navigation, vault status, settings.
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { AuthdeskError } from '../../electron/core/errors.ts';
import type { KeyProtector } from '../../electron/core/platform/ports.ts';
import packageJson from '../../package.json' with { type: 'json' };
import { chromiumSkipReason } from './support/chromium.ts';
import { startHarness, type Harness } from './support/harness.ts';

const skip = chromiumSkipReason();
const PASSWORD = 'plum orbit lantern 42';

const currentScreen = (page: Page) => page.locator('nav[aria-label="Main"] [aria-current="page"]').innerText();
const title = (page: Page) => page.locator('h1').innerText();
const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');

describe('window frame', () => {
  let harness: Harness;
  let page: Page;

  before(async () => {
    if (skip) return;
    harness = await startHarness();
    page = harness.page;
  });

  after(async () => {
    await harness?.close();
  });

  test('opens on Codes inside a labelled main navigation with all four screens', { skip }, async () => {
    const nav = page.getByRole('navigation', { name: 'Main' });
    const items = nav.getByRole('button');
    assert.deepEqual(
      (await items.allInnerTexts()).map((text) => text.split('\n')[0]?.trim()),
      ['Codes', 'Approvals', 'Sessions', 'Settings'],
    );
    assert.match(await currentScreen(page), /^Codes/);
    assert.equal(await title(page), 'Codes');
    assert.equal(await page.title(), 'Codes · Authdesk');
    assert.deepEqual(await items.evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-keyshortcuts'))), [
      'Control+1',
      'Control+2',
      'Control+3',
      'Control+4',
    ]);
  });

  test('navigates with the mouse', { skip }, async () => {
    await page.getByRole('button', { name: /^Sessions/ }).click();
    assert.equal(await title(page), 'Sessions');
    assert.match(await currentScreen(page), /^Sessions/);
    await page.getByRole('button', { name: /^Codes/ }).click();
    assert.equal(await title(page), 'Codes');
  });

  test('navigates with the keyboard: Tab, arrow keys, Enter, and Ctrl+1..4', { skip }, async () => {
    await page.reload();
    await page.locator('h1').waitFor();
    await page.keyboard.press('Tab');
    assert.equal(await focusedText(page), 'Skip to content');
    await page.keyboard.press('Tab');
    assert.match(await focusedText(page), /^Codes/);
    const ring = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
    assert.equal(ring, 'solid', 'a keyboard-focused nav item shows a focus ring');

    await page.keyboard.press('ArrowDown');
    assert.match(await focusedText(page), /^Approvals/);
    await page.keyboard.press('Enter');
    assert.equal(await title(page), 'Approvals');
    await page.keyboard.press('End');
    assert.match(await focusedText(page), /^Settings/);
    await page.keyboard.press('ArrowDown');
    assert.match(await focusedText(page), /^Codes/, 'arrows wrap around');

    await page.keyboard.press('Control+3');
    assert.equal(await title(page), 'Sessions');
    assert.equal(await focusedText(page), 'Sessions', 'a shortcut moves focus to the new screen’s title');
    await page.keyboard.press('Control+4');
    assert.equal(await title(page), 'Settings');
    await page.keyboard.press('Control+1');
    assert.equal(await title(page), 'Codes');

    // The nav is one tab stop: from the current screen's item, Tab and Shift+Tab leave it.
    await page.keyboard.press('Control+4');
    await page.getByRole('button', { name: /^Settings/ }).focus();
    await page.keyboard.press('Shift+Tab');
    assert.equal(await focusedText(page), 'Skip to content');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => (document.activeElement as HTMLInputElement).labels?.[0]?.textContent), 'Lock after', 'next stop: the first setting');
  });

  test('shows the real vault status: none for an empty folder, locked once a vault exists', { skip }, async () => {
    await page.keyboard.press('Control+1');
    const panel = page.getByTestId('vault-panel');
    assert.match(await panel.getByRole('heading').innerText(), /Create your vault/);
    assert.match(await panel.innerText(), new RegExp(harness.vaultPath.replaceAll('.', '\\.')));
    assert.equal(await panel.getByRole('button', { name: 'Create vault' }).isEnabled(), true);
    assert.equal(await page.getByTestId('vault-badge').innerText(), 'No vault yet');

    // Created and locked by main's side; its status events reach the page as main's would.
    await harness.core.vault.create(PASSWORD);
    harness.core.vault.lock();
    await page.getByRole('heading', { name: 'Your vault is locked' }).waitFor();
    assert.equal(await page.getByTestId('vault-badge').innerText(), 'Vault locked');

    await page.reload();
    await page.getByRole('heading', { name: 'Your vault is locked' }).waitFor();
    await page.keyboard.press('Control+2');
    assert.match(await page.getByTestId('vault-panel').innerText(), /sign-in requests/);
  });

  test('an unlocked vault shows each screen’s empty state, and "/" jumps to the search on Codes', { skip }, async () => {
    await page.getByRole('form', { name: 'Unlock your vault' }).getByLabel('Vault password').fill(PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'No requests waiting' }).waitFor();
    assert.equal(await page.getByTestId('vault-badge').innerText(), 'Vault unlocked');
    await page.keyboard.press('Control+1');
    await page.getByRole('heading', { name: 'No accounts yet' }).waitFor();
    await page.keyboard.press('Control+2');
    await page.getByRole('heading', { name: 'No requests waiting' }).waitFor();
    await page.keyboard.press('Control+3');
    await page.getByRole('heading', { name: 'No sign-in profiles yet' }).waitFor();

    await page.keyboard.press('Control+1');
    await page.keyboard.press('/');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'codes-search');
    await page.keyboard.type('git/');
    assert.equal(await page.locator('#codes-search').inputValue(), 'git/', 'inside the field "/" is just a character');
    await page.getByRole('heading', { name: 'No accounts match your search' }).waitFor();
    await page.locator('#codes-search').fill('');
  });

  test('Settings shows the app’s version, platform and an honest keychain verdict', { skip }, async () => {
    await page.keyboard.press('Control+4');
    const about = page.getByTestId('about');
    await about.locator('dl').waitFor();
    const text = await about.innerText();
    assert.match(text, new RegExp(`Authdesk ${packageJson.version.replaceAll('.', '\\.')}`));
    assert.match(text, /Platform\s+Linux/);
    assert.match(text, /OS keychain\s+None\s+Unavailable/);
    assert.match(await page.getByTestId('keychain-verdict').innerText(), /protected by its password alone/);
  });

  test('the theme follows the OS, and Settings can pin light or dark', { skip }, async () => {
    await page.keyboard.press('Control+4');
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.emulateMedia({ colorScheme: 'light' });
    const light = await background();
    await page.emulateMedia({ colorScheme: 'dark' });
    const dark = await background();
    assert.notEqual(light, dark, 'System follows the OS');

    await page.getByRole('radio', { name: 'Light' }).check();
    assert.equal(await background(), light, 'Light wins over a dark OS');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.getByRole('radio', { name: 'Dark' }).check();
    assert.equal(await background(), dark, 'Dark wins over a light OS');
    assert.equal(harness.core.settings.get().theme, 'dark', 'the choice is stored in main');
    await page.reload();
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    await page.keyboard.press('Control+4');
    await page.getByRole('radio', { name: 'Dark', checked: true }).waitFor();
    assert.equal(await background(), dark, 'a new start opens in the stored theme');
    await page.getByRole('radio', { name: 'System' }).check();
    assert.equal(await background(), light);
  });
});

// What Electron's safeStorage reports on a Linux desktop without a keyring: it "works", but
// keeps keys in plain text. Only info() matters to the screen under test.
const basicTextKeychain: KeyProtector = {
  info: async () => ({ available: true, backend: 'basic_text', secure: false }),
  encrypt: () => Promise.reject(new AuthdeskError('KEYCHAIN_INSECURE', 'The OS keychain protects nothing here.')),
  decrypt: () => Promise.reject(new AuthdeskError('KEYCHAIN_INSECURE', 'The OS keychain protects nothing here.')),
};

describe('a keychain that protects nothing', () => {
  let harness: Harness;

  before(async () => {
    if (skip) return;
    harness = await startHarness({ keyProtector: basicTextKeychain });
    await mkdir(join(import.meta.dirname, 'artifacts'), { recursive: true });
  });

  after(async () => {
    await harness?.close();
  });

  test('Settings says plainly that the basic_text keychain protects nothing', { skip }, async () => {
    const { page } = harness;
    await page.keyboard.press('Control+4');
    await page.getByTestId('about').locator('dl').waitFor();
    assert.match(await page.getByTestId('about').innerText(), /OS keychain\s+basic_text\s+Not secure/);
    assert.match(await page.getByTestId('keychain-verdict').innerText(), /The OS keychain protects nothing here/);
    await page.screenshot({ path: join(import.meta.dirname, 'artifacts', 'settings-basic-text-light.png') });
  });
});
