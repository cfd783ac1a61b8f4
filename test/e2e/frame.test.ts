// Runs in: tests (Node, driving Chromium). The window frame: navigation, vault status, settings.
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { AuthdeskError } from '../../electron/core/errors.ts';
import type { KeyProtector } from '../../electron/core/platform/ports.ts';
import packageJson from '../../package.json' with { type: 'json' };
import { chromiumSkipReason } from './support/chromium.ts';
import { harnessPerSuite, type Harness } from './support/harness.ts';

const skip = chromiumSkipReason();
const PASSWORD = 'plum orbit lantern 42';
const ARTIFACTS = join(import.meta.dirname, 'artifacts');

const currentScreen = (page: Page) => page.locator('nav[aria-label="Main"] [aria-current="page"]').innerText();
const title = (page: Page) => page.locator('h1').innerText();
const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');

describe('window frame', () => {
  let harness: Harness;
  let page: Page;

  harnessPerSuite((started) => {
    harness = started;
    page = harness.page;
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
    assert.equal(await focusedText(page), 'Keyboard shortcuts ?', 'next stop: the shortcuts button');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => (document.activeElement as HTMLInputElement).labels?.[0]?.textContent), 'Lock after', 'then the screen: the first setting');
  });

  test('in a zoomed window the sidebar shrinks to named icons whose labels show on focus', { skip }, async () => {
    await page.keyboard.press('Control+1');
    const nav = page.getByRole('navigation', { name: 'Main' });
    const labelWidth = () => nav.getByText('Approvals').evaluate((label) => label.getBoundingClientRect().width);
    await page.setViewportSize({ width: 800, height: 600 });
    assert.ok((await labelWidth()) > 40, 'at 800×600 the labels show');

    // Note (200% zoom) in screenshots.test.ts: Chromium's zoom is a smaller CSS viewport at twice the pixel ratio.
    const cdp = await harness.context.newCDPSession(page);
    await cdp.send('Emulation.setDeviceMetricsOverride', { width: 560, height: 360, deviceScaleFactor: 2, mobile: false });
    try {
      const sidebar = await page.locator('.sidebar').evaluate((element) => element.getBoundingClientRect().width);
      assert.ok(sidebar <= 64, `the sidebar is icons only (${sidebar}px)`);
      assert.ok((await labelWidth()) <= 1, 'the labels are hidden from sight');
      for (const screen of ['Codes', 'Approvals', 'Sessions', 'Settings']) {
        assert.equal(await nav.getByRole('button', { name: screen, exact: true }).isVisible(), true, `${screen} is still a named button`);
      }

      await nav.getByRole('button', { name: 'Codes' }).focus();
      await page.keyboard.press('ArrowDown');
      const tip = await nav.getByText('Approvals').evaluate((label) => {
        const box = label.getBoundingClientRect();
        const ring = getComputedStyle(document.activeElement as Element);
        return { width: box.width, right: box.right, ring: ring.outlineStyle, ringWidth: ring.outlineWidth };
      });
      assert.ok(tip.width > 40 && tip.right <= 560, `keyboard focus shows the label as a tooltip inside the window: ${JSON.stringify(tip)}`);
      assert.deepEqual([tip.ring, tip.ringWidth], ['solid', '2px'], 'and the focus ring');
      const { data } = await cdp.send('Page.captureScreenshot', { format: 'png' });
      await mkdir(ARTIFACTS, { recursive: true });
      await writeFile(join(ARTIFACTS, 'sidebar-tooltip-zoom200-light.png'), Buffer.from(data, 'base64'));
    } finally {
      await cdp.send('Emulation.clearDeviceMetricsOverride');
      await page.setViewportSize({ width: 1120, height: 720 });
    }
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

  harnessPerSuite(async (started) => {
    harness = started;
    await mkdir(ARTIFACTS, { recursive: true });
  }, { keyProtector: basicTextKeychain });

  test('Settings says plainly that the basic_text keychain protects nothing', { skip }, async () => {
    const { page } = harness;
    await page.keyboard.press('Control+4');
    await page.getByTestId('about').locator('dl').waitFor();
    assert.match(await page.getByTestId('about').innerText(), /OS keychain\s+basic_text\s+Not secure/);
    assert.match(await page.getByTestId('keychain-verdict').innerText(), /The OS keychain protects nothing here/);
    await page.screenshot({ path: join(ARTIFACTS, 'settings-basic-text-light.png') });
  });
});
