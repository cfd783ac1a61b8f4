// Runs in: tests.
//
// The tray as it ships (dist/main/index.js), against the recording stand-in of Electron and
// the sandbox's services over real loopback sockets: the icon each platform expects, a menu
// that follows the real vault, sessions and approvals, what its items do, and that Electron's
// menu is built again only when what it shows changed.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { setImmediate as tick } from 'node:timers/promises';
import type { AccountCode } from '../../../electron/core/accounts/codes.ts';
import type { ProfileView, Question, StagedPreview } from '../../../electron/core/api/types.ts';
import { TRAY_ICONS_DIR, trayIconFile } from '../../../electron/main/tray/tray-icon.ts';
import { startSandbox } from '../../sandbox/index.ts';
import { bootMain, DIST_DIR } from '../../support/electron/boot.ts';
import { FakeImage, standin } from '../../support/electron/standin.ts';
import { PNG } from '../../support/png.ts';
import { eventually } from '../../support/sessions-core.ts';
import { PASSWORD } from '../../support/vault.ts';

const APP_URL = 'app://authdesk/index.html';

const sandbox = await startSandbox();
after(() => sandbox.close());
const admin = sandbox.users.find((u) => u.provider === 'truenas' && u.username === 'admin');
const alice = sandbox.users.find((u) => u.provider === 'weavr' && u.username === 'alice@example.com');
assert.ok(admin?.otpauth && alice);

const main = await bootMain(after);
const beforeReady = [...standin.calls];
await main.ready();
const tray = standin.trays[0];

/** An IPC call from the window's own page that must succeed: its value. */
async function value<T>(channel: string, input?: unknown): Promise<T> {
  const result = (await standin.invoke(`authdesk:${channel}`, APP_URL, ...(input === undefined ? [] : [input]))) as { ok: boolean; value?: T; error?: { code: string } };
  assert.ok(result.ok, `${channel}: ${result.error?.code}`);
  return result.value as T;
}

const menu = () => {
  assert.ok(tray?.contextMenu, 'the tray has a menu');
  return tray.contextMenu;
};
const labels = () => JSON.stringify(menu().outline());

test('the tray is created once the app is ready, with the Linux icon at 1x and 2x, and says there is no vault yet', async () => {
  assert.ok(!beforeReady.some((call) => call.api === 'new Tray'));
  assert.equal(standin.trays.length, 1);
  assert.ok(tray?.image instanceof FakeImage);
  assert.equal(tray.image.template, false);
  assert.deepEqual([...tray.image.representations].map(([scale, { width, height }]) => [scale, width, height]), [[1, 24, 24], [2, 48, 48]]);
  // Whether a vault file exists is read from the disk.
  await eventually(() => labels().includes('Set up Authdesk…'));
  assert.deepEqual(menu().outline(), ['Set up Authdesk…', '---', 'Open Authdesk', 'Quit Authdesk']);
  assert.equal(tray.tooltip, 'Authdesk');
});

test('each platform gets the icon form it expects: a black template image on macOS, colour on Windows and Linux, each with @2x', async () => {
  const read = async (file: string) => PNG.sync.read(await readFile(join(DIST_DIR, 'main', TRAY_ICONS_DIR, file)));
  const forms = { darwin: [16, true], win32: [16, false], linux: [24, false] } as const;
  for (const [platform, [size, template]] of Object.entries(forms)) {
    const { file, template: isTemplate } = trayIconFile(platform as NodeJS.Platform);
    assert.equal(isTemplate, template, platform);
    assert.equal(/Template\.png$/.test(file), template, `${platform}: macOS tints only files named …Template`);
    const [base, double] = await Promise.all([read(file), read(file.replace('.png', '@2x.png'))]);
    assert.deepEqual([base.width, base.height, double.width, double.height], [size, size, size * 2, size * 2], platform);
    for (const image of [base, double]) {
      const colours = new Set<string>();
      for (let at = 0; at < image.data.length; at += 4) if (image.data[at + 3]! > 0) colours.add(image.data.subarray(at, at + 3).join(','));
      if (template) assert.deepEqual([...colours], ['0,0,0'], `${platform}: black and alpha only`);
      else assert.ok(colours.size > 1, `${platform}: in colour`);
    }
  }
});

let favouriteId = '';
let plainId = '';
test('unlocked, the menu lists the favourites to copy; a click puts the code on the clipboard, and no label shows a code', async () => {
  await value('vault.create', { password: PASSWORD });
  const staged = await value<StagedPreview>('transfer.stageLink', { text: `${admin.otpauth}\notpauth://totp/Plain:bob?secret=JBSWY3DPEHPK3PXP&issuer=Plain` });
  await value('transfer.commitStaged', { id: staged.id });
  const accounts = await value<{ id: string; issuer: string }[]>('accounts.list');
  favouriteId = accounts.find((a) => a.issuer === 'TrueNAS sandbox')?.id ?? '';
  plainId = accounts.find((a) => a.issuer === 'Plain')?.id ?? '';
  await value('accounts.edit', { id: favouriteId, patch: { favourite: true } });
  assert.deepEqual(menu().outline(), ['Copy a code', 'TrueNAS sandbox · admin', '---', 'Approvals (none pending)', '---', 'Lock now', 'Open Authdesk', 'Quit Authdesk']);

  menu().item('TrueNAS sandbox · admin').click();
  await eventually(() => /^\d{6}$/.test(standin.clipboard.text));
  const codes = await value<AccountCode[]>('codes.list');
  const code = codes.find((c) => c.id === favouriteId)?.code;
  assert.equal(standin.clipboard.text, code);
  assert.ok(!codes.some((c) => c.code && labels().includes(c.code)), 'no code in the menu');
});

test('Electron’s menu is built again only when what it shows changes, not for a change it does not show', async () => {
  const built = tray?.menusSet.length ?? 0;
  await value('accounts.edit', { id: plainId, patch: { label: 'robert' } });
  await value('settings.update', { clipboardClearSeconds: 45 });
  await value('codes.list');
  assert.equal(tray?.menusSet.length, built, 'nothing the menu shows changed');
  await value('accounts.edit', { id: favouriteId, patch: { label: 'root' } });
  assert.equal(tray?.menusSet.length, built + 1);
  assert.ok(labels().includes('TrueNAS sandbox · root'));
});

const createProfile = (input: Record<string, unknown>) => value<ProfileView>('profiles.create', { provider: 'truenas', url: sandbox.urls.truenas, username: 'admin', secret: admin.password, ...input });

test('quick login: the linked account answers the code step, the menu shows the session, and Log out ends it', async () => {
  await createProfile({ name: 'nas', otpAccountId: favouriteId });
  const shownBefore = standin.called('browserWindow.show').length;
  menu().item('Log in to nas').click();
  // A code with under 3 s left is not sent: the login may wait for the next one (core/app/linked-otp.ts).
  await eventually(() => labels().includes('nas: logged in'), 5000);
  assert.equal(standin.called('browserWindow.show').length, shownBefore, 'nothing to ask: the window stays where it is');
  assert.match(menu().item('nas: logged in').submenu?.items[0]?.label ?? '', /^Logged in as Sandbox Administrator until \d\d:\d\d/);
  menu().item('Log out').click();
  await eventually(() => labels().includes('Log in to nas'));
});

test('closing the window keeps the app in the tray; a login that needs a code opens the window on the question, which names the profile', async () => {
  assert.ok(standin.windows[0]?.close());
  assert.equal(standin.called('app.quit').length, 0);
  await createProfile({ name: 'ask' });
  menu().item('Log in to ask').click();
  await eventually(() => standin.mainWindows().length === 2);
  const window = standin.mainWindows()[1];
  await tick();
  assert.equal(window?.shown, true);
  const [question] = await value<Question[]>('prompts.pending');
  assert.equal(question?.subject, 'TrueNAS (ask)');
  assert.ok(labels().includes('ask: waiting for a code…'));
  await value('prompts.answer', { id: question?.id, answer: null });
  await eventually(() => !labels().includes('ask: waiting'));
});

test('a login the service refuses brings the window forward on that profile', async () => {
  const wrong = await createProfile({ name: 'wrong', secret: 'not-the-password' });
  const window = standin.windows.at(-1);
  window!.focused = false;
  menu().item('Log in to wrong').click();
  await eventually(() => window?.contents.sent.some((sent) => sent.channel === 'authdesk:shell.onNavigation') === true);
  assert.equal(window?.focused, true);
  assert.deepEqual(await value('shell.takeNavigation'), { screen: 'sessions', profileId: wrong.id });
  assert.ok(labels().includes('Log in to wrong again (last try failed)'));
});

test('a Weavr session lists its identities as radio items; picking one switches the session', async () => {
  const money = await createProfile({ name: 'money', provider: 'weavr', url: sandbox.urls.weavr, username: alice.username, secret: alice.password, programmeKey: sandbox.seed.weavr.apiKey });
  menu().item('Log in to money').click();
  await eventually(() => labels().includes('Act as'));
  const session = () => menu().item('money: logged in').submenu!;
  const radios = session().items.filter((item) => item.type === 'radio');
  assert.ok(radios.length > 1);
  assert.equal(radios.filter((item) => item.checked).length, 1);
  const ticked = () => session().items.filter((item) => item.type === 'radio' && item.checked).map((item) => item.label);
  const current = ticked();
  const other = radios.find((item) => !item.checked)!;
  // Weavr refuses the switch once: Electron ticked the item as it was clicked, and the menu
  // is built again with the identity the session still acts as; the window shows the profile.
  sandbox.faults.add({ route: '/multi/access_token', kind: 'status', status: 503, times: 1 });
  const built = tray!.menusSet.length;
  other.click();
  assert.deepEqual(ticked(), [other.label], 'Electron ticks a radio item as it is clicked');
  await eventually(() => tray!.menusSet.length > built);
  assert.deepEqual(ticked(), current);
  assert.deepEqual(await value('shell.takeNavigation'), { screen: 'sessions', profileId: money.id });

  const rebuilt = tray!.menusSet.length;
  session().items.find((item) => item.label === other.label)!.click();
  await eventually(() => session().items[0]!.label.startsWith(`Logged in as ${other.label}`));
  assert.deepEqual(ticked(), [other.label]);
  // The switch is saved in the profile before it settles: wait for it, so the vault stays open until then.
  await eventually(() => tray!.menusSet.length >= rebuilt + 2);
});

test('Approvals opens the window on the approvals screen', async () => {
  menu().item('Approvals (none pending)').click();
  await tick();
  assert.deepEqual(await value('shell.takeNavigation'), { screen: 'approvals' });
});

test('the icon’s click (the panel’s activation on Linux) opens the window again', () => {
  const open = standin.windows.filter((window) => !window.closed);
  for (const window of open) window.close();
  tray?.click();
  assert.equal(standin.windows.filter((window) => !window.closed).length, 1);
});

test('locking takes every account, profile and approval out of the menu at once', () => {
  standin.powerMonitor.emit('lock-screen');
  assert.deepEqual(menu().outline(), ['Unlock…', '---', 'Open Authdesk', 'Quit Authdesk']);
  assert.equal(tray?.tooltip, 'Authdesk (locked)');
});

test('Quit quits', () => {
  menu().item('Quit Authdesk').click();
  assert.equal(standin.called('app.quit').length, 1);
});
