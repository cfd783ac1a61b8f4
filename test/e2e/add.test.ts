// Runs in: tests (Node, driving Chromium). Adding accounts from the window through the real
// core: QR codes read from pictures (a screenshot with three, a dark-mode one, a JPEG photo of
// a screen), a pasted link, a Google export link, fields typed by hand, a hostile picture; the
// preview before anything is saved; brand icons. Screenshots of each dialog in both themes.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { GITHUB, MIGRATION, SCREEN_PHOTO } from '../fixtures/qr/links.ts';
import { drawPng } from '../support/png.ts';
import { lookAt, previewRows, startWithOpenVault } from './support/add-flow.ts';
import { chromiumSkipReason } from './support/chromium.ts';
import { dropFile } from './support/drop.ts';
import type { Harness } from './support/harness.ts';

const skip = chromiumSkipReason();
const FIXTURES = join(import.meta.dirname, '../fixtures/qr');

describe('adding accounts from the window', () => {
  let harness: Harness;
  let page: Page;
  let scratch: string;

  before(async () => {
    if (skip) return;
    harness = await startWithOpenVault();
    page = harness.page;
    scratch = await mkdtemp(join(tmpdir(), 'authdesk-add-'));
  });

  after(async () => {
    await harness?.close();
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  const dialog = () => page.getByRole('dialog');
  const issuers = () => harness.core.accounts.list().map((a) => a.issuer).sort();
  const rows = previewRows;


  async function openAdd(item: string): Promise<Locator> {
    await page.getByRole('button', { name: 'Add account' }).first().click();
    await page.getByRole('menuitem', { name: item }).click();
    await dialog().waitFor();
    return dialog();
  }

  async function confirmAndClose(button: RegExp): Promise<string> {
    await dialog().getByRole('button', { name: button }).click();
    const status = dialog().getByText(/^Added /);
    await status.waitFor();
    const said = await status.innerText();
    await dialog().getByRole('button', { name: 'Done' }).click();
    await dialog().waitFor({ state: 'detached' });
    return said;
  }

  test('the Add account menu lists every way in and works by keyboard; Ctrl+N opens the dialog', { skip }, async () => {
    // An empty vault offers the menu in its empty state too; the header's comes first.
    const button = page.getByRole('button', { name: 'Add account' }).first();
    await button.focus();
    await page.keyboard.press('ArrowDown');
    const items = await page.getByRole('menuitem').allInnerTexts();
    assert.deepEqual(items, ['Paste or type a link…', 'Scan a picture…', 'Paste from clipboard…', 'Scan the screen', 'Enter manually…', 'Import from another app…']);
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Paste or type a link…');
    await page.keyboard.press('End');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Import from another app…');
    await lookAt(page, 'add-menu');
    await page.keyboard.press('Escape');
    assert.equal(await page.getByRole('menu').count(), 0);
    assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), '+ Add account', 'focus returns to the button');

    await page.keyboard.press('Control+n');
    await dialog().waitFor();
    assert.equal(await dialog().getByRole('tab', { selected: true }).innerText(), 'Link');
    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'detached' });
  });

  test('a screenshot holding three codes: all three are previewed with their icons, nothing is saved until confirmed', { skip }, async () => {
    harness.dialogs.answer('openFile', join(FIXTURES, 'screenshot-three.png'));
    const add = await openAdd('Scan a picture…');
    await add.getByRole('button', { name: 'Choose a picture…' }).click();
    await rows(add).first().waitFor();
    assert.deepEqual((await rows(add).locator('.issuer').allInnerTexts()).sort(), ['GitHub', 'Mozilla', 'Tinyco']);
    assert.match(await add.getByRole('status').first().innerText(), /3 accounts to add\./);
    assert.deepEqual(issuers(), [], 'nothing saved before confirming');
    // The GitHub mark from simple-icons, a letter for an issuer no brand matches.
    const github = rows(add).filter({ hasText: 'GitHub' });
    await github.locator('[data-brand="github"] path').waitFor();
    assert.equal(await rows(add).filter({ hasText: 'Tinyco' }).locator('.letter').innerText(), 'T');
    await lookAt(page, 'add-preview');
    assert.equal(await confirmAndClose(/Add 3 accounts/), 'Added 3 accounts.');
    assert.deepEqual(issuers(), ['GitHub', 'Mozilla', 'Tinyco']);
  });

  test('a JPEG photo of a screen dropped on the window: rotated, dim codes are read; the account already there is marked and skipped', { skip }, async () => {
    await dropFile(page, 'photo.jpg', await readFile(join(FIXTURES, 'screen-photo.jpg')), 'image/jpeg');
    await rows(dialog()).first().waitFor();
    assert.equal(SCREEN_PHOTO.length, 2);
    assert.match(await rows(dialog()).filter({ hasText: 'Dropbox' }).innerText(), /New/);
    assert.match(await rows(dialog()).filter({ hasText: 'GitHub' }).innerText(), /Already in your vault: skipped/);
    assert.match(await confirmAndClose(/Add 1 account/), /Added 1 account\. 1 already in your vault was skipped\./);
    assert.deepEqual(issuers(), ['Dropbox', 'GitHub', 'Mozilla', 'Tinyco']);
  });

  test('a dark-mode screenshot pasted with Ctrl+V: both Google export accounts are read, the web-address code is reported', { skip }, async () => {
    harness.clipboard.copiedElsewhere(await readFile(join(FIXTURES, 'dark-mode.png')));
    await openAdd('Paste from clipboard…');
    await dialog().getByRole('tab', { name: 'Clipboard' }).focus();
    await page.keyboard.press('Control+v');
    await rows(dialog()).first().waitFor();
    assert.deepEqual((await rows(dialog()).locator('.issuer').allInnerTexts()).sort(), ['Gitlab', 'Proton']);
    const refused = dialog().getByRole('region', { name: 'Refused' });
    assert.match(await refused.innerText(), /QR code \d: It holds a web address or other text, not an account\./);
    await confirmAndClose(/Add 2 accounts/);
    assert.ok(issuers().includes('Gitlab') && issuers().includes('Proton'));
  });

  test('a pasted otpauth link and a Google migration link are previewed and added; a duplicate link adds nothing', { skip }, async () => {
    const add = await openAdd('Paste or type a link…');
    const box = add.getByLabel('Paste the account’s link');
    await box.fill('https://example.com/not-a-login');
    await add.getByRole('button', { name: 'Preview' }).click();
    assert.match(await add.getByRole('alert').innerText(), /This is not an account link\. Paste a link that starts with otpauth:\/\//);
    await box.fill(GITHUB);
    await add.getByRole('button', { name: 'Preview' }).click();
    await rows(add).first().waitFor();
    assert.match(await rows(add).innerText(), /Already in your vault: skipped/);
    assert.equal(await add.getByRole('button', { name: 'Nothing new to add' }).isDisabled(), true);
    await add.getByRole('button', { name: 'Back' }).click();
    await box.fill('otpauth://totp/Acme:ann?secret=GEZDGNBVGY3TQOJQ&issuer=Acme');
    await add.getByRole('button', { name: 'Preview' }).click();
    await rows(add).first().waitFor();
    await confirmAndClose(/Add 1 account/);

    const again = await openAdd('Paste or type a link…');
    await again.getByLabel('Paste the account’s link').fill(MIGRATION);
    await again.getByRole('button', { name: 'Preview' }).click();
    await rows(again).first().waitFor();
    assert.match(await again.getByRole('status').first().innerText(), /From the link, read as a Google Authenticator export/);
    assert.equal(await rows(again).filter({ hasText: 'Already in your vault' }).count(), 2, 'both were added from the dark screenshot');
    await again.getByRole('button', { name: 'Close' }).click();
    assert.ok(issuers().includes('Acme'));
  });

  test('manual entry is checked as the user types, with core’s own messages, and adds the account', { skip }, async () => {
    const before = issuers().length;
    const add = await openAdd('Enter manually…');
    const secret = add.getByLabel('Secret key');
    await secret.fill('abc!');
    assert.match(await add.innerText(), /The secret is not valid Base32 \(letters A-Z and digits 2-7\)\./);
    assert.equal(await secret.getAttribute('aria-invalid'), 'true');
    await add.getByLabel('Digits').fill('9');
    assert.match(await add.innerText(), /Codes must have 6 to 8 digits\./);
    await add.getByRole('button', { name: 'Preview' }).click();
    assert.match(await add.innerText(), /Give the account an issuer or a name/);
    assert.equal(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.labels?.[0]?.textContent), 'Issuer', 'focus goes to the first field to fix');
    await lookAt(page, 'add-manual');
    await add.getByLabel('Issuer').fill('Typed Inc');
    await secret.fill('jbsw y3dp ehpk 3pxq');
    await add.getByLabel('Digits').fill('8');
    assert.doesNotMatch(await add.innerText(), /not valid Base32|6 to 8 digits|issuer or a name/);
    await add.getByRole('button', { name: 'Preview' }).click();
    await rows(add).first().waitFor();
    await confirmAndClose(/Add 1 account/);
    assert.equal(issuers().length, before + 1);
    assert.equal(harness.core.accounts.list().find((a) => a.issuer === 'Typed Inc')?.otp.digits, 8);
  });

  test('a hostile or garbage picture is refused with a clear message and nothing changes', { skip }, async () => {
    const before = JSON.stringify(harness.core.accounts.list());
    const bomb = drawPng(1, 1, () => false);
    bomb.writeUInt32BE(100_000, 16);
    bomb.writeUInt32BE(100_000, 20);
    await writeFile(join(scratch, 'bomb.png'), bomb);
    await writeFile(join(scratch, 'garbage.png'), Buffer.from('not a picture at all, just text'));
    harness.dialogs.answer('openFile', join(scratch, 'bomb.png'));
    harness.dialogs.answer('openFile', join(scratch, 'garbage.png'));
    const add = await openAdd('Scan a picture…');
    await add.getByRole('button', { name: 'Choose a picture…' }).click();
    assert.match(await add.getByRole('alert').innerText(), /This image is 100000 × 100000 pixels, more than the 50 megapixels Authdesk reads/);
    await add.getByRole('button', { name: 'Choose a picture…' }).click();
    await add.getByRole('alert').filter({ hasText: 'not a PNG or JPEG' }).waitFor();
    await add.getByRole('button', { name: 'Cancel' }).click();
    assert.equal(JSON.stringify(harness.core.accounts.list()), before);
  });
});
