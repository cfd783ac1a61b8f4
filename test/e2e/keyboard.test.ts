// Runs in: tests (Node, driving Chromium). The window by keyboard alone: the Tab order from the
// skip link, the keyboard shortcuts dialog (?, F1, the sidebar's button, Esc, focus in and
// back), and every key the dialog lists under "Anywhere" doing what the dialog says it does.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { chromiumSkipReason } from './support/chromium.ts';
import { harnessPerSuite, type Harness } from './support/harness.ts';

const skip = chromiumSkipReason();
const PASSWORD = 'plum orbit lantern 42';

/** The focused control's accessible name, as Playwright computes it for the accessibility tree. */
const focusedName = async (page: Page) => {
  const snapshot = await page.locator(':focus').ariaSnapshot();
  return /"(.*?)"/.exec(snapshot)?.[1] ?? snapshot;
};
const title = (page: Page) => page.locator('h1').innerText();
const badge = (page: Page) => page.getByTestId('vault-badge').innerText();

/** A key as the dialog shows it ("Ctrl 1", "Shift Tab", "?") in Playwright's words. */
const toPress = (shown: string) => shown.replace(/^Ctrl /, 'Control+').replace(/^Shift /, 'Shift+');

describe('the window by keyboard', () => {
  let harness: Harness;
  let page: Page;

  harnessPerSuite((started) => {
    harness = started;
    page = harness.page;
  });

  const dialog = () => page.getByRole('dialog', { name: 'Keyboard shortcuts' });

  test('Tab starts at the skip link, then the sidebar’s current screen, the shortcuts button, then the screen', { skip }, async () => {
    await page.keyboard.press('Tab');
    assert.equal(await focusedName(page), 'Skip to content');
    const ring = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
    assert.equal(ring, 'solid', 'the skip link shows a focus ring');
    await page.keyboard.press('Tab');
    assert.equal(await focusedName(page), 'Codes');
    await page.keyboard.press('Tab');
    assert.equal(await focusedName(page), 'Keyboard shortcuts');
    await page.keyboard.press('Tab');
    assert.equal(await focusedName(page), 'Vault password', 'then the first field of the create form');

    // The skip link jumps over the sidebar: the next Tab lands in the screen.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    assert.equal(await focusedName(page), 'Skip to content');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    assert.equal(await focusedName(page), 'Vault password');
  });

  test('? and F1 open the shortcuts dialog, focus moves into it, Esc (or Close, or a click outside) closes it and focus comes back', { skip }, async () => {
    for (const key of ['?', 'F1']) {
      await page.getByRole('button', { name: /^Codes/ }).focus();
      await page.keyboard.press(key);
      await dialog().waitFor();
      assert.equal(await page.evaluate(() => document.activeElement?.closest('dialog') !== null), true, `${key}: focus is inside the dialog`);
      assert.equal(await focusedName(page), 'Close');
      await page.keyboard.press('Escape');
      await dialog().waitFor({ state: 'hidden' });
      assert.equal(await focusedName(page), 'Codes', `${key}: focus is back where it was`);
    }

    await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    await dialog().waitFor();
    await page.keyboard.press('Control+2');
    assert.equal(await title(page), 'Codes', 'the window’s keys wait while a dialog is open');
    await dialog().getByRole('button', { name: 'Close' }).click();
    await dialog().waitFor({ state: 'hidden' });
    assert.equal(await focusedName(page), 'Keyboard shortcuts', 'closing returns focus to the button that opened it');
    await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    await dialog().waitFor();
    await page.mouse.click(8, 8);
    await dialog().waitFor({ state: 'hidden' });

    const password = page.getByRole('form', { name: 'Create your vault' }).getByLabel('Vault password');
    await password.focus();
    await page.keyboard.type('why?');
    assert.equal(await dialog().isVisible(), false, 'typing "?" into a field is just a character');
    assert.equal(await password.inputValue(), 'why?');
    await password.fill('');
  });

  test('every key listed under "Anywhere" does what the dialog says', { skip }, async () => {
    // The dialog's rows are what users read; each must have a check here, so a new key
    // cannot be listed without being tried.
    await page.keyboard.press('F1');
    const rows = await dialog()
      .getByRole('region', { name: 'Anywhere' })
      .locator('.row')
      .evaluateAll((found) => found.map((row) => ({ keys: [...row.querySelectorAll('kbd')].map((kbd) => kbd.innerText), does: row.querySelector('dd')?.innerText ?? '' })));
    await page.keyboard.press('Escape');
    await harness.core.vault.create(PASSWORD);
    await page.getByRole('button', { name: /^Lock/ }).waitFor();

    const checks: { matches: RegExp; check(key: string, does: string): Promise<void> }[] = [
      {
        matches: /^Go to (\w+)$/,
        async check(key, does) {
          const screen = /^Go to (\w+)$/.exec(does)?.[1] ?? '';
          await page.keyboard.press(key === 'Ctrl 1' ? 'Control+2' : 'Control+1');
          await page.keyboard.press(toPress(key));
          assert.equal(await title(page), screen, `${key} opens ${screen}`);
          assert.equal(await page.title(), `${screen} · Authdesk`);
          assert.equal(await focusedName(page), screen, 'and the new screen’s title has focus, so it is announced');
        },
      },
      {
        matches: /^Lock the vault$/,
        async check(key) {
          assert.equal(await badge(page), 'Vault unlocked');
          await page.keyboard.press(toPress(key));
          await page.getByRole('heading', { name: 'Your vault is locked' }).waitFor();
          assert.equal(await badge(page), 'Vault locked');
          assert.equal((await harness.core.vault.status()).state, 'locked', 'locked in main, not only on screen');
          await harness.core.vault.unlockWithPassword(PASSWORD);
          await page.getByRole('button', { name: /^Lock/ }).waitFor();
        },
      },
      {
        matches: /^Show these keyboard shortcuts$/,
        async check(key) {
          await page.locator('h1').focus();
          await page.keyboard.press(toPress(key));
          await dialog().waitFor();
          await page.keyboard.press('Escape');
          await dialog().waitFor({ state: 'hidden' });
        },
      },
      {
        matches: /^Move between controls$/,
        async check(key) {
          const forward = key === 'Tab';
          await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Codes' }).focus();
          await page.keyboard.press(toPress(key));
          assert.equal(await focusedName(page), forward ? 'Keyboard shortcuts' : 'Skip to content', `${key} from Codes in the sidebar`);
        },
      },
    ];

    assert.ok(rows.length >= 7, `the dialog lists the window's keys: ${JSON.stringify(rows)}`);
    for (const row of rows) {
      const known = checks.find((candidate) => candidate.matches.test(row.does));
      assert.ok(known, `no check for "${row.does}" (${row.keys.join(', ')}): add one here`);
      assert.ok(row.keys.length > 0, `"${row.does}" shows its keys`);
      await page.keyboard.press('Control+1');
      for (const key of row.keys) await known.check(key, row.does);
    }
  });
});
