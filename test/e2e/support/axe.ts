// Runs in: tests (Node, driving Chromium).
//
// axe-core over whatever the page shows now (a screen, or a dialog open on top of it), with
// the WCAG 2.x A and AA rules. A failure lists each violation with the elements it found, so
// the message says what to fix. Legacy mode runs axe in the page itself instead of gathering
// results in a new blank page per call, which halves each check; the window has no frames,
// which is all that mode gives up.
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

export async function assertNoAxeViolations(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).setLegacyMode().withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  const found = results.violations.map((violation) => `${violation.id} (${violation.impact ?? 'n/a'}): ${violation.help}\n    ${violation.nodes.map((node) => node.target.join(' ')).join('\n    ')}`);
  assert.deepEqual(found, [], `axe-core found violations on ${where}:\n  ${found.join('\n  ')}`);
}
