// Runs in: tests (Node, driving Chromium). What the add and import tests share: a window with
// an open, empty vault, the preview's rows, and each dialog state checked by axe and saved as
// a screenshot in both themes (test/e2e/artifacts/<name>-<theme>.png).
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { assertNoAxeViolations } from './axe.ts';
import { startHarness, type Harness } from './harness.ts';

const ARTIFACTS = join(import.meta.dirname, '..', 'artifacts');
const SCHEMES = ['light', 'dark'] as const;

// A setup that fails closes its browser: a Chromium left open keeps the test file, and so the
// whole run, from ever ending.
export async function startWithOpenVault(): Promise<Harness> {
  const harness = await startHarness();
  try {
    await mkdir(ARTIFACTS, { recursive: true });
    await harness.core.vault.create('plum orbit lantern 42');
    await harness.page.reload();
    await harness.page.getByRole('button', { name: 'Add account' }).first().waitFor();
    return harness;
  } catch (error) {
    await harness.close();
    throw error;
  }
}

/** The accounts a preview lists. */
export const previewRows = (within: Locator): Locator => within.getByRole('list', { name: 'Accounts found' }).getByRole('listitem');

export async function lookAt(page: Page, name: string): Promise<void> {
  for (const scheme of SCHEMES) {
    await page.emulateMedia({ colorScheme: scheme });
    await assertNoAxeViolations(page, `${name} (${scheme})`);
    await page.screenshot({ path: join(ARTIFACTS, `${name}-${scheme}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}
