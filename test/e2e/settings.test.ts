// Runs in: tests (Node, driving Chromium). The Settings screen through the real core: every
// setting typed or switched in the window reaches core (and what core does with it), survives
// a reload, keychain unlock goes on and off with a keychain (FakeKeyProtector), and the screen
// reads well in both themes, at 800×600 and at 200% zoom.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { FakePower } from '../support/power.ts';
import { FakeKeyProtector } from '../support/vault.ts';
import { assertNoAxeViolations } from './support/axe.ts';
import { chromiumSkipReason } from './support/chromium.ts';
import { startHarness, type Harness } from './support/harness.ts';

const skip = chromiumSkipReason();
const PASSWORD = 'plum orbit lantern 42';
const ARTIFACTS = join(import.meta.dirname, 'artifacts');

/** Waits (up to 2 s) until core has what the window sent. */
async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 20));
  assert.ok(done(), 'core never got the change');
}

describe('the Settings screen', () => {
  let harness: Harness;
  let page: Page;

  before(async () => {
    if (skip) return;
    harness = await startHarness({ keyProtector: new FakeKeyProtector() });
    page = harness.page;
    await harness.core.vault.create(PASSWORD);
    await openSettings();
  });

  after(async () => {
    await harness?.close();
  });

  const openSettings = async () => {
    await page.getByRole('button', { name: /^Settings/ }).click();
    await page.getByTestId('keychain-setting').getByText(/^(On|Off):/).waitFor();
  };
  const security = () => page.getByRole('region', { name: 'Security' });
  const power = () => harness.core.ports.power as FakePower;

  test('numbers are checked as they are typed against core’s ranges, saved on change with a note, and refused values never sent', { skip }, async () => {
    const minutes = security().getByLabel('Lock after');
    assert.equal(await minutes.inputValue(), '5');
    await minutes.fill('0');
    assert.equal(await minutes.getAttribute('aria-invalid'), 'true');
    assert.match(await security().innerText(), /Enter a whole number from 1 to 1440; nothing is saved until then/);
    await minutes.press('Tab');
    assert.equal(harness.core.settings.get().autoLockMinutes, 5, 'an invalid value is not saved');
    await minutes.fill('12');
    assert.equal(await minutes.getAttribute('aria-invalid'), 'false');
    await minutes.press('Tab');
    await security().getByText('Saved').first().waitFor();
    assert.equal(harness.core.settings.get().autoLockMinutes, 12);

    const clear = security().getByLabel('Clear a copied code after');
    await clear.fill('4');
    assert.match(await security().innerText(), /from 5 to 600/);
    await clear.fill('45');
    await clear.press('Tab');
    await security().getByText('Saved').first().waitFor();
    assert.equal(harness.core.settings.get().clipboardClearSeconds, 45);
  });

  test('lock on sleep and on screen lock are on by default and, switched off, really stop locking', { skip }, async () => {
    const sleep = security().getByRole('switch', { name: 'Lock when the computer sleeps' });
    const screen = security().getByRole('switch', { name: 'Lock when the screen locks' });
    assert.equal(await sleep.isChecked(), true);
    assert.equal(await screen.isChecked(), true);
    await sleep.uncheck();
    await sleep.locator('xpath=..').getByText('Saved').waitFor();
    await screen.uncheck();
    await screen.locator('xpath=..').getByText('Saved').waitFor();
    assert.equal(harness.core.settings.get().lockOnSuspend, false);
    assert.equal(harness.core.settings.get().lockOnScreenLock, false);
    power().fire('suspend');
    power().fire('lock-screen');
    assert.equal((await harness.core.vault.status()).state, 'unlocked', 'neither locks now');
    await screen.check();
    await until(() => harness.core.settings.get().lockOnScreenLock);
    power().fire('lock-screen');
    assert.equal((await harness.core.vault.status()).state, 'locked', 'screen lock locks again once switched on');
    await harness.core.vault.unlockWithPassword(PASSWORD);
  });

  test('theme and every other setting survive a reload', { skip }, async () => {
    await page.getByRole('radio', { name: 'Dark' }).check();
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    const keep = page.getByLabel('Backups to keep');
    await keep.fill('7');
    await keep.press('Tab');
    await page.getByRole('region', { name: 'Automatic backups' }).getByText('Saved').waitFor();
    await page.reload();
    await openSettings();
    assert.equal(await security().getByLabel('Lock after').inputValue(), '12');
    assert.equal(await security().getByLabel('Clear a copied code after').inputValue(), '45');
    assert.equal(await security().getByRole('switch', { name: 'Lock when the computer sleeps' }).isChecked(), false);
    assert.equal(await security().getByRole('switch', { name: 'Lock when the screen locks' }).isChecked(), true);
    assert.equal(await page.getByLabel('Backups to keep').inputValue(), '7');
    assert.equal(await page.getByRole('radio', { name: 'Dark' }).isChecked(), true);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
    await page.getByRole('radio', { name: 'System' }).check();
    assert.equal(await page.getByTestId('vault-path').innerText(), harness.core.vault.path, 'where the vault is, as text to select');
  });

  test('keychain unlock turns on after the vault password (wrong, then right) and off again', { skip }, async () => {
    const row = page.getByTestId('keychain-setting');
    assert.match(await row.innerText(), /Off: the vault opens with its password only/);
    await row.getByRole('button', { name: 'Turn on…' }).click();
    const form = row.getByRole('form', { name: 'Turn on keychain unlock' });
    await form.getByLabel('Vault password').fill('not the password');
    await form.getByRole('button', { name: 'Turn on' }).click();
    await row.getByRole('alert').waitFor();
    assert.match(await row.getByRole('alert').innerText(), /Wrong vault password/);
    assert.equal(harness.core.vault.keychainEnabled(), false);
    await form.getByLabel('Vault password').fill(PASSWORD);
    await form.getByRole('button', { name: 'Turn on' }).click();
    await row.getByText(/^On: the system keychain keeps a key/).waitFor();
    assert.equal(harness.core.vault.keychainEnabled(), true);
    harness.core.vault.lock();
    await harness.core.vault.unlockWithKeychain();
    assert.equal((await harness.core.vault.status()).state, 'unlocked', 'the keychain opens the vault');
    await row.getByRole('button', { name: 'Turn off' }).click();
    await row.getByText(/^Off:/).waitFor();
    assert.equal(harness.core.vault.keychainEnabled(), false);
  });

  test('Settings in both themes: no axe violations, saved as screenshots, no sideways scrolling at 800×600 or 200% zoom', { skip }, async () => {
    const overflow = () => page.evaluate(() => {
      const main = document.querySelector('main');
      return main ? main.scrollWidth - main.clientWidth : -1;
    });
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.mouse.move(0, 0);
      await page.screenshot({ path: join(ARTIFACTS, `settings-${scheme}.png`) });
      await assertNoAxeViolations(page, `Settings (${scheme})`);
    }
    await page.emulateMedia({ colorScheme: 'light' });
    const normal = page.viewportSize();
    await page.setViewportSize({ width: 800, height: 600 });
    assert.equal(await overflow(), 0, 'no horizontal scrolling at 800×600');
    // 200% zoom: the same window shows half as many CSS pixels each way.
    await page.setViewportSize({ width: 560, height: 360 });
    await page.screenshot({ path: join(ARTIFACTS, 'settings-zoom-light.png') });
    assert.equal(await overflow(), 0, 'no horizontal scrolling at 200% zoom');
    if (normal) await page.setViewportSize(normal);
  });
});
