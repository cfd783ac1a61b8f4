// Runs in: tests (Node, driving Chromium). The quick search shortcut on the Settings screen,
// through the real core: "Change…" records the next key press and saves it, Esc cancels,
// Backspace turns it off, a key that would type is refused with a reason, "Default" puts it
// back, and a shortcut main reports as taken by another app is said plainly. Screenshots of
// the field in both themes, checked with axe.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { assertNoAxeViolations } from './support/axe.ts';
import { chromiumSkipReason } from './support/chromium.ts';
import { startHarness, type Harness } from './support/harness.ts';
import { until } from './support/until.ts';

const skip = chromiumSkipReason();
const ARTIFACTS = join(import.meta.dirname, 'artifacts');
const DEFAULT = 'CommandOrControl+Shift+Space';

describe('the quick search shortcut in Settings', () => {
  let harness: Harness;
  let page: Page;

  const section = () => page.getByRole('region', { name: 'Quick search' });
  const change = () => section().getByRole('button', { name: 'Change the quick search shortcut' });
  const recorder = () => section().getByRole('button', { name: 'Press the new shortcut' });
  const setting = () => harness.core.settings.get().paletteShortcut;

  before(async () => {
    if (skip) return;
    harness = await startHarness();
    page = harness.page;
    await harness.core.vault.create('plum orbit lantern 42');
    await page.getByRole('button', { name: /^Settings/ }).click();
    await change().waitFor();
  });

  after(async () => {
    await harness?.close();
  });

  test('the default shows as the keys to press; Change… records the next shortcut and saves it', { skip }, async () => {
    assert.equal(await section().locator('kbd').innerText(), 'Ctrl+Shift+Space');
    await change().click();
    assert.equal(await recorder().evaluate((button) => button === document.activeElement), true, 'the recorder has focus');
    await page.keyboard.down('Control');
    await page.keyboard.down('Alt');
    await section().getByText('Ctrl+Alt+…').waitFor();
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await section().screenshot({ path: join(ARTIFACTS, `settings-shortcut-recording-${scheme}.png`) });
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await page.keyboard.press('KeyK');
    await page.keyboard.up('Alt');
    await page.keyboard.up('Control');
    await until(() => setting() === 'CommandOrControl+Alt+K', 'saved as an accelerator');
    assert.equal(await section().locator('kbd').innerText(), 'Ctrl+Alt+K');
    await section().getByText('Saved').waitFor();
  });

  test('a key that would type is refused with the reason, and nothing is saved; Esc cancels', { skip }, async () => {
    await change().click();
    await page.keyboard.press('Shift+KeyA');
    await section().getByText(/on its own that key would stop typing in every app/).waitFor();
    await page.keyboard.press('Escape');
    await change().waitFor();
    assert.equal(setting(), 'CommandOrControl+Alt+K');
  });

  test('by keyboard alone: Backspace while recording turns the shortcut off; Default puts it back', { skip }, async () => {
    await change().focus();
    await page.keyboard.press('Enter');
    await recorder().waitFor();
    await page.keyboard.press('Backspace');
    await until(() => setting() === '', 'turned off');
    await section().getByText('Off: no shortcut opens the quick search.').waitFor();
    await section().getByRole('button', { name: 'Default' }).click();
    await until(() => setting() === DEFAULT, 'the default again');
    assert.equal(await section().getByRole('button', { name: 'Default' }).count(), 0);
  });

  test('a shortcut another app holds is said plainly where it is chosen', { skip }, async () => {
    // What main reports when globalShortcut.register refuses (electron/main/palette/shortcut.ts).
    harness.core.palette.reportShortcut({ accelerator: DEFAULT, state: 'taken' });
    const warning = section().getByRole('status').filter({ hasText: 'Another app already uses Ctrl+Shift+Space, so it does nothing here' });
    await warning.waitFor();
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await section().screenshot({ path: join(ARTIFACTS, `settings-shortcut-taken-${scheme}.png`) });
      await assertNoAxeViolations(page, `settings, shortcut taken (${scheme})`);
    }
    await page.emulateMedia({ colorScheme: 'light' });

    // 200% zoom of a 1120×720 window: the button goes under the words, nothing scrolls sideways.
    await page.setViewportSize({ width: 560, height: 360 });
    await section().scrollIntoViewIfNeeded();
    await section().screenshot({ path: join(ARTIFACTS, 'settings-shortcut-taken-zoom200-light.png') });
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), true);
    await page.setViewportSize({ width: 1120, height: 720 });

    harness.core.palette.reportShortcut({ accelerator: DEFAULT, state: 'registered' });
    await warning.waitFor({ state: 'detached' });
  });
});
