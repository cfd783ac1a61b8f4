// Runs in: tests (Node, driving Chromium).
//
// Waits for a change the page causes on the Node side (the core's settings, calls main would
// get), which no Playwright wait can see: polls every 20 ms for up to 2 s, then asserts.
import assert from 'node:assert/strict';

export async function until(done: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 100 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 20));
  assert.ok(done(), what);
}
