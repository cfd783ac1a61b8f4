// Runs in: tests (Node, driving real Electron). What only real Electron can show of keychain
// unlock and the clipboard: main refuses keychain unlock the window asks for on its own and
// accepts it right after input Electron saw; a copied code carries its clipboard-history
// markers on Windows and macOS. Where no Electron binary exists each test skips with the
// reason (as test/electron/app.test.ts).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { ElectronApplication, Page } from 'playwright-core';
import { GESTURE_WINDOW_MS } from '../../electron/core/api/spec.ts';
import { clipboardMarks } from '../../electron/main/clipboard-marks.ts';
import { closeAuthdesk, launchAuthdesk, skip } from './launch.ts';

const PASSWORD = 'plum orbit lantern 42';
const marks = Object.keys(clipboardMarks(process.platform));
const skipMarks = skip || (marks.length === 0 ? `${process.platform} has no clipboard-history convention Authdesk marks for` : false);

describe('keychain unlock and the clipboard in real Electron', () => {
  let app: ElectronApplication | undefined;
  let page: Page;

  before(async () => {
    if (skip) return;
    ({ app, page } = await launchAuthdesk());
    await page.getByRole('heading', { name: 'Create your vault' }).waitFor();
  });

  after(closeAuthdesk);

  test('keychain unlock the window asks for on its own is refused; right after a click it goes through', { skip }, async () => {
    await page.waitForTimeout(GESTURE_WINDOW_MS + 500);
    const alone = await page.evaluate(() => window.authdesk.vault.unlockWithKeychain());
    assert.equal(!alone.ok && alone.error.code, 'USER_ACTION_REQUIRED');

    await page.getByRole('heading', { name: 'Create your vault' }).click();
    const after = await page.evaluate(() => window.authdesk.vault.unlockWithKeychain());
    // No vault exists yet, so it fails, but for that reason and not for want of a click.
    assert.notEqual(!after.ok && after.error.code, 'USER_ACTION_REQUIRED');
  });

  test('a copied code carries the markers that keep it out of clipboard history', { skip: skipMarks }, async () => {
    await page.evaluate((password) => window.authdesk.vault.create({ password }), PASSWORD);
    const staged = await page.evaluate(() => window.authdesk.transfer.stageLink({ text: 'otpauth://totp/GitHub:alice?secret=JBSWY3DPEHPK3PXP' }));
    assert.ok(staged.ok);
    await page.evaluate((id) => window.authdesk.transfer.commitStaged({ id }), staged.value.id);
    const accounts = await page.evaluate(() => window.authdesk.accounts.list());
    assert.ok(accounts.ok && accounts.value[0]);
    assert.deepEqual(await page.evaluate((id) => window.authdesk.codes.copy({ id }), accounts.value[0].id), { ok: true, value: undefined });
    const types = await app?.evaluate(async ({ clipboard }) => (await clipboard.read()).flatMap((item) => item.types));
    assert.ok(types?.includes('text/plain'), 'the code is there to paste');
    for (const mark of marks) assert.ok(types?.includes(mark), `${mark} beside it`);
  });
});
