// Runs in: tests (Node, driving Chromium). Every screen in both themes, saved for people to
// look at (test/e2e/artifacts/), and checked for readable text contrast.
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { chromiumSkipReason } from './support/chromium.ts';
import { startHarness, type Harness } from './support/harness.ts';

const skip = chromiumSkipReason();
const ARTIFACTS = join(import.meta.dirname, 'artifacts');
const SCREENS = ['Codes', 'Approvals', 'Sessions', 'Settings'] as const;
const SCHEMES = ['light', 'dark'] as const;
const PASSWORD = 'plum orbit lantern 42';

/** WCAG 2 contrast of every visible text element against the background it sits on. */
function lowestContrasts(): { text: string; ratio: number }[] {
  const parse = (color: string): number[] => (color.match(/[\d.]+/g) ?? []).map(Number);
  const luminance = ([r = 0, g = 0, b = 0]: number[]): number => {
    const [lr = 0, lg = 0, lb = 0] = [r, g, b].map((c) => {
      const s = c / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * lr + 0.7152 * lg + 0.0722 * lb;
  };
  const backgroundOf = (element: Element | null): number[] => {
    for (let at = element; at; at = at.parentElement) {
      const rgba = parse(getComputedStyle(at).backgroundColor);
      if (rgba.length === 3 || (rgba[3] ?? 0) >= 1) return rgba;
    }
    return [255, 255, 255];
  };
  const results: { text: string; ratio: number }[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement;
    const text = node.textContent?.trim() ?? '';
    if (!element || !text || element.closest('[aria-hidden="true"], .sr-only, .skip, :disabled')) continue;
    const foreground = luminance(parse(getComputedStyle(element).color));
    const background = luminance(backgroundOf(element));
    const ratio = (Math.max(foreground, background) + 0.05) / (Math.min(foreground, background) + 0.05);
    results.push({ text: text.slice(0, 40), ratio: Math.round(ratio * 100) / 100 });
  }
  return results.sort((a, b) => a.ratio - b.ratio).slice(0, 3);
}

// The vault forms are taller than the window; their screenshots show the whole form.
const tallWindow = (page: Page) => page.setViewportSize({ width: page.viewportSize()?.width ?? 1120, height: 940 });

describe('screens in light and dark', () => {
  let harness: Harness;
  let normalSize: { width: number; height: number } | null = null;

  before(async () => {
    if (skip) return;
    harness = await startHarness();
    normalSize = harness.page.viewportSize();
    await mkdir(ARTIFACTS, { recursive: true });
  });

  after(async () => {
    await harness?.close();
  });

  for (const scheme of SCHEMES) {
    test(`every screen in ${scheme} has text contrast of at least 4.5:1, and is saved as a screenshot`, { skip }, async () => {
      const { page } = harness;
      await page.emulateMedia({ colorScheme: scheme });
      for (const screen of SCREENS) {
        await page.getByRole('button', { name: new RegExp(`^${screen}`) }).click();
        await page.locator('h1', { hasText: screen }).waitFor();
        if (screen === 'Settings') await page.getByTestId('about').locator('dl').waitFor();
        await page.mouse.move(900, 700);
        await page.screenshot({ path: join(ARTIFACTS, `${screen.toLowerCase()}-${scheme}.png`) });
        const [worst] = await page.evaluate(lowestContrasts);
        assert.ok(worst && worst.ratio >= 4.5, `${screen} (${scheme}): "${worst?.text}" has contrast ${worst?.ratio}:1`);
      }
    });
  }

  test('the create form, filled in, in both themes, with readable text', { skip }, async () => {
    const { page } = harness;
    await page.getByRole('button', { name: /^Codes/ }).click();
    const form = page.getByRole('form', { name: 'Create your vault' });
    await form.getByLabel('Vault password').fill(PASSWORD);
    await form.getByLabel('Repeat the password').fill(PASSWORD);
    await form.getByText('Passwords match.').waitFor();
    await tallWindow(page);
    for (const scheme of SCHEMES) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.mouse.move(900, 700);
      await page.screenshot({ path: join(ARTIFACTS, `vault-create-${scheme}.png`) });
      const [worst] = await page.evaluate(lowestContrasts);
      assert.ok(worst && worst.ratio >= 4.5, `create form (${scheme}): "${worst?.text}" has contrast ${worst?.ratio}:1`);
    }
  });

  test('the unlock form after a wrong password, in both themes, with readable text', { skip }, async () => {
    const { page, core } = harness;
    // Created and locked by main's side; its status events reach the page as main's would.
    await core.vault.create(PASSWORD);
    core.vault.lock();
    const form = page.getByRole('form', { name: 'Unlock your vault' });
    await form.getByLabel('Vault password').fill('not the password');
    await page.keyboard.press('Enter');
    await form.getByRole('alert').waitFor();
    await tallWindow(page);
    for (const scheme of SCHEMES) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.mouse.move(900, 700);
      await page.screenshot({ path: join(ARTIFACTS, `vault-unlock-wrong-password-${scheme}.png`) });
      const [worst] = await page.evaluate(lowestContrasts);
      assert.ok(worst && worst.ratio >= 4.5, `unlock form (${scheme}): "${worst?.text}" has contrast ${worst?.ratio}:1`);
    }
  });

  test('the empty states of an unlocked vault, in both themes, with readable text', { skip }, async () => {
    const { page } = harness;
    if (normalSize) await page.setViewportSize(normalSize);
    await page.getByRole('form', { name: 'Unlock your vault' }).getByLabel('Vault password').fill(PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: /^Lock/ }).waitFor();
    for (const scheme of SCHEMES) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const screen of SCREENS.slice(0, 3)) {
        await page.getByRole('button', { name: new RegExp(`^${screen}`) }).click();
        await page.getByRole('heading', { level: 2 }).waitFor();
        await page.mouse.move(900, 700);
        await page.screenshot({ path: join(ARTIFACTS, `${screen.toLowerCase()}-unlocked-${scheme}.png`) });
        const [worst] = await page.evaluate(lowestContrasts);
        assert.ok(worst && worst.ratio >= 4.5, `${screen} (${scheme}): "${worst?.text}" has contrast ${worst?.ratio}:1`);
      }
    }
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
