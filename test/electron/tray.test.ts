// Runs in: tests (Node, driving real Electron). The tray in the real app, through Playwright's
// Electron support: the icons load as Electron reads them, the menu follows the vault, its
// items copy a code, lock the vault and open the window, and closing the window keeps the app
// in the tray. Where no Electron binary exists each test skips with the reason (see app.test.ts).
//
// Note (reaching the menu): Electron lists no trays, so once the app runs the test wraps
// Menu.buildFromTemplate in the main process and keeps each menu built after that; main calls
// it through the same Menu object. The tray builds its menu again whenever what it shows
// changes, so creating the vault is enough to catch one.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { ElectronApplication, Page } from 'playwright-core';
import { TRAY_ICONS_DIR, trayIconFile } from '../../electron/main/tray/tray-icon.ts';
import { closeAuthdesk, launchAuthdesk, root, skip } from './launch.ts';
const PASSWORD = 'correct horse battery staple';
const LINK = 'otpauth://totp/GitHub:alice?secret=JBSWY3DPEHPK3PXP&issuer=GitHub';

type Captured = typeof globalThis & { __trayMenus?: Electron.Menu[] };

describe('the tray in real Electron', () => {
  let app: ElectronApplication | undefined;
  let page: Page;

  before(async () => {
    if (skip) return;
    ({ app, page } = await launchAuthdesk());
    await app.evaluate(({ Menu }) => {
      const captured = globalThis as Captured;
      captured.__trayMenus = [];
      const build = Menu.buildFromTemplate.bind(Menu);
      Menu.buildFromTemplate = (template) => {
        const menu = build(template);
        captured.__trayMenus?.push(menu);
        return menu;
      };
    });
  });

  after(closeAuthdesk);

  /** The labels of the tray's latest menu, top level. */
  const labels = () => app!.evaluate(() => ((globalThis as Captured).__trayMenus?.at(-1)?.items ?? []).map((item) => (item.type === 'separator' ? '---' : item.label)));
  /** Clicks the latest menu's top-level item with this label, as Electron does when it is picked. */
  const click = (label: string) =>
    app!.evaluate((_electron, wanted) => {
      const item = (globalThis as Captured).__trayMenus?.at(-1)?.items.find((candidate) => candidate.label === wanted);
      if (!item) throw new Error(`no tray item ${wanted}`);
      item.click();
    }, label);

  test('the tray icon of this platform, and its @2x, load as Electron reads images', { skip }, async () => {
    const { file, template } = trayIconFile(process.platform);
    const path = join(root, 'dist', 'main', TRAY_ICONS_DIR, file);
    const image = await app!.evaluate(({ nativeImage }, iconPath) => {
      const loaded = nativeImage.createFromPath(iconPath);
      return { empty: loaded.isEmpty(), scales: loaded.getScaleFactors() };
    }, path);
    assert.equal(image.empty, false);
    assert.ok(image.scales.includes(1) && image.scales.includes(2), `scales ${image.scales.join(', ')}`);
    assert.equal(template, process.platform === 'darwin');
  });

  test('once the vault exists and a favourite is added, the menu lists it; its item copies the code', { skip }, async () => {
    await page.evaluate((password) => window.authdesk.vault.create({ password }), PASSWORD);
    const staged = await page.evaluate((link) => window.authdesk.transfer.stageLink({ text: link }), LINK);
    assert.ok(staged.ok);
    await page.evaluate((id) => window.authdesk.transfer.commitStaged({ id }), staged.value.id);
    const listed = await page.evaluate(() => window.authdesk.accounts.list());
    assert.ok(listed.ok);
    const account = listed.value[0]!;
    await page.evaluate((id) => window.authdesk.accounts.edit({ id, patch: { favourite: true } }), account.id);
    assert.ok((await labels()).includes('GitHub · alice'));
    await click('GitHub · alice');
    const codes = await page.evaluate(() => window.authdesk.codes.list());
    assert.ok(codes.ok);
    const copied = await app!.evaluate(({ clipboard }) => clipboard.readText());
    assert.equal(copied, codes.value.find((code) => code.id === account.id)?.code);
  });

  test('Lock now locks the vault and takes the accounts out of the menu', { skip }, async () => {
    await click('Lock now');
    const status = await page.evaluate(() => window.authdesk.vault.status());
    assert.ok(status.ok);
    assert.equal(status.value.state, 'locked');
    assert.deepEqual(await labels(), ['Unlock…', '---', 'Open Authdesk', 'Quit Authdesk']);
  });

  test('closing the window keeps the app in the tray on Linux and Windows; Open Authdesk opens it again', { skip: skip || (process.platform === 'darwin' && 'macOS keeps apps without windows running anyway') }, async () => {
    await app!.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.close());
    await page.waitForEvent('close');
    assert.equal(await app!.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length), 0, 'still running, no window');
    const reopened = app!.waitForEvent('window');
    await click('Open Authdesk');
    page = await reopened;
    await page.getByRole('heading', { name: 'Your vault is locked' }).waitFor();
  });
});
