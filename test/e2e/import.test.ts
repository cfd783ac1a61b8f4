// Runs in: tests (Node, driving Chromium). Importing another app's backup from the window
// through the real core: a real encrypted Aegis export (../shared/aegis-fixtures) with a wrong
// password and then the right one, the preview and the commit; a backup dropped on the window;
// duplicates skipped; the icon an Aegis export carries; progress on a big file; a bad file.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { otpParams } from '../../electron/core/otp/entry.ts';
import { exportAegis } from '../../electron/core/transfer/index.ts';
import { drawPng } from '../support/png.ts';
import { lookAt, previewRows, startWithOpenVault } from './support/add-flow.ts';
import { chromiumSkipReason } from './support/chromium.ts';
import { dropFile } from './support/drop.ts';
import type { Harness } from './support/harness.ts';

const skip = chromiumSkipReason();
const AEGIS_ENCRYPTED = join(import.meta.dirname, '../../../shared/aegis-fixtures/importers/aegis_encrypted.json');

describe('importing from another app in the window', () => {
  let harness: Harness;
  let page: Page;

  before(async () => {
    if (skip) return;
    harness = await startWithOpenVault();
    page = harness.page;
  });

  after(async () => {
    await harness?.close();
  });

  const dialog = () => page.getByRole('dialog');
  const rows = previewRows;


  test('an encrypted Aegis export: its password is asked, a wrong one is refused and may be retried, the preview lists it all, confirm imports', { skip }, async () => {
    harness.dialogs.answer('openFile', AEGIS_ENCRYPTED);
    await page.getByRole('button', { name: 'Add account' }).first().click();
    await page.getByRole('menuitem', { name: 'Import from another app…' }).click();
    await dialog().getByRole('button', { name: 'Choose a file…' }).click();
    await dialog().getByRole('heading', { name: 'This backup is encrypted' }).waitFor();
    assert.match(await dialog().innerText(), /aegis_encrypted\.json is an Aegis vault, sealed with a password/);
    const field = dialog().getByLabel('Backup password');
    assert.equal(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.labels?.[0]?.textContent), 'Backup password');
    await lookAt(page, 'import-password');

    await field.fill('not the password');
    await field.press('Enter');
    const alert = dialog().getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.innerText(), /That password did not open the backup/);
    assert.match(await alert.innerText(), /IMPORT_WRONG_PASSWORD/);
    assert.equal(await field.inputValue(), '', 'the field is cleared for another try');
    assert.equal(harness.core.accounts.list().length, 0);

    await field.fill('test');
    await dialog().getByRole('button', { name: 'Open backup' }).click();
    await rows(dialog()).first().waitFor();
    const count = await rows(dialog()).count();
    assert.ok(count >= 7, `the Aegis test vault holds its 7 vectors (${count})`);
    assert.match(await dialog().getByRole('status').first().innerText(), new RegExp(`${count} accounts to add\\.\\s+From aegis_encrypted\\.json, read as an Aegis vault\\.`));
    assert.equal(harness.core.accounts.list().length, 0, 'nothing imported before confirming');
    await lookAt(page, 'import-preview');

    await dialog().getByRole('button', { name: `Import ${count} accounts` }).click();
    await dialog().getByText(`Added ${count} accounts.`).waitFor();
    assert.equal(harness.core.accounts.list().length, count);
    await dialog().getByRole('button', { name: 'Done' }).click();
    await dialog().waitFor({ state: 'detached' });
  });

  test('the same backup dropped on the window: the password is asked and every account is marked as already there', { skip }, async () => {
    await dropFile(page, 'aegis_encrypted.json', await readFile(AEGIS_ENCRYPTED), 'application/json');
    await dialog().getByLabel('Backup password').fill('test');
    await dialog().getByLabel('Backup password').press('Enter');
    await rows(dialog()).first().waitFor();
    assert.equal(await rows(dialog()).filter({ hasText: 'Already in your vault: skipped' }).count(), await rows(dialog()).count());
    assert.equal(await dialog().getByRole('button', { name: 'Nothing new to import' }).isDisabled(), true);
    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'detached' });
  });

  test('an icon an Aegis export carries is shown in the preview and kept on import', { skip }, async () => {
    const picture = `data:image/png;base64,${drawPng(16, 16, (x, y) => (x + y) % 2 === 0).toString('base64')}`;
    const now = Date.now();
    const exported = await exportAegis([
      { id: 'a', issuer: 'Corner Shop', label: 'till', otp: otpParams({ type: 'totp', secret: 'MZXW6YTBOI======' }), groupIds: [], favourite: false, icon: picture, note: '', createdAt: now, updatedAt: now },
    ]);
    await dropFile(page, 'aegis-plain.json', Buffer.from(exported), 'application/json');
    const row = rows(dialog()).filter({ hasText: 'Corner Shop' });
    await row.waitFor();
    assert.equal(await row.locator('img').getAttribute('src'), picture);
    await dialog().getByRole('button', { name: 'Import 1 account' }).click();
    await dialog().getByText('Added 1 account.').waitFor();
    assert.equal(harness.core.accounts.list().find((a) => a.issuer === 'Corner Shop')?.icon, picture);
    await dialog().getByRole('button', { name: 'Done' }).click();
  });

  test('a big backup reports its progress as it is checked, and Cancel imports nothing', { skip }, async () => {
    const before = harness.core.accounts.list().length;
    const links = Array.from({ length: 3000 }, (_, i) => `otpauth://totp/Bulk:user${i}?secret=${'GEZDGNBVGY3TQOJQ'}&issuer=Bulk`).join('\n');
    await page.evaluate(() => {
      const seen: string[] = [];
      (globalThis as unknown as { seenProgress: string[] }).seenProgress = seen;
      window.authdesk.transfer.onStageProgress((p) => seen.push(`${p.step} ${p.done}/${p.total}`));
    });
    await dropFile(page, 'bulk.txt', Buffer.from(links), 'text/plain');
    await rows(dialog()).first().waitFor();
    assert.match(await dialog().getByRole('status').first().innerText(), /3,000 accounts to add/);
    assert.match(await dialog().innerText(), /And 2,700 more\./);
    const seen = await page.evaluate(() => (globalThis as unknown as { seenProgress: string[] }).seenProgress);
    assert.deepEqual(seen.filter((s) => s.startsWith('checking')), ['checking 0/3000', 'checking 500/3000', 'checking 1000/3000', 'checking 1500/3000', 'checking 2000/3000', 'checking 2500/3000', 'checking 3000/3000']);
    await dialog().getByRole('button', { name: 'Cancel' }).click();
    await dialog().waitFor({ state: 'detached' });
    assert.equal(harness.core.accounts.list().length, before);
  });

  test('a file that is no backup is refused with a clear message and nothing changes', { skip }, async () => {
    const before = JSON.stringify(harness.core.accounts.list());
    await dropFile(page, 'notes.bin', Buffer.from([0, 1, 2, 3, 250, 251, 252, 253, 9, 9, 9, 9, 9, 9, 9, 9]));
    const alert = dialog().getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.innerText(), /Nothing was imported/);
    assert.match(await alert.innerText(), /Authdesk does not recognise this file/);
    await dialog().getByRole('button', { name: 'Cancel' }).click();
    assert.equal(JSON.stringify(harness.core.accounts.list()), before);
  });
});
