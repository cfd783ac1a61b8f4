// Runs in: tests (Node, driving Chromium). What the desktop shell asks the window to show,
// through the real core's shell service (core.shell.navigate, as main calls it for a
// notification clicked or a link opened): a request focused on the Approvals screen (or said to
// be gone), a profile's row on Sessions, and the add dialog on a link's staged preview (saved
// only when confirmed) or on its error. A request made while the page was away is taken on load,
// and "Scan the screen" reads what the screens show.
// Screenshots of the preview opened from a link in both themes.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { GITHUB, MIGRATION, MOZILLA } from '../fixtures/qr/links.ts';
import { lookAt, previewRows, startWithOpenVault } from './support/add-flow.ts';
import { chromiumSkipReason } from './support/chromium.ts';
import type { Harness } from './support/harness.ts';

const skip = chromiumSkipReason();

describe('the window follows the shell’s navigation', () => {
  let harness: Harness;
  let page: Page;

  before(async () => {
    if (skip) return;
    harness = await startWithOpenVault();
    page = harness.page;
    page.setDefaultTimeout(10_000);
  });

  after(async () => {
    await harness?.close();
  });

  const dialog = (): Locator => page.getByRole('dialog');
  const heading = (name: string): Locator => page.getByRole('heading', { level: 1, name });
  /** The issuers a preview lists. */
  const listed = async (): Promise<string[]> => (await previewRows(dialog()).locator('.issuer').allInnerTexts()).sort();

  async function closeDialog(): Promise<void> {
    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'detached' });
  }

  test('a link opened from outside: the add dialog shows its preview, and saves only on confirm', { skip }, async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /^Settings/ }).click();
    const preview = await harness.core.staging.link(`${GITHUB}\n${MOZILLA}`, 'the opened link');
    harness.core.shell.navigate({ screen: 'add', preview });
    await dialog().getByRole('heading', { name: 'Check before adding' }).waitFor();
    assert.deepEqual(await listed(), ['GitHub', 'Mozilla']);
    await heading('Codes').waitFor();
    assert.equal(harness.core.accounts.list().length, 0, 'nothing saved before confirming');
    await lookAt(page, 'navigation-link-preview');
    await dialog().getByRole('button', { name: 'Add 2 accounts' }).click();
    await dialog().getByText('Added 2 accounts.').waitFor();
    assert.deepEqual(harness.core.accounts.list().map((a) => a.issuer).sort(), ['GitHub', 'Mozilla']);
    await dialog().getByRole('button', { name: 'Done' }).click();
    await dialog().waitFor({ state: 'detached' });
  });

  test('a link that could not be read: the add dialog says why', { skip }, async () => {
    harness.core.shell.navigate({ screen: 'add', problem: { code: 'IMPORT_MALFORMED', message: 'This is not a usable Google Authenticator export: its data is damaged.' } });
    await dialog().getByText('its data is damaged').waitFor();
    await lookAt(page, 'navigation-link-error');
    await closeDialog();
  });

  test('a newer link replaces an open preview, whose staging is dropped', { skip }, async () => {
    const first = await harness.core.staging.link(MIGRATION, 'the opened link');
    harness.core.shell.navigate({ screen: 'add', preview: first });
    await previewRows(dialog()).first().waitFor();
    const second = await harness.core.staging.link(MOZILLA, 'the opened link');
    harness.core.shell.navigate({ screen: 'add', preview: second });
    await dialog().getByText('Nothing new to add').waitFor();
    await assert.rejects(harness.core.staging.commit(first.id), /expired or the vault was locked/, 'the replaced preview is forgotten in main');
    await closeDialog();
  });

  test('a notification for a request: Approvals, that request in view with its number field focused', { skip }, async () => {
    const profile = await harness.core.profiles.create({ name: 'Office NAS', provider: 'truenas', url: 'wss://nas.example.test', username: 'admin', secret: 'not used' });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /^Approvals/ }).click();
    await heading('Approvals').waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /^Codes/ }).click();
    const now = Date.now();
    const approvals = ['Sign in to the console', 'Change the payout account', 'Add an API key'].map((action, i) => ({
      id: `nav-${i}`, profileId: profile.id, profileName: profile.name, provider: 'weavr', account: 'alice@example.com',
      action, origin: '198.51.100.23', createdAt: now, expiresAt: now + 300_000, numberDigits: 3, burst: false, collapsed: [],
    }));
    await harness.emit('authdesk:approvals.onEvent', { type: 'challenge', approval: approvals[2], view: { pending: approvals, held: [] } });
    harness.core.shell.navigate({ screen: 'approvals', challengeId: 'nav-2' });
    await heading('Approvals').waitFor();
    await page.waitForFunction(() => document.activeElement?.closest('[data-challenge]')?.getAttribute('data-challenge') === 'nav-2');
    assert.equal(await page.evaluate(() => document.activeElement?.hasAttribute('data-challenge-number')), true, 'the number field, ready to type');
    await page.keyboard.type('12');
    assert.equal(await page.getByRole('list', { name: 'Pending requests' }).getByRole('article').filter({ hasText: 'API key' }).getByLabel('Number on the requesting screen').inputValue(), '12');

    harness.core.shell.navigate({ screen: 'approvals', challengeId: 'answered-elsewhere' });
    await page.getByRole('status').getByText('That sign-in request is no longer waiting: it was answered or it expired.').waitFor();
    await harness.emit('authdesk:approvals.onEvent', { type: 'resolved', result: { id: 'nav-0', status: 'EXPIRED', reason: null, flagged: false, profileId: profile.id, decidedHere: false }, view: { pending: [], held: [] } });
  });

  test('a notification for a session: Sessions, that profile’s row focused', { skip }, async () => {
    for (const name of ['Backup NAS', 'Lab NAS', 'Media NAS']) {
      await harness.core.profiles.create({ name, provider: 'truenas', url: 'wss://nas.example.test', username: 'admin', secret: 'not used' });
    }
    const lab = harness.core.profiles.list().find((p) => p.name === 'Lab NAS');
    assert.ok(lab);
    harness.core.shell.navigate({ screen: 'sessions', profileId: lab.id });
    await heading('Sessions').waitFor();
    await page.waitForFunction(() => document.activeElement?.textContent?.trim() === 'Lab NAS');
    harness.core.shell.navigate({ screen: 'sessions', profileId: 'removed-profile' });
    await page.getByRole('status').getByText('That profile is no longer there: it was removed.').waitFor();
  });

  test('a request made while the window was loading is taken when it loads, once', { skip }, async () => {
    // The app's window is not there yet (it is loading), as when a link starts the app.
    await page.goto('about:blank');
    const preview = await harness.core.staging.link(GITHUB, 'the opened link');
    harness.core.shell.navigate({ screen: 'add', preview });
    await page.goto(harness.appUrl);
    await dialog().getByRole('heading', { name: 'Check before adding' }).waitFor();
    await closeDialog();
    await page.reload();
    await heading('Codes').waitFor();
    assert.equal(await dialog().count(), 0, 'taken once');
  });

  test('Scan the screen (the Add account menu, by keyboard): the codes on the screens, previewed', { skip }, async () => {
    harness.screens.shows = [await readFile(join(import.meta.dirname, '../fixtures/qr/screenshot-three.png'))];
    const add = page.getByRole('button', { name: 'Add account' }).first();
    await add.focus();
    await page.keyboard.press('ArrowDown');
    await page.getByRole('menuitem', { name: 'Paste or type a link…' }).waitFor();
    while (!(await page.getByRole('menuitem', { name: 'Scan the screen' }).evaluate((item) => item === document.activeElement))) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await dialog().getByRole('heading', { name: 'Check before adding' }).waitFor();
    assert.deepEqual(await listed(), ['GitHub', 'Mozilla', 'Tinyco']);
    await dialog().getByRole('button', { name: 'Back' }).click();
    harness.screens.shows = [];
    await dialog().getByRole('tab', { name: 'Screen' }).click();
    await dialog().getByRole('button', { name: 'Scan the screen' }).click();
    await dialog().getByText('could not capture any screen').waitFor();
    await lookAt(page, 'add-screen-tab');
    await closeDialog();
  });
});
