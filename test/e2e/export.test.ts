// Runs in: tests (Node, driving Chromium). Export from Settings through the real core: the
// vault password asked again (wrong, then right), the file written where the save dialog
// said and importable again, the plain-format warning, and the Google QR codes paged on screen.
import assert from 'node:assert/strict';
import { access, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { otpParams } from '../../electron/core/otp/entry.ts';
import { scanQrPng } from '../support/qr-scan.ts';
import { assertNoAxeViolations } from './support/axe.ts';
import { chromiumSkipReason } from './support/chromium.ts';
import { startHarness, type Harness } from './support/harness.ts';

const skip = chromiumSkipReason();
const PASSWORD = 'plum orbit lantern 42';
const EXPORT_PASSWORD = 'export seal 9911';
const SECRET = 'JBSWY3DPEHPK3PXP';
const ARTIFACTS = join(import.meta.dirname, 'artifacts');
const TOTP_ACCOUNTS = 40;

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

async function shoot(page: Page, name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: join(ARTIFACTS, `${name}-${scheme}.png`) });
    await assertNoAxeViolations(page, `${name} (${scheme})`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** The QR code an <img> shows, decoded from its pixels as a phone would read it. */
async function scan(image: Locator): Promise<string> {
  const src = (await image.getAttribute('src')) ?? '';
  return scanQrPng(Buffer.from(src.replace(/^data:image\/png;base64,/, ''), 'base64')) ?? '';
}

describe('export from Settings', () => {
  let harness: Harness;
  let page: Page;
  let folder: string;

  before(async () => {
    if (skip) return;
    harness = await startHarness();
    page = harness.page;
    folder = await mkdtemp(join(tmpdir(), 'authdesk-export-'));
    const { core } = harness;
    await core.vault.create(PASSWORD);
    for (let i = 0; i < TOTP_ACCOUNTS; i++) await core.accounts.add({ issuer: `Site ${i}`, label: `me${i}@example.com`, otp: otpParams({ type: 'totp', secret: SECRET }) });
    await core.accounts.add({ issuer: 'Steam', label: 'gamer', otp: otpParams({ type: 'steam', secret: SECRET }) });
    await page.getByRole('button', { name: /^Settings/ }).click();
    await page.getByRole('heading', { name: 'Export', exact: true }).waitFor();
  });

  after(async () => {
    await harness?.close();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  const dialog = () => page.getByRole('dialog');
  const openExport = async () => {
    await page.getByRole('button', { name: 'Export…' }).click();
    await dialog().getByRole('radio').first().waitFor();
  };

  test('with no OS keychain at all (as in a browser), Settings says the vault opens with its password only', { skip }, async () => {
    const row = page.getByTestId('keychain-setting');
    await row.getByText(/^No system keychain is available here/).waitFor();
    assert.equal(await row.getByRole('button').count(), 0);
  });

  test('a wrong vault password is refused before anything is made; the right one writes the chosen file, which imports back', { skip }, async () => {
    await openExport();
    assert.equal(await dialog().getByRole('radio', { name: /Authdesk export \(encrypted\)/ }).isChecked(), true);
    await dialog().getByLabel('Vault password').fill('not my password');
    await dialog().getByLabel('Export password', { exact: true }).fill(EXPORT_PASSWORD);
    await dialog().getByLabel('Repeat the export password').fill(EXPORT_PASSWORD);
    await dialog().getByRole('button', { name: 'Choose file and export…' }).click();
    const alert = dialog().getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.innerText(), /Nothing was exported[\s\S]*Wrong vault password/);
    assert.equal(harness.dialogs.asked.filter((a) => a.kind === 'saveFile').length, 0, 'no save dialog before the password is right');
    assert.equal(await dialog().getByLabel('Vault password').inputValue(), '', 'the wrong password is not kept');
    await shoot(page, 'export-password');

    const target = join(folder, 'accounts.authdesk-export');
    harness.dialogs.answer('saveFile', target);
    await dialog().getByLabel('Vault password').fill(PASSWORD);
    await dialog().getByRole('button', { name: 'Choose file and export…' }).click();
    const done = dialog().getByTestId('export-done');
    await done.waitFor();
    assert.equal(await done.innerText(), `Exported ${TOTP_ACCOUNTS + 1} account(s) to accounts.authdesk-export.`);
    assert.equal((await stat(target)).mode & 0o777, 0o600, 'owner-only');
    const back = await harness.core.transfer.read(await readFile(target), { password: EXPORT_PASSWORD });
    assert.equal(back.entries.length, TOTP_ACCOUNTS + 1, 'the file imports back with every account');
    assert.ok(!(await page.content()).includes(SECRET), 'no secret reached the page');
    await dialog().getByRole('button', { name: 'Done' }).click();
    await dialog().waitFor({ state: 'detached' });
  });

  test('a plain format warns that anyone with the file can read every secret, before and after', { skip }, async () => {
    await openExport();
    assert.equal(await dialog().getByTestId('plain-warning').count(), 0, 'no warning for an encrypted format');
    await dialog().getByRole('radio', { name: /otpauth:\/\/ links/ }).check();
    const warning = dialog().getByTestId('plain-warning');
    assert.match(await warning.innerText(), /not encrypted\. Anyone who gets the file can read every secret/);
    assert.equal(await dialog().getByLabel('Export password', { exact: true }).count(), 0, 'no export password for a plain format');
    await shoot(page, 'export-warning');

    const target = join(folder, 'links.txt');
    harness.dialogs.answer('saveFile', target);
    await dialog().getByLabel('Vault password').fill(PASSWORD);
    await dialog().getByRole('button', { name: 'Choose file and export…' }).click();
    await dialog().getByTestId('export-done').waitFor();
    const lines = (await readFile(target, 'utf8')).trim().split('\n');
    assert.equal(lines.length, TOTP_ACCOUNTS + 1);
    assert.ok(lines.every((line) => line.startsWith('otpauth://')));
    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'detached' });
  });

  test('Google Authenticator: QR codes after the password, paged "1 of N" by keys, Steam left out, forgotten on close and on lock', { skip }, async () => {
    await openExport();
    await dialog().getByRole('radio', { name: /Google Authenticator/ }).check();
    assert.match(await dialog().getByTestId('plain-warning').innerText(), /Anyone who sees or photographs them can copy every account/);
    await dialog().getByLabel('Vault password').fill(PASSWORD);
    await dialog().getByRole('button', { name: 'Show QR codes' }).click();
    const count = dialog().getByTestId('qr-page');
    await count.waitFor();
    const pages = Number((await count.innerText()).split(' of ')[1]);
    assert.ok(pages >= 2, `${TOTP_ACCOUNTS} accounts need several codes (got ${pages})`);
    assert.equal(await count.innerText(), `1 of ${pages}`);
    assert.match(await dialog().innerText(), /Left out, because Google Authenticator cannot hold them[^\n]*Steam \(gamer\)/);
    const image = dialog().getByRole('img');
    await shoot(page, 'export-google-qr');

    // Paged by the arrow keys, as a phone scans them one after another.
    // The page count is read once the window has drawn the new page (a loaded machine may lag a frame).
    const showing = (text: string) => count.filter({ hasText: new RegExp(`^${text}$`) }).waitFor({ timeout: 5000 });
    const scanned = [await scan(image)];
    for (let i = 2; i <= pages; i++) {
      await page.keyboard.press('ArrowRight');
      await showing(`${i} of ${pages}`);
      scanned.push(await scan(image));
    }
    await page.keyboard.press('ArrowRight');
    assert.equal(await count.innerText(), `${pages} of ${pages}`, 'the last page is the last');
    for (let i = 0; i < pages; i++) await page.keyboard.press('ArrowLeft');
    await showing(`1 of ${pages}`);
    assert.ok(scanned.every((uri) => uri.startsWith('otpauth-migration://offline?data=')), 'every code on screen scans');
    const imported = await harness.core.transfer.read(scanned.join('\n'));
    assert.equal(imported.entries.length, TOTP_ACCOUNTS, 'together the codes hold every account Google can');

    // A closed <dialog> leaves the accessibility tree at once but stays in the DOM until its close
    // event has run, so the codes are awaited gone rather than counted at that instant.
    const codes = page.locator('img[src^="data:image/png"]');
    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'detached' });
    await codes.first().waitFor({ state: 'detached', timeout: 5000 });
    assert.equal(await codes.count(), 0, 'closed: the codes are gone');

    await openExport();
    await dialog().getByRole('radio', { name: /Google Authenticator/ }).check();
    await dialog().getByLabel('Vault password').fill(PASSWORD);
    await dialog().getByRole('button', { name: 'Show QR codes' }).click();
    await count.waitFor();
    harness.core.vault.lock();
    await dialog().waitFor({ state: 'detached' });
    await codes.first().waitFor({ state: 'detached', timeout: 5000 });
    assert.equal(await codes.count(), 0, 'locked: the codes are gone');
    assert.equal(await page.getByRole('button', { name: 'Export…' }).isDisabled(), true);
    assert.equal(await exists(join(folder, 'nothing')), false);
  });
});
