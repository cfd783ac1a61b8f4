// Runs in: tests (Node, driving Chromium). Keychain unlock from the locked screen happens
// only after the person clicks "Use system keychain" (or presses a key on it): loading the
// window, or a script in it, cannot unlock the vault through the keychain.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Result } from '../../electron/core/api/spec.ts';
import { FakeKeyProtector } from '../support/vault.ts';
import { chromiumSkipReason } from './support/chromium.ts';
import { harnessPerSuite, type Harness } from './support/harness.ts';

const skip = chromiumSkipReason();
const PASSWORD = 'plum orbit lantern 42';

describe('keychain unlock needs the person', () => {
  let harness: Harness;

  harnessPerSuite(async (started) => {
    harness = started;
    await harness.core.vault.create(PASSWORD);
    await harness.core.vault.enableKeychain(PASSWORD);
    harness.core.vault.lock();
  }, { keyProtector: new FakeKeyProtector() });

  test('opening the window leaves the vault locked, with the keychain offered as a button', { skip }, async () => {
    const { page } = harness;
    await page.reload();
    await page.getByRole('button', { name: 'Use system keychain' }).waitFor();
    await sleep(500);
    assert.equal((await harness.core.vault.status()).state, 'locked');
  });

  test('a script in the page, or a click it makes up, is refused and unlocks nothing', { skip }, async () => {
    const { page } = harness;
    const result = await page.evaluate(() => (window as unknown as { authdesk: { vault: { unlockWithKeychain(): Promise<Result<unknown>> } } }).authdesk.vault.unlockWithKeychain());
    assert.equal(!result.ok && result.error.code, 'USER_ACTION_REQUIRED');

    await page.getByRole('button', { name: 'Use system keychain' }).dispatchEvent('click');
    const alert = page.getByRole('form', { name: 'Unlock your vault' }).getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.innerText(), /only right after a click or a key press in the Authdesk window/);
    assert.match(await alert.innerText(), /USER_ACTION_REQUIRED/);
    assert.equal((await harness.core.vault.status()).state, 'locked');
  });

  test('the person’s click on "Use system keychain" unlocks the vault', { skip }, async () => {
    const { page } = harness;
    await page.getByRole('button', { name: 'Use system keychain' }).click();
    await page.getByRole('heading', { name: 'No accounts yet' }).waitFor();
    assert.equal((await harness.core.vault.status()).state, 'unlocked');
  });
});
