// Runs in: tests (Node, driving Chromium). Every screen in both themes, saved for people to
// look at (test/e2e/artifacts/), and checked for readable text contrast.
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { channelName } from '../../electron/core/api/spec.ts';
import type { VaultStatus } from '../../electron/core/api/types.ts';
import { chromiumSkipReason } from './support/chromium.ts';
import { startHarness, type Harness } from './support/harness.ts';

const skip = chromiumSkipReason();
const ARTIFACTS = join(import.meta.dirname, 'artifacts');
const SCREENS = ['Codes', 'Approvals', 'Sessions', 'Settings'] as const;
const SCHEMES = ['light', 'dark'] as const;

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

describe('screens in light and dark', () => {
  let harness: Harness;

  before(async () => {
    if (skip) return;
    harness = await startHarness();
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

  test('the locked vault in both themes', { skip }, async () => {
    const { page, services } = harness;
    await writeFile(services.vaultPath, 'placeholder: only its existence is checked here');
    await harness.emit(channelName('vault', 'onStatus'), await services.vault.status());
    await page.getByRole('button', { name: /^Codes/ }).click();
    await page.getByRole('heading', { name: 'Your vault is locked' }).waitFor();
    for (const scheme of SCHEMES) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: join(ARTIFACTS, `codes-locked-${scheme}.png`) });
    }
  });

  test('the empty states of an unlocked vault, in both themes, with readable text', { skip }, async () => {
    const { page, services } = harness;
    // Main's unlock event, contract-shaped: nothing in the core unlocks a vault yet.
    const unlocked: VaultStatus = { state: 'unlocked', path: services.vaultPath };
    await harness.emit(channelName('vault', 'onStatus'), unlocked);
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
