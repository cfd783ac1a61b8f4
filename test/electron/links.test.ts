// Runs in: tests (Node, driving real Electron). otpauth:// links in the app itself, through
// Playwright's Electron support: the link the app was started with waits for the vault, then
// opens the add preview; a second launch with a link hands it to the first and quits; a link
// that cannot be read opens the add dialog on the reason. The recording stand-in covers the same
// in test/unit/main/links.test.ts; this is where the real single-instance lock and argv are.
// Where no Electron binary exists each test skips with the reason (see app.test.ts).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { after, before, describe, test } from 'node:test';
import type { ElectronApplication, Locator, Page } from 'playwright-core';
import { GITHUB, MOZILLA } from '../fixtures/qr/links.ts';
import { closeAuthdesk, electronPath, launchAuthdesk, root, skip } from './launch.ts';

const PASSWORD = 'plum orbit lantern 42';

describe('otpauth:// links in real Electron', () => {
  let app: ElectronApplication | undefined;
  let page: Page;
  let env: Record<string, string>;

  const dialog = (): Locator => page.getByRole('dialog');

  /** Another launch of the app, as the OS starts it for a link clicked elsewhere (same HOME): it hands over and quits. */
  async function launchAgain(link: string): Promise<number | null> {
    const second = spawn(electronPath, [root, '--no-sandbox', link], { env, stdio: 'ignore' });
    const [code] = (await once(second, 'exit')) as [number | null];
    return code;
  }

  before(async () => {
    if (skip) return;
    // Started by a click on a link: the OS puts it after the app's own arguments.
    ({ app, page, env } = await launchAuthdesk({ args: [GITHUB] }));
  });

  after(closeAuthdesk);

  test('the link the app started with waits for the vault, then opens the add preview; nothing is saved before confirming', { skip }, async () => {
    await page.getByRole('heading', { name: 'Create your vault' }).waitFor();
    await page.getByLabel('Vault password').fill(PASSWORD);
    await page.getByLabel('Repeat the password').fill(PASSWORD);
    await page.getByLabel('Repeat the password').press('Enter');
    await dialog().getByRole('heading', { name: 'Check before adding' }).waitFor({ timeout: 15_000 });
    assert.deepEqual(await dialog().locator('.issuer').allInnerTexts(), ['GitHub']);
    assert.deepEqual(await page.evaluate(() => window.authdesk.accounts.list()), { ok: true, value: [] });
    await dialog().getByRole('button', { name: 'Add 1 account' }).click();
    await dialog().getByText('Added 1 account.').waitFor();
    await dialog().getByRole('button', { name: 'Done' }).click();
    await dialog().waitFor({ state: 'detached' });
  });

  test('a second launch with a link hands it to this window and quits', { skip }, async () => {
    assert.equal(await launchAgain(MOZILLA), 0, 'the second copy quits');
    await dialog().getByRole('heading', { name: 'Check before adding' }).waitFor();
    assert.deepEqual(await dialog().locator('.issuer').allInnerTexts(), ['Mozilla']);
    assert.equal(app?.windows().length, 1, 'no second window');
    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'detached' });
  });

  test('a damaged link opens the add dialog on the reason', { skip }, async () => {
    await launchAgain('otpauth-migration://offline?data=SECRETSAUCE');
    await dialog().getByText('The link you opened could not be read').waitFor();
    assert.doesNotMatch(await dialog().innerText(), /SECRETSAUCE/);
    await page.keyboard.press('Escape');
  });
});
