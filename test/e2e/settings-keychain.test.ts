// Runs in: tests (Node, driving Chromium). Keychain unlock where the OS keychain protects
// nothing (Linux basic_text): Settings says so plainly and offers no way to turn it on.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { FakeKeyProtector } from '../support/vault.ts';
import { assertNoAxeViolations } from './support/axe.ts';
import { chromiumSkipReason } from './support/chromium.ts';
import { startHarness, type Harness } from './support/harness.ts';

const skip = chromiumSkipReason();

describe('keychain unlock on an insecure keychain backend', () => {
  let harness: Harness;

  before(async () => {
    if (skip) return;
    harness = await startHarness({ keyProtector: new FakeKeyProtector({ available: true, backend: 'basic_text', secure: false }) });
    await harness.core.vault.create('plum orbit lantern 42');
  });

  after(async () => {
    await harness?.close();
  });

  test('Settings says the keychain protects nothing and offers no switch; the vault keeps its password only', { skip }, async () => {
    const { page } = harness;
    await page.getByRole('button', { name: /^Settings/ }).click();
    const row = page.getByTestId('keychain-setting');
    await row.getByText(/protects nothing/).waitFor();
    assert.match(await row.innerText(), /The system keychain here protects nothing: its backend \(basic_text\) keeps keys in plain text\. Keychain unlock stays off/);
    assert.equal(await row.getByRole('button').count(), 0, 'nothing to turn on');
    assert.equal(harness.core.vault.keychainEnabled(), false);
    await assertNoAxeViolations(page, 'Settings with an insecure keychain');
  });
});
