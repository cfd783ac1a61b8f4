// Runs in: tests.
//
// Notifications in the app as it ships (dist/main/index.js) against the recording stand-in of
// Electron, from a real core path: this computer is enrolled for a Weavr profile at the sandbox
// over real sockets, the sandbox raises a push challenge, and main shows it with Electron's
// Notification. Clicking it brings the window forward and the window is told where to go.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { EnrolmentView } from '../../../electron/core/api/types.ts';
import { startSandbox } from '../../sandbox/index.ts';
import { bootMain, DIST_DIR } from '../../support/electron/boot.ts';
import { standin } from '../../support/electron/standin.ts';
import { createTestCore } from '../../support/core.ts';
import { PASSWORD } from '../../support/vault.ts';

const APP_URL = 'app://authdesk/index.html';
const ALICE = 'weavr:alice@example.com';
const ACTION = 'Sign in to the Weavr portal';
const ORIGIN = '198.51.100.23';

const main = await bootMain(after);
await main.ready();
const sandbox = await startSandbox();
after(() => sandbox.close());

// A vault with a Weavr profile, written where main looks for it, before main opens it.
const seeded = createTestCore(join(main.userData, 'vault.authdesk'));
await seeded.core.vault.create(PASSWORD);
const alice = sandbox.users.find((u) => u.provider === 'weavr' && u.username === 'alice@example.com');
assert.ok(alice);
const profile = await seeded.core.profiles.create({ name: 'Weavr (Alice)', provider: 'weavr', url: sandbox.urls.weavr, username: alice.username, secret: alice.password, programmeKey: sandbox.seed.weavr.apiKey });
seeded.core.dispose();

/** The challenge the sandbox raised (first test), which the click must open. */
let raised = '';

async function until<T>(probe: () => T | undefined | Promise<T | undefined>, what: string): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function ok<T>(channel: string, input?: unknown): Promise<T> {
  const result = (await standin.invoke(`authdesk:${channel}`, APP_URL, input)) as { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
  return result.value;
}

test('a push challenge is shown as a notification with who asks, for what and from where, and no number', async () => {
  assert.equal(standin.called('Notification.isSupported').length, 1, 'main asked whether the OS shows notifications');
  await ok('vault.unlock', { password: PASSWORD });
  const issued = await fetch(`${sandbox.urls.approvals}/pairings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${sandbox.seed.approvals.serviceKey}` },
    body: JSON.stringify({ account: ALICE }),
  });
  const { link } = (await issued.json()) as { link: string };
  await ok('devices.enrol', { profileId: profile.id, pairing: link });
  await until(async () => (await ok<EnrolmentView[]>('devices.enrolments')).find((e) => e.stream === 'connected'), 'the challenge stream');

  const challenge = sandbox.approvals.create({ account: ALICE, provider: 'weavr', ref: 'main-notifications', action: ACTION, origin: ORIGIN }, () => undefined);
  assert.ok(challenge);
  raised = challenge.id;
  const shown = await until(() => standin.notifications.find((n) => n.options.title === 'Approval request'), 'the notification');
  // On Linux the notification carries the app's icon; macOS and Windows show the app's own.
  const icon = join(DIST_DIR, 'main', 'app-icon.png');
  assert.deepEqual(shown.options, { title: 'Approval request', body: `Weavr (Alice): ${ACTION}, from ${ORIGIN}.`, icon });
  assert.ok(existsSync(icon));
  assert.equal(shown.shown, true, 'main showed it (a new Notification alone shows nothing)');
  assert.ok(!JSON.stringify(standin.notifications.map((n) => n.options)).includes(challenge.number), 'the number to type is not in any notification');
});

test('clicking it brings the minimised window forward and the window is told to open the challenge', async () => {
  const shown = standin.notifications.find((n) => n.options.title === 'Approval request');
  assert.ok(shown);
  const [window] = standin.windows;
  assert.ok(window);
  window.minimized = true;
  window.focused = false;
  const sentBefore = window.contents.sent.length;

  shown.click();
  assert.equal(window.minimized, false, 'restored');
  assert.equal(window.focused, true, 'focused');
  assert.equal(standin.mainWindows().length, 1, 'the same window, not a second one');
  assert.ok(window.contents.sent.slice(sentBefore).some((sent) => sent.channel === 'authdesk:shell.onNavigation'), 'the window hears a navigation waits');
  assert.deepEqual(await ok('shell.takeNavigation'), { screen: 'approvals', challengeId: raised }, 'the Approvals screen, on the challenge');
  assert.equal(await ok('shell.takeNavigation'), null, 'taken once');
});

test('locking the vault takes every notice still shown off the screen', async () => {
  const challenge = sandbox.approvals.create({ account: ALICE, provider: 'weavr', ref: 'main-notifications-lock', action: 'Change the payout account', origin: ORIGIN }, () => undefined);
  assert.ok(challenge);
  const shown = await until(() => standin.notifications.find((n) => n.options.body?.includes('Change the payout account')), 'the second notification');
  assert.equal(shown.closed, false);
  await ok('vault.lock');
  assert.equal(shown.closed, true, 'who asked for what, and from where, leaves the screen with the lock');
});
