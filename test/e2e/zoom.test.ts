// Runs in: tests (Node, driving Chromium). Every screen's header at 800×600 and at 200% zoom of
// the default window (a 560×360 layout): each control in it is inside the window and not cut
// off by its own header, so the title, the search and "Add account" stay reachable and visible.
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { chromiumSkipReason } from './support/chromium.ts';
import { seedVault, totp } from './support/codes-seed.ts';
import { harnessPerSuite, type Harness } from './support/harness.ts';

const skip = chromiumSkipReason();
const ARTIFACTS = join(import.meta.dirname, 'artifacts');
const SIZES = [
  { width: 800, height: 600 },
  { width: 560, height: 360 },
] as const;

/** The header's title and controls whose box leaves the window or the header. */
const cutOff = (page: Page) =>
  page.evaluate(() => {
    const header = document.querySelector('.screen-header');
    if (!header) return ['no header'];
    const frame = header.getBoundingClientRect();
    return [...header.querySelectorAll('h1, button, input, kbd')].flatMap((el) => {
      const box = el.getBoundingClientRect();
      const inside = box.left >= Math.max(0, frame.left) - 1 && box.right <= Math.min(window.innerWidth, frame.right) + 1 && box.top >= frame.top - 1 && box.bottom <= frame.bottom + 1;
      return inside ? [] : [`${el.textContent?.trim() || el.getAttribute('aria-label') || el.tagName} at ${Math.round(box.left)}–${Math.round(box.right)} of ${Math.round(frame.left)}–${Math.round(Math.min(window.innerWidth, frame.right))}`];
    });
  });

describe('screen headers in a small window and at 200% zoom', () => {
  let harness: Harness;
  let page: Page;

  harnessPerSuite(async (started) => {
    harness = started;
    page = harness.page;
    await seedVault(harness.core, 'plum orbit lantern 42', [totp('GitHub', 'alice@example.com')], 3);
    await page.reload();
    await page.getByRole('button', { name: 'Add account' }).waitFor();
    await mkdir(ARTIFACTS, { recursive: true });
  });

  test('every header control is whole and inside the window on Codes, Approvals, Sessions and Settings', { skip }, async () => {
    for (const size of SIZES) {
      await page.setViewportSize(size);
      for (const [key, screen] of [['Control+1', 'Codes'], ['Control+2', 'Approvals'], ['Control+3', 'Sessions'], ['Control+4', 'Settings']] as const) {
        await page.keyboard.press(key);
        await page.locator('h1').filter({ hasText: screen }).waitFor();
        assert.deepEqual(await cutOff(page), [], `${screen} at ${size.width}×${size.height}`);
      }
    }
  });

  test('the Codes header at 200% zoom, in both themes', { skip }, async () => {
    await page.setViewportSize({ width: 560, height: 360 });
    await page.keyboard.press('Control+1');
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.getByRole('button', { name: 'Add account' }).focus();
      await page.screenshot({ path: join(ARTIFACTS, `codes-header-zoom200-${scheme}.png`) });
      assert.deepEqual(await cutOff(page), []);
    }
    await page.emulateMedia({ colorScheme: 'light' });
  });
});
