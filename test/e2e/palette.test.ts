// Runs in: tests (Node, driving Chromium). The quick-search palette's page (palette.html) with
// the real core behind it: letters typed find the best match, Enter puts its code on the
// clipboard through main's copy and dismisses the palette, the arrows choose another, a
// profile's Enter starts its login, Esc dismisses, main's "shown" clears and focuses the
// search, and a locked vault says so with Enter opening the main window. Screenshots of the
// palette in both themes, each checked with axe.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { SessionEvent } from '../../electron/core/api/types.ts';
import { assertNoAxeViolations } from './support/axe.ts';
import { chromiumSkipReason } from './support/chromium.ts';
import { seedVault, totp } from './support/codes-seed.ts';
import { startHarness, type Harness } from './support/harness.ts';
import { until } from './support/until.ts';

const skip = chromiumSkipReason();
const PASSWORD = 'plum orbit lantern 42';
const ARTIFACTS = join(import.meta.dirname, 'artifacts');

async function shoot(page: Page, name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: join(ARTIFACTS, `${name}-${scheme}.png`) });
    await assertNoAxeViolations(page, `${name} (${scheme})`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

describe('the quick-search palette', () => {
  let harness: Harness;
  let page: Page;
  let dismissed = 0;
  let openedWindow = 0;
  const sessionEvents: SessionEvent[] = [];

  const search = () => page.getByRole('combobox', { name: 'Search accounts and profiles' });
  const options = () => page.getByRole('listbox', { name: 'Matches' }).getByRole('option');
  const selected = () => page.getByRole('option', { selected: true });
  /** The rows' names, as a person reads them down the list. */
  const titles = () => options().locator('.title').allInnerTexts();
  const selectedTitle = () => selected().locator('.title').innerText();
  const idOf = (issuer: string, label: string) => harness.core.accounts.list().find((a) => a.issuer === issuer && a.label === label)?.id ?? '';
  /** Main's answer to the shortcut: the palette shown (electron/main/palette/index.ts). */
  const shown = () => harness.emit('authdesk:palette.onShow', undefined);

  before(async () => {
    if (skip) return;
    harness = await startHarness();
    await seedVault(
      harness.core,
      PASSWORD,
      [totp('Quayio', 'ops@example.com'), totp('GitHub', 'me@quay.dev', { favourite: true }), totp('Myquay', 'backup'), totp('Stripe', 'billing', { groups: ['Payments'] })],
      200,
    );
    await harness.core.profiles.create({ name: 'Quay NAS', provider: 'truenas', url: 'ws://127.0.0.1:9/api/current', username: 'admin', secret: 'not used' });
    harness.core.shell.onPaletteDismiss(() => dismissed++);
    harness.core.palette.onOpenWindow(() => openedWindow++);
    harness.core.sessions.onState((event) => sessionEvents.push(event));
    page = await harness.context.newPage();
    await page.setViewportSize({ width: 600, height: 400 });
    await page.goto(new URL('palette.html', harness.appUrl).href);
    await search().waitFor();
  });

  after(async () => {
    await harness?.close();
  });

  test('the search has focus, and with nothing typed the favourites come first', { skip }, async () => {
    assert.equal(await search().evaluate((input) => input === document.activeElement), true);
    assert.equal((await titles())[0], 'GitHub');
    assert.match(await options().first().innerText(), /me@quay\.dev\s+Favourite/);
    assert.equal(await options().count(), 50, 'a glance’s worth, not all 200');
  });

  test('a few letters and Enter: the best match’s code is on the clipboard, through main, and the palette is dismissed', { skip }, async () => {
    await search().pressSequentially('qua');
    assert.deepEqual(await titles(), ['Quayio', 'Quay NAS', 'GitHub', 'Myquay'], 'prefix (an account, then a profile), then word start, then inside a word');
    assert.equal(await selectedTitle(), 'Quayio');
    const before = dismissed;
    await search().press('Enter');
    await until(() => dismissed === before + 1, 'the palette was dismissed');
    assert.equal(harness.clipboard.text, harness.core.codes.current(idOf('Quayio', 'ops@example.com')));
    assert.match(harness.clipboard.text, /^\d{6}$/);
    assert.equal(await search().inputValue(), '', 'ready for next time');
  });

  test('the arrows choose another match; Enter copies that one', { skip }, async () => {
    await search().fill('quay');
    await search().press('ArrowDown');
    await search().press('ArrowDown');
    assert.equal(await selectedTitle(), 'GitHub');
    assert.equal(await search().getAttribute('aria-activedescendant'), await selected().getAttribute('id'));
    await search().press('ArrowUp');
    await search().press('ArrowDown');
    const before = dismissed;
    await search().press('Enter');
    await until(() => dismissed === before + 1, 'the palette was dismissed');
    assert.equal(harness.clipboard.text, harness.core.codes.current(idOf('GitHub', 'me@quay.dev')));
  });

  test('a group name finds its accounts; nothing found says so', { skip }, async () => {
    await search().fill('payments');
    assert.deepEqual(await titles(), ['Stripe']);
    await search().fill('zzzz');
    await page.getByText('Nothing matches').waitFor();
  });

  test('Enter on a profile starts its login and dismisses the palette', { skip }, async () => {
    const profileId = harness.core.profiles.list().find((p) => p.name === 'Quay NAS')?.id;
    await search().fill('nas');
    assert.equal(await selectedTitle(), 'Quay NAS');
    assert.match(await selected().innerText(), /TrueNAS · admin/);
    const before = dismissed;
    await search().press('Enter');
    await until(() => dismissed === before + 1, 'the palette was dismissed');
    await until(() => sessionEvents.some((event) => event.profileId === profileId && event.state === 'logging-in'), 'the login started');
  });

  test('Esc dismisses; main showing the palette again clears the search and focuses it', { skip }, async () => {
    await search().fill('strip');
    const before = dismissed;
    await page.keyboard.press('Escape');
    await until(() => dismissed === before + 1, 'Esc dismissed the palette');

    await search().fill('left over');
    await page.locator('body').click({ position: { x: 590, y: 390 } });
    await shown();
    await page.waitForFunction(() => document.activeElement?.id === 'palette-search');
    assert.equal(await search().inputValue(), '');
  });

  test('screenshots of the palette with matches, in both themes, pass axe', { skip }, async () => {
    await search().fill('qu');
    await search().press('ArrowDown');
    await shoot(page, 'palette-results');
  });

  test('locked: the palette says so, forgets the accounts, and Enter opens the main window; Esc still dismisses', { skip }, async () => {
    await harness.core.vault.lock();
    await page.getByRole('heading', { name: 'The vault is locked' }).waitFor();
    assert.equal(await search().count(), 0);
    assert.equal(await page.getByText('Quayio').count(), 0);
    await shown();
    await page.waitForFunction(() => document.activeElement?.textContent === 'Open Authdesk');
    await shoot(page, 'palette-locked');
    const before = openedWindow;
    await page.keyboard.press('Enter');
    await until(() => openedWindow === before + 1, 'Enter asked for the main window');
    const dismissedBefore = dismissed;
    await page.keyboard.press('Escape');
    await until(() => dismissed === dismissedBefore + 1, 'Esc dismissed the palette');

    await harness.core.vault.unlockWithPassword(PASSWORD);
    await search().waitFor();
    await search().fill('myq');
    assert.equal(await selectedTitle(), 'Myquay');
  });
});
