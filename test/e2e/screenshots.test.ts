// Runs in: tests (Node, driving Chromium). The frame's screens (the vault forms, the Codes
// gate, Approvals, Sessions, the shortcuts dialog) in both themes, at the default size, at
// 800×600 and at 200% zoom: axe-core finds nothing (its color-contrast rule covers readable
// text), nothing needs horizontal scrolling, the sidebar fits, and each view is saved for people
// to look at in test/e2e/artifacts/<screen>[-small|-zoom200]-<theme>.png.
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { chromiumSkipReason } from './support/chromium.ts';
import { harnessPerSuite, type Harness } from './support/harness.ts';
import { ARTIFACTS, createSweep, type Sweep } from './support/sweep.ts';

const skip = chromiumSkipReason();
const PASSWORD = 'plum orbit lantern 42';

describe('the frame’s screens in both themes, at 1120×720, 800×600 and 200% zoom', () => {
  let harness: Harness;
  let page: Page;
  let sweep: Sweep;

  harnessPerSuite(async (started) => {
    harness = started;
    page = harness.page;
    sweep = await createSweep(page);
  });

  test('the create-vault form, filled in', { skip }, async () => {
    const form = page.getByRole('form', { name: 'Create your vault' });
    await form.getByLabel('Vault password').fill(PASSWORD);
    await form.getByLabel('Repeat the password').fill(PASSWORD);
    await form.getByText('Passwords match.').waitFor();
    await sweep('vault-create', form.getByRole('button', { name: 'Create vault' }));
  });

  test('the Codes gate of a locked vault, and the unlock form after a wrong password', { skip }, async () => {
    // Created and locked by main's side; its status events reach the page as main's would.
    await harness.core.vault.create(PASSWORD);
    harness.core.vault.lock();
    const form = page.getByRole('form', { name: 'Unlock your vault' });
    await form.waitFor();
    await sweep('codes-locked');
    await form.getByLabel('Vault password').fill('not the password');
    await page.keyboard.press('Enter');
    await form.getByRole('alert').waitFor();
    await sweep('vault-unlock-wrong-password', form.getByRole('button', { name: 'Unlock' }));
  });

  test('Codes, Approvals and Sessions of an unlocked vault', { skip }, async () => {
    await page.getByRole('form', { name: 'Unlock your vault' }).getByLabel('Vault password').fill(PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: /^Lock/ }).waitFor();
    for (const [screen, name] of [
      ['Codes', 'codes-unlocked'],
      ['Approvals', 'approvals'],
      ['Sessions', 'sessions'],
    ] as const) {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: screen }).click();
      await page.getByRole('heading', { level: 1, name: screen }).waitFor();
      await sweep(name);
    }
  });

  test('the keyboard shortcuts dialog', { skip }, async () => {
    await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor();
    // Scrolled to its end where the window is short, so the pinned title shows too.
    await sweep('shortcuts', dialog.locator('section').last());
    await page.keyboard.press('Escape');
  });

  test('a refused request as the user sees it', { skip }, async () => {
    const foreign = await harness.context.newPage();
    try {
      await foreign.emulateMedia({ colorScheme: 'light' });
      await foreign.goto(harness.foreignUrl);
      await foreign.getByRole('alert').waitFor();
      await foreign.screenshot({ path: join(ARTIFACTS, 'codes-refused-light.png') });
    } finally {
      await foreign.close();
    }
  });
});
