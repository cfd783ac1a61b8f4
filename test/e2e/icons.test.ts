// Runs in: tests (Node, driving Chromium). The icon picker in the edit dialog, against the real
// core: a brand found by its name, the letter only, the picture an Aegis export carried kept,
// and automatic following the issuer when it is renamed; each shown on the account's row and
// stored by the core. axe on the dialog with the picker's results open, screenshots in both themes.
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, beforeEach, describe, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { drawPng } from '../support/png.ts';
import { assertNoAxeViolations } from './support/axe.ts';
import { chromiumSkipReason } from './support/chromium.ts';
import { seedVault, totp } from './support/codes-seed.ts';
import { startHarness, type Harness } from './support/harness.ts';

const skip = chromiumSkipReason();
const ARTIFACTS = join(import.meta.dirname, 'artifacts');
const PASSWORD = 'plum orbit lantern 42';
// What an Aegis export's icon becomes on import (test/e2e/import.test.ts imports one for real).
const PICTURE = `data:image/png;base64,${drawPng(16, 16, (x, y) => (x + y) % 2 === 0).toString('base64')}`;
// Note (letter icon): the stored value for "letter only", LETTER_ICON in electron/core/icons/brands.ts.
const LETTER = 'authdesk.letter';

describe('the icon picker in the edit dialog', () => {
  let harness: Harness;
  let page: Page;

  const row = (text: string): Locator => page.locator('li[data-row]').filter({ hasText: text });
  const dialog = (): Locator => page.getByRole('dialog');
  const picker = (): Locator => dialog().getByRole('group', { name: 'Icon' });
  const iconOf = (issuer: string) => harness.core.accounts.list().find((a) => a.issuer === issuer)?.icon;

  async function edit(issuer: string): Promise<void> {
    await row(issuer).locator('button[data-row-main]').focus();
    await page.keyboard.press('e');
    await dialog().waitFor();
  }

  async function save(): Promise<void> {
    await dialog().getByRole('button', { name: 'Save' }).click();
    await dialog().waitFor({ state: 'detached' });
  }

  before(async () => {
    if (skip) return;
    harness = await startHarness();
    page = harness.page;
    page.setDefaultTimeout(10_000);
    await seedVault(harness.core, PASSWORD, [totp('Acme Mail', 'me'), totp('Corner Shop', 'till', { icon: PICTURE }), totp('Old Name', 'renamed')], 3);
    await page.reload();
    await row('Acme Mail').waitFor({ timeout: 30_000 });
    await mkdir(ARTIFACTS, { recursive: true });
  });

  after(async () => {
    await harness?.close();
  });

  beforeEach(async () => {
    if (skip) return;
    if (await dialog().count()) await dialog().getByRole('button', { name: 'Close' }).click();
  });

  test('a brand chosen by searching its name is saved and the row shows its mark', { skip }, async () => {
    assert.equal(await row('Acme Mail').locator('.letter').innerText(), 'A', 'no brand is called Acme Mail: a letter');
    await edit('Acme Mail');
    await picker().getByLabel('Search brands').fill('dropbox');
    const choice = picker().getByRole('list', { name: 'Brands' }).getByRole('button', { name: 'Dropbox', exact: true });
    await choice.click();
    assert.equal(await choice.getAttribute('aria-pressed'), 'true');
    assert.equal(await picker().getByRole('radio', { name: 'A brand' }).isChecked(), true);
    await picker().locator('.current [data-brand="dropbox"]').waitFor();
    await save();
    await row('Acme Mail').locator('[data-brand="dropbox"] path').waitFor();
    assert.equal(iconOf('Acme Mail'), 'dropbox');
  });

  test('"Letter only" is saved and the row shows the issuer’s letter', { skip }, async () => {
    await edit('Acme Mail');
    await picker().getByRole('radio', { name: 'Letter only' }).check();
    await save();
    await row('Acme Mail').locator('.letter').waitFor();
    assert.equal(await row('Acme Mail').locator('.letter').innerText(), 'A');
    assert.equal(await row('Acme Mail').locator('[data-brand]').count(), 0);
    assert.equal(iconOf('Acme Mail'), LETTER);
  });

  test('the picture an Aegis export carried is shown, stays offered after trying another choice, and is kept', { skip }, async () => {
    assert.equal(await row('Corner Shop').locator('img').getAttribute('src'), PICTURE);
    await edit('Corner Shop');
    const kept = picker().getByRole('radio', { name: 'The imported picture' });
    assert.equal(await kept.isChecked(), true);
    await picker().getByRole('radio', { name: 'Letter only' }).check();
    await picker().locator('.current .letter').waitFor();
    await kept.check();
    assert.equal(await picker().locator('.current img').getAttribute('src'), PICTURE);
    await save();
    assert.equal(await row('Corner Shop').locator('img').getAttribute('src'), PICTURE);
    assert.equal(iconOf('Corner Shop'), PICTURE);
  });

  test('automatic follows the issuer: renamed to a brand it shows the mark, renamed again a letter', { skip }, async () => {
    assert.equal(await row('Old Name').locator('.letter').innerText(), 'O');
    await edit('Old Name');
    assert.equal(await picker().getByRole('radio', { name: 'Automatic (by issuer)' }).isChecked(), true);
    await dialog().getByRole('textbox', { name: 'Issuer' }).fill('GitHub');
    await picker().locator('.current [data-brand="github"]').waitFor();
    await save();
    await row('GitHub').locator('[data-brand="github"] path').waitFor();
    assert.equal(iconOf('GitHub'), null, 'automatic stores no icon: the issuer decides');

    await edit('GitHub');
    await dialog().getByRole('textbox', { name: 'Issuer' }).fill('Quietly Unbranded');
    await save();
    await row('Quietly Unbranded').locator('.letter').waitFor();
    assert.equal(await row('Quietly Unbranded').locator('.letter').innerText(), 'Q');
  });

  test('axe finds nothing on the edit dialog with the brand results open, in both themes', { skip }, async () => {
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await edit('Acme Mail');
      await picker().getByLabel('Search brands').fill('proton');
      await picker().getByRole('list', { name: 'Brands' }).getByRole('button').first().waitFor();
      await picker().scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(ARTIFACTS, `icon-picker-${scheme}.png`) });
      await assertNoAxeViolations(page, `the edit dialog with the icon picker open (${scheme})`);
      // Esc in the search field clears it first (the browser's own search box), so Close.
      await dialog().getByRole('button', { name: 'Close' }).click();
      await dialog().waitFor({ state: 'detached' });
    }
    await page.emulateMedia({ colorScheme: 'light' });
  });
});
