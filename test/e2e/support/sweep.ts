// Runs in: tests (Node, driving Chromium).
//
// What the page shows now, in both themes, at the default size, at 800×600 and at 200% zoom:
// axe-core finds nothing (its color-contrast rule covers readable text), nothing needs
// horizontal scrolling, the sidebar fits, a dialog fits the window, and each view is saved for
// people to look at in test/e2e/artifacts/<name>[-small|-zoom200]-<theme>.png.
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CDPSession, Locator, Page } from 'playwright-core';
import { assertNoAxeViolations } from './axe.ts';

export const ARTIFACTS = join(import.meta.dirname, '..', 'artifacts');
const SCHEMES = ['light', 'dark'] as const;

// Note (200% zoom): Chromium's page zoom shrinks the CSS viewport and doubles the device pixel
// ratio; a 1120×720 window at 200% lays out as 560×360 CSS pixels. Emulating exactly that
// (Emulation.setDeviceMetricsOverride) is what the window does, unlike CSS zoom on <body>,
// which leaves media queries at the full width.
// axe runs at the two layouts (full and compact sidebar); 800×600 has the full one, so there
// it checks only what the width changes.
const SIZES = [
  { suffix: '', width: 1120, height: 720, scale: 1, axe: true },
  { suffix: '-small', width: 800, height: 600, scale: 1, axe: false },
  { suffix: '-zoom200', width: 560, height: 360, scale: 2, axe: true },
] as const;

/** What a user would notice at this size: sideways scrolling, or a sidebar cut off. */
function layoutProblems(): string[] {
  const problems: string[] = [];
  const root = document.documentElement;
  if (root.scrollWidth > root.clientWidth) problems.push(`the page scrolls sideways (${root.scrollWidth} > ${root.clientWidth})`);
  const main = document.querySelector('main');
  if (main && main.scrollWidth > main.clientWidth) problems.push(`the content scrolls sideways (${main.scrollWidth} > ${main.clientWidth})`);
  for (const control of document.querySelectorAll<HTMLElement>('.sidebar button')) {
    const box = control.getBoundingClientRect();
    if (box.bottom > innerHeight || box.right > innerWidth) problems.push(`"${control.textContent?.trim()}" in the sidebar is cut off`);
  }
  const open = document.querySelector('dialog[open]');
  if (open && open.getBoundingClientRect().right > innerWidth) problems.push('the dialog is wider than the window');
  return problems;
}

export type Sweep = (name: string, show?: Locator) => Promise<void>;

/**
 * A sweep over `page`: every theme and size of what it shows now, checked, then saved as
 * <name>…png. `show` is scrolled into view first where the window is short (a form's button, say).
 */
export async function createSweep(page: Page): Promise<Sweep> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  await mkdir(ARTIFACTS, { recursive: true });
  return async (name, show) => {
    for (const scheme of SCHEMES) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const size of SIZES) {
        await cdp.send('Emulation.setDeviceMetricsOverride', { width: size.width, height: size.height, deviceScaleFactor: size.scale, mobile: false });
        await show?.scrollIntoViewIfNeeded();
        await page.mouse.move(0, size.height - 1);
        const where = `${name} (${scheme}, ${size.width}×${size.height} at ${size.scale * 100}%)`;
        assert.deepEqual(await page.evaluate(layoutProblems), [], where);
        if (size.axe) await assertNoAxeViolations(page, where);
        // Playwright's own screenshot puts its viewport back first; CDP captures what is shown.
        const { data } = await cdp.send('Page.captureScreenshot', { format: 'png' });
        await writeFile(join(ARTIFACTS, `${name}${size.suffix}-${scheme}.png`), Buffer.from(data, 'base64'));
      }
    }
    await cdp.send('Emulation.clearDeviceMetricsOverride');
    await page.setViewportSize({ width: SIZES[0].width, height: SIZES[0].height });
    await page.emulateMedia({ colorScheme: 'light' });
  };
}
