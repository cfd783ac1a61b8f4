// Runs in: tests (Node, driving Chromium). The frame's screens (the vault forms, the Codes
// gate, Approvals, Sessions, the shortcuts dialog) in both themes, at the default size, at
// 800×600 and at 200% zoom: axe-core finds nothing (its color-contrast rule covers readable
// text), nothing needs horizontal scrolling, the sidebar fits, and each view is saved for people
// to look at in test/e2e/artifacts/<screen>[-small|-zoom200]-<theme>.png.
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { CDPSession, Locator, Page } from 'playwright-core';
import { assertNoAxeViolations } from './support/axe.ts';
import { chromiumSkipReason } from './support/chromium.ts';
import { harnessPerSuite, type Harness } from './support/harness.ts';

const skip = chromiumSkipReason();
const ARTIFACTS = join(import.meta.dirname, 'artifacts');
const SCHEMES = ['light', 'dark'] as const;
const PASSWORD = 'plum orbit lantern 42';

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
type Size = (typeof SIZES)[number];

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

describe('the frame’s screens in both themes, at 1120×720, 800×600 and 200% zoom', () => {
  let harness: Harness;
  let page: Page;
  let cdp: CDPSession;

  harnessPerSuite(async (started) => {
    harness = started;
    page = harness.page;
    cdp = await harness.context.newCDPSession(page);
    await mkdir(ARTIFACTS, { recursive: true });
  });

  async function resize(size: Size): Promise<void> {
    await cdp.send('Emulation.setDeviceMetricsOverride', { width: size.width, height: size.height, deviceScaleFactor: size.scale, mobile: false });
  }

  /**
   * Every theme and size of what the page shows now: checked, then saved as <name>…png. `show`
   * is scrolled into view first where the window is short (a form's button, say).
   */
  async function sweep(name: string, show?: Locator): Promise<void> {
    for (const scheme of SCHEMES) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const size of SIZES) {
        await resize(size);
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
  }

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
