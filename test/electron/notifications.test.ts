// Runs in: tests (Node, driving real Electron). A push challenge from the sandbox becomes a
// real system notification, and a click on it brings the window forward on the Approvals
// screen. Playwright cannot click the desktop's own banner, so the test records the
// Notifications main shows (wrapping Notification.prototype.show in the main process: each is
// still shown) and emits the 'click' Electron emits when the person clicks one. Where no
// Electron binary exists each test skips with the reason (app.test.ts).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { ElectronApplication, Page } from 'playwright-core';
import { startSandbox, type Sandbox } from '../sandbox/index.ts';
import { closeAuthdesk, launchAuthdesk, skip } from './launch.ts';

const PASSWORD = 'plum orbit lantern 42';
const ALICE = 'weavr:alice@example.com';
const PROFILE = 'Weavr (Alice)';
const ACTION = 'Sign in to the Weavr portal';
const ORIGIN = '198.51.100.23';

type Shown = { title: string; body: string };

async function until<T>(probe: () => Promise<T | undefined>, what: string): Promise<T> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('notifications in real Electron', () => {
  let app: ElectronApplication | undefined;
  let page: Page;
  let sandbox: Sandbox | undefined;

  before(async () => {
    if (skip) return;
    sandbox = await startSandbox();
    ({ app, page } = await launchAuthdesk());
  });

  after(async () => {
    await closeAuthdesk();
    await sandbox?.close();
  });

  test('a push challenge is a system notification; clicking it brings the window forward on the Approvals screen', { skip }, async (t) => {
    assert.ok(app && sandbox);
    if (!(await app.evaluate(({ Notification }) => Notification.isSupported()))) {
      t.skip('this desktop shows no notifications (Notification.isSupported() is false)');
      return;
    }
    await app.evaluate(({ Notification }) => {
      const shown: Electron.Notification[] = [];
      Object.assign(globalThis, { authdeskShown: shown });
      const show = Notification.prototype.show;
      Notification.prototype.show = function (this: Electron.Notification) {
        shown.push(this);
        show.call(this);
      };
    });

    assert.equal((await page.evaluate((password) => window.authdesk.vault.create({ password }), PASSWORD)).ok, true);
    const alice = sandbox.users.find((u) => u.provider === 'weavr' && u.username === 'alice@example.com');
    assert.ok(alice);
    const input = { name: PROFILE, provider: 'weavr' as const, url: sandbox.urls.weavr, username: alice.username, secret: alice.password, programmeKey: sandbox.seed.weavr.apiKey };
    const created = await page.evaluate((profile) => window.authdesk.profiles.create(profile), input);
    assert.ok(created.ok);
    const issued = await fetch(`${sandbox.urls.approvals}/pairings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${sandbox.seed.approvals.serviceKey}` },
      body: JSON.stringify({ account: ALICE }),
    });
    const { link } = (await issued.json()) as { link: string };
    assert.equal((await page.evaluate((request) => window.authdesk.devices.enrol(request), { profileId: created.value.id, pairing: link })).ok, true);
    await until(async () => {
      const enrolments = await page.evaluate(() => window.authdesk.devices.enrolments());
      return enrolments.ok && enrolments.value.some((e) => e.stream === 'connected') ? true : undefined;
    }, 'the challenge stream');

    // The window is somewhere else, and minimised, when the request arrives.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /^Codes/ }).click();
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.minimize());
    assert.ok(sandbox.approvals.create({ account: ALICE, provider: 'weavr', ref: 'electron-notifications', action: ACTION, origin: ORIGIN }, () => undefined));
    const shown = await until(
      () => app!.evaluate(() => ((globalThis as unknown as { authdeskShown: Shown[] }).authdeskShown.map(({ title, body }) => ({ title, body }))[0])),
      'the notification',
    );
    assert.deepEqual(shown, { title: 'Approval request', body: `${PROFILE}: ${ACTION}, from ${ORIGIN}.` });

    await app.evaluate(() => (globalThis as unknown as { authdeskShown: Electron.Notification[] }).authdeskShown[0]?.emit('click', {}));
    await page.getByRole('heading', { level: 1, name: 'Approvals', exact: true }).waitFor();
    assert.equal(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.isMinimized()), false, 'the window came forward');
  });
});
