// Runs in: tests (Node, driving Chromium). Automatic backups and restore from Settings through
// the real core: a folder chosen with the (scripted) OS picker, a backup after each change,
// the newest N kept, a failure shown in words, and restores that need the backup's password
// and can be undone.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { otpParams } from '../../electron/core/otp/entry.ts';
import { assertNoAxeViolations } from './support/axe.ts';
import { chromiumSkipReason } from './support/chromium.ts';
import { startHarness, type Harness } from './support/harness.ts';

const skip = chromiumSkipReason();
const PASSWORD = 'plum orbit lantern 42';
const SECRET = 'JBSWY3DPEHPK3PXP';
const ARTIFACTS = join(import.meta.dirname, 'artifacts');
const DELAY_MS = 150;

describe('automatic backups and restore from Settings', () => {
  let harness: Harness;
  let page: Page;
  let folder: string;

  before(async () => {
    if (skip) return;
    harness = await startHarness({ backupDelayMs: DELAY_MS });
    page = harness.page;
    folder = await mkdtemp(join(tmpdir(), 'authdesk-backups-'));
    await harness.core.vault.create(PASSWORD);
    await add('First');
    await page.getByRole('button', { name: /^Settings/ }).click();
    await page.getByRole('heading', { name: 'Automatic backups' }).waitFor();
  });

  after(async () => {
    await harness?.close();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  const add = (issuer: string) => harness.core.accounts.add({ issuer, label: 'me', otp: otpParams({ type: 'totp', secret: SECRET }) });
  const files = async () => (await readdir(folder)).filter((name) => name.startsWith('authdesk-backup-')).sort();
  const status = () => page.getByTestId('backup-status');
  const rows = () => page.getByRole('list', { name: 'Restore' }).getByRole('listitem');
  const region = () => page.getByRole('region', { name: 'Automatic backups' });
  /** A change, then its backup made (now rather than after the pause) and shown. */
  const change = async (issuer: string) => {
    await add(issuer);
    await harness.core.backups.flush();
    await status().getByText((await files()).at(-1) ?? 'none').waitFor();
  };

  test('backups are off until a folder is chosen; choosing one makes a backup at once', { skip }, async () => {
    assert.match(await status().innerText(), /Backups are off/);
    assert.match(await region().innerText(), /Off\. Choose a folder/);
    harness.dialogs.answer('chooseFolder', folder);
    await page.getByRole('button', { name: 'Choose folder…' }).click();
    await status().getByText(/^Made /).waitFor();
    const made = await files();
    assert.equal(made.length, 1);
    assert.match(await status().innerText(), new RegExp(made[0]?.replace(/\./g, '\\.') ?? 'none'));
    assert.deepEqual(await readFile(join(folder, made[0] ?? '')), await readFile(harness.vaultPath), 'the backup is the encrypted vault file itself');
    assert.match(await rows().first().innerText(), /1 account\b/);
  });

  test('each change makes a backup; lowering "Backups to keep" to 2 prunes, and further changes keep 2', { skip }, async () => {
    const keep = page.getByLabel('Backups to keep');
    await keep.fill('0');
    assert.match(await region().innerText(), /Enter a whole number from 1 to 100/);
    assert.equal(await keep.getAttribute('aria-invalid'), 'true');
    await keep.fill('2');
    await keep.press('Tab');
    await region().getByText('Saved').waitFor();
    assert.equal(harness.core.settings.get().backupCount, 2);
    await change('Second');
    await change('Third');
    await change('Fourth');
    const kept = await files();
    assert.equal(kept.length, 2, `the newest 2 kept: ${kept.join(', ')}`);
    // Newest first, with its account count.
    await rows().first().getByText('4 accounts').waitFor();
    assert.equal(await rows().count(), 2);
  });

  test('a restore asks for the backup’s password; a wrong one changes nothing', { skip }, async () => {
    const vaultBefore = await readFile(harness.vaultPath);
    await rows().last().getByRole('button', { name: /^Restore the backup of/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Restore this backup?' });
    await dialog.waitFor();
    assert.match(await dialog.innerText(), /kept as a\s+backup first, so you can restore it to undo this/);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: join(ARTIFACTS, `restore-confirm-${scheme}.png`) });
      await assertNoAxeViolations(page, `the restore dialog (${scheme})`);
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await dialog.getByLabel('Backup password').fill('not the password');
    await dialog.getByRole('button', { name: 'Restore' }).click();
    const alert = dialog.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.innerText(), /Nothing was restored[\s\S]*Wrong password for this backup/);
    assert.deepEqual(await readFile(harness.vaultPath), vaultBefore, 'the vault file is unchanged');
    assert.equal(harness.core.accounts.list().length, 4);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  test('the right password restores the older backup (accounts come back as they were), and restoring the kept copy undoes it', { skip }, async () => {
    await rows().last().getByRole('button', { name: /^Restore the backup of/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Restore this backup?' });
    await dialog.getByLabel('Backup password').fill(PASSWORD);
    await dialog.getByRole('button', { name: 'Restore' }).click();
    await dialog.waitFor({ state: 'detached' });
    // Settings removes the dialog itself once restored; focus still goes back to the button that opened it.
    assert.match(await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.tagName ?? ''), /^Restore the backup of/);
    await page.getByText('Restored 3 account(s). The vault as it was is kept as a backup (listed below): restore it to undo.').waitFor();
    assert.deepEqual(harness.core.accounts.list().map((a) => a.issuer).sort(), ['First', 'Second', 'Third']);
    assert.equal((await harness.core.vault.status()).state, 'unlocked', 'the restored vault is open');
    const undo = rows().filter({ hasText: 'before a restore' });
    await undo.waitFor();
    assert.match(await undo.innerText(), /4 accounts/);

    await undo.getByRole('button', { name: /^Restore the backup of/ }).click();
    await dialog.getByLabel('Backup password').fill(PASSWORD);
    await dialog.getByRole('button', { name: 'Restore' }).click();
    await page.getByText('Restored 4 account(s).').waitFor();
    assert.equal(harness.core.accounts.list().length, 4, 'undone');
  });

  test('a backup that fails is shown with the reason in words, and the change is kept', { skip }, async () => {
    await rm(folder, { recursive: true });
    await add('Fifth');
    const failed = status().getByRole('alert');
    await failed.waitFor();
    assert.match(await failed.innerText(), /The backup folder .* does not exist \(is its disk connected\?\)/);
    assert.equal(harness.core.accounts.list().length, 5);
    await mkdir(folder);
    await add('Sixth');
    await status().getByText(/^Made /).waitFor();
    await region().scrollIntoViewIfNeeded();
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: join(ARTIFACTS, `settings-backups-${scheme}.png`) });
      await assertNoAxeViolations(page, `Settings with backups on (${scheme})`);
    }
    await page.emulateMedia({ colorScheme: 'light' });
  });

  test('turning backups off keeps the backups made and makes no more', { skip }, async () => {
    await region().getByRole('button', { name: 'Turn off' }).click();
    await status().getByText('Backups are off.').waitFor();
    assert.equal(harness.core.settings.get().backupFolder, null);
    const before = await files();
    await add('Seventh');
    await new Promise((resolve) => setTimeout(resolve, DELAY_MS * 3));
    assert.deepEqual(await files(), before);
  });
});
