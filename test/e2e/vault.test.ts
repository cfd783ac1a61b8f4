// Runs in: tests (Node, driving Chromium). Creating, locking and unlocking the vault from the
// window, against the real VaultService on a temporary folder.
import assert from 'node:assert/strict';
import { access, readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { AuthdeskError } from '../../electron/core/errors.ts';
import type { KeyProtector } from '../../electron/core/platform/ports.ts';
import { chromiumSkipReason } from './support/chromium.ts';
import { harnessPerSuite, type Harness } from './support/harness.ts';

const skip = chromiumSkipReason();
const PASSWORD = 'plum orbit lantern 42';

const exists = (path: string) => access(path).then(
  () => true,
  () => false,
);
const badge = (page: Page) => page.getByTestId('vault-badge').innerText();
const focused = (page: Page) => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.labels?.[0]?.textContent ?? '');
const lockedHeading = (page: Page) => page.getByRole('heading', { name: 'Your vault is locked' });
const unlockedHeading = (page: Page) => page.getByRole('heading', { name: 'No accounts yet' });

describe('the vault from the window', () => {
  let harness: Harness;
  let page: Page;

  harnessPerSuite((started) => {
    harness = started;
    page = harness.page;
  });

  test('the create form states the rule, checks the repeat live, and refuses a mismatch without a request', { skip }, async () => {
    const form = page.getByRole('form', { name: 'Create your vault' });
    assert.match(await form.innerText(), /At least 8 characters/);
    const password = form.getByLabel('Vault password');
    const repeat = form.getByLabel('Repeat the password');
    assert.equal(await password.getAttribute('type'), 'password');
    assert.equal(await password.getAttribute('autocomplete'), 'new-password');
    assert.equal(await repeat.getAttribute('autocomplete'), 'new-password');

    await password.fill(PASSWORD);
    await repeat.fill(`${PASSWORD}x`);
    assert.match(await form.innerText(), /Passwords don’t match yet/);
    await repeat.press('Enter');
    assert.match(await form.getByRole('alert').innerText(), /The two passwords are different/);
    assert.equal(await repeat.getAttribute('aria-invalid'), 'true');
    assert.equal(await focused(page), 'Repeat the password', 'focus goes to the field to fix');
    assert.equal(await exists(harness.vaultPath), false);
    assert.equal(await password.inputValue(), PASSWORD, 'nothing the user typed is thrown away');

    await repeat.fill(PASSWORD);
    assert.match(await form.innerText(), /Passwords match\./);
    assert.equal(await form.getByRole('alert').count(), 0, 'the mismatch warning goes once fixed');
  });

  test('a too-short password is refused with the vault’s own message, and the form is kept', { skip }, async () => {
    const form = page.getByRole('form', { name: 'Create your vault' });
    await form.getByLabel('Vault password').fill('short12');
    await form.getByLabel('Repeat the password').fill('short12');
    await form.getByLabel('Repeat the password').press('Enter');
    const alert = form.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.innerText(), /The vault password must be at least 8 characters long\./);
    assert.match(await alert.innerText(), /INVALID_INPUT/);
    assert.equal(await form.getByLabel('Vault password').inputValue(), 'short12');
    assert.equal(await exists(harness.vaultPath), false);
  });

  test('a good password creates the vault on disk, unlocked, with no trace of the password', { skip }, async () => {
    const form = page.getByRole('form', { name: 'Create your vault' });
    await form.getByLabel('Vault password').fill(PASSWORD);
    await form.getByLabel('Repeat the password').fill(PASSWORD);
    // Argon2id is cheap here, so the busy state is caught as it happens rather than by polling.
    await page.evaluate(() => {
      const seen: string[] = [];
      Reflect.set(window, '__busySeen', seen);
      new MutationObserver(() => {
        const button = document.querySelector<HTMLButtonElement>('form button[type="submit"]');
        const form = button?.form;
        if (button && form) seen.push(`${form.getAttribute('aria-busy')}|${button.disabled}|${button.textContent?.trim()}`);
      }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    });
    await form.getByRole('button', { name: 'Create vault' }).click();
    await unlockedHeading(page).waitFor();
    const seen = await page.evaluate(() => Reflect.get(window, '__busySeen') as string[]);
    assert.ok(seen.includes('true|true|Creating your vault…'), `busy while Argon2id runs: ${seen.join(', ')}`);
    assert.equal(await badge(page), 'Vault unlocked');
    assert.equal((await harness.core.vault.status()).state, 'unlocked');

    const file = await readFile(harness.vaultPath);
    for (const trace of [Buffer.from(PASSWORD, 'utf8'), Buffer.from(PASSWORD, 'utf16le'), Buffer.from(Buffer.from(PASSWORD).toString('base64'))]) {
      assert.equal(file.includes(trace), false, 'the file holds no form of the password');
    }
  });

  test('the Lock button locks the vault and the unlock form takes focus', { skip }, async () => {
    await page.getByRole('button', { name: /^Lock/ }).click();
    await lockedHeading(page).waitFor();
    assert.equal(await badge(page), 'Vault locked');
    assert.equal(await page.getByRole('button', { name: /^Lock/ }).count(), 0, 'no Lock button on a locked vault');
    assert.equal((await harness.core.vault.status()).state, 'locked');
    const field = page.getByRole('form', { name: 'Unlock your vault' }).getByLabel('Vault password');
    assert.equal(await field.getAttribute('autocomplete'), 'current-password');
    assert.equal(await focused(page), 'Vault password', 'the user can type the password at once');
    assert.equal(await page.getByRole('button', { name: 'Use system keychain' }).count(), 0, 'no keychain here, so no keychain button');
  });

  test('a wrong password says so, stays locked, and clears and refocuses the field', { skip }, async () => {
    const form = page.getByRole('form', { name: 'Unlock your vault' });
    await page.keyboard.type('not the password');
    await page.keyboard.press('Enter');
    const alert = form.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.innerText(), /Wrong vault password\./);
    assert.equal(await form.getByLabel('Vault password').inputValue(), '');
    assert.equal(await form.getByLabel('Vault password').getAttribute('aria-invalid'), 'true');
    assert.equal(await focused(page), 'Vault password');
    assert.equal(await badge(page), 'Vault locked');
    assert.equal((await harness.core.vault.status()).state, 'locked');
  });

  test('the right password unlocks, and Ctrl+L locks again from anywhere', { skip }, async () => {
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await unlockedHeading(page).waitFor();
    assert.equal(await badge(page), 'Vault unlocked');

    await page.keyboard.press('Control+3');
    await page.getByRole('heading', { name: 'No sign-in profiles yet' }).waitFor();
    assert.equal(await page.getByRole('button', { name: /^Lock/ }).getAttribute('aria-keyshortcuts'), 'Control+L');
    await page.keyboard.press('Control+l');
    await lockedHeading(page).waitFor();
    assert.equal(await badge(page), 'Vault locked');
    assert.equal((await harness.core.vault.status()).state, 'locked');
  });

  test('a lock from main (as auto-lock sends it) brings back the unlock form', { skip }, async () => {
    await harness.core.vault.unlockWithPassword(PASSWORD);
    await unlockedHeading(page).or(page.getByRole('heading', { name: 'No sign-in profiles yet' })).waitFor();
    harness.core.vault.lock();
    await lockedHeading(page).waitFor();
    assert.equal(await badge(page), 'Vault locked');
  });

  test('after repeated wrong passwords the vault asks the user to wait', { skip }, async () => {
    const form = page.getByRole('form', { name: 'Unlock your vault' });
    const field = form.getByLabel('Vault password');
    let message = '';
    for (let attempt = 0; attempt < 8 && !/VAULT_THROTTLED/.test(message); attempt++) {
      await field.fill(`wrong guess ${attempt}`);
      await field.press('Enter');
      await form.getByRole('alert').waitFor();
      await page.waitForFunction(() => document.querySelector('form[aria-busy="false"]') !== null);
      message = await form.getByRole('alert').innerText();
    }
    assert.match(message, /VAULT_THROTTLED/);
    assert.equal(await badge(page), 'Vault locked');
  });
});

// A keychain that would protect the key (as on macOS or Windows), but holds none for this vault.
const secureKeychain: KeyProtector = {
  info: async () => ({ available: true, backend: 'keychain', secure: true }),
  encrypt: () => Promise.reject(new AuthdeskError('KEYCHAIN_UNAVAILABLE', 'The OS keychain refused.')),
  decrypt: () => Promise.reject(new AuthdeskError('KEYCHAIN_UNAVAILABLE', 'The OS keychain refused.')),
};

describe('unlocking with a secure keychain', () => {
  let harness: Harness;

  harnessPerSuite(async (started) => {
    harness = started;
    await harness.core.vault.create(PASSWORD);
    harness.core.vault.lock();
  }, { keyProtector: secureKeychain });

  test('offers "Use system keychain" and shows why it could not unlock', { skip }, async () => {
    const { page } = harness;
    await page.reload();
    const button = page.getByRole('button', { name: 'Use system keychain' });
    await button.click();
    const alert = page.getByRole('form', { name: 'Unlock your vault' }).getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.innerText(), /Keychain unlock is not turned on for this vault: use the password\./);
    assert.equal(await page.getByTestId('vault-badge').innerText(), 'Vault locked');
  });
});
