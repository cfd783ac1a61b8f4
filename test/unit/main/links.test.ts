// Runs in: tests.
//
// otpauth:// and otpauth-migration:// links in the app as it ships (dist/main/index.js) against
// the recording stand-in of Electron: Authdesk registers for both schemes, and a link from its
// own launch, from a second launch or from macOS's 'open-url' brings the window forward on the
// add preview, staged in main and saved only when the person confirms. While the vault is
// locked the link waits and is staged right after the unlock.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { bootMain } from '../../support/electron/boot.ts';
import { standin } from '../../support/electron/standin.ts';
import { PASSWORD } from '../../support/vault.ts';
import { GITHUB, MIGRATION, MOZILLA } from '../../fixtures/qr/links.ts';

const APP_URL = 'app://authdesk/index.html';

// The first launch was itself a click on a link: the OS put it after Chromium's own switches.
process.argv.push('--enable-logging', GITHUB);
const main = await bootMain(after);
await main.ready();

interface Answer<T> {
  readonly ok: boolean;
  readonly value?: T;
  readonly error?: { code: string; message: string };
}
type Navigation = { screen: 'add'; preview?: { id: string; source: string; items: { issuer: string; duplicate: boolean }[] }; problem?: { code: string; message: string } } | null;

const invoke = <T,>(channel: string, input?: unknown) => standin.invoke(`authdesk:${channel}`, APP_URL, input) as Promise<Answer<T>>;
const window = () => standin.mainWindows().at(-1);
const navigationsSent = () => window()?.contents.sent.filter((sent) => sent.channel === 'authdesk:shell.onNavigation').length ?? 0;

/** The window takes what main asked it to show (as renderer/src/lib/nav/navigation.svelte.ts does). */
async function takeNavigation(): Promise<Navigation> {
  return (await invoke<Navigation>('shell.takeNavigation')).value ?? null;
}

/** Waits until main has asked the window to take a navigation n times in all. */
async function navigationAsked(n: number): Promise<void> {
  for (let tries = 0; navigationsSent() < n; tries++) {
    if (tries > 200) assert.fail(`main asked the window to navigate ${navigationsSent()} times, not ${n}`);
    await sleep(10);
  }
}

test('Authdesk registers as the handler of otpauth:// and otpauth-migration:// links', () => {
  const registered = standin.called('app.setAsDefaultProtocolClient').map((call) => call.args[0]);
  assert.deepEqual(registered.sort(), ['otpauth', 'otpauth-migration']);
});

test('the link that started the app waits while the vault is locked, then opens the add preview right after unlocking', async () => {
  assert.equal(await takeNavigation(), null, 'nothing is shown for a locked vault');
  assert.equal((await invoke('vault.create', { password: PASSWORD })).ok, true);
  await navigationAsked(1);
  const shown = await takeNavigation();
  assert.equal(shown?.screen, 'add');
  assert.deepEqual(shown?.preview?.items.map((item) => item.issuer), ['GitHub']);
  assert.doesNotMatch(JSON.stringify(shown), /JBSWY3DPEHPK3PXP/, 'the secret stays in main');
  assert.deepEqual((await invoke<{ id: string }[]>('accounts.list')).value, [], 'nothing is saved before the person confirms');
  assert.deepEqual((await invoke('transfer.commitStaged', { id: shown?.preview?.id })).value, { added: 1, skipped: 0 });
});

test('a second launch hands its link to this one: the window comes forward on the preview', async () => {
  const before = navigationsSent();
  const win = window();
  assert.ok(win);
  win.shown = false;
  standin.secondInstance(['/opt/Authdesk/authdesk', '--no-sandbox', '--original-process-start-time=1', MOZILLA]);
  await navigationAsked(before + 1);
  assert.equal(win.shown, true, 'the window is brought forward');
  const shown = await takeNavigation();
  assert.deepEqual(shown?.preview?.items.map((item) => item.issuer), ['Mozilla']);
  assert.equal(shown?.preview?.source, 'the opened link');
  assert.equal(await takeNavigation(), null, 'the window takes it once');
});

test('macOS: open-url is handled (its default prevented), a Google export link included', async () => {
  const before = navigationsSent();
  assert.equal(standin.openUrl(MIGRATION), true);
  await navigationAsked(before + 1);
  const shown = await takeNavigation();
  assert.deepEqual(shown?.preview?.items.map((item) => item.issuer).sort(), ['Gitlab', 'Proton']);
});

test('a damaged link opens the add dialog on the reason, never quoting the link', async () => {
  const before = navigationsSent();
  standin.secondInstance(['authdesk', 'otpauth-migration://offline?data=SECRETSAUCE']);
  await navigationAsked(before + 1);
  const shown = await takeNavigation();
  assert.equal(shown?.screen, 'add');
  assert.equal(shown?.preview, undefined);
  assert.equal(shown?.problem?.code, 'IMPORT_MALFORMED');
  assert.match(shown?.problem?.message ?? '', /damaged/);
  assert.ok(!JSON.stringify(shown).includes('SECRETSAUCE'), 'the link is not in the error');
});

test('a link with a bad account in it is previewed with that account refused, and why', async () => {
  const before = navigationsSent();
  standin.secondInstance(['authdesk', 'otpauth://totp/Broken:me?secret=NOT*BASE32*SECRETSAUCE&issuer=Broken']);
  await navigationAsked(before + 1);
  const shown = (await takeNavigation()) as { preview?: { items: unknown[]; refused: { reason: string }[] } } | null;
  assert.deepEqual(shown?.preview?.items, []);
  assert.match(shown?.preview?.refused[0]?.reason ?? '', /not valid Base32/);
  assert.ok(!JSON.stringify(shown).includes('SECRETSAUCE'));
});

test('arguments that are not account links are ignored', async () => {
  const before = navigationsSent();
  standin.secondInstance(['authdesk', 'https://example.com/otpauth://totp/x?secret=JBSWY3DP', '--flag=otpauth://totp/x', `otpauth://totp/A:b?secret=${'A'.repeat(70_000)}`]);
  await sleep(50);
  assert.equal(navigationsSent(), before);
  assert.equal(await takeNavigation(), null);
});

test('a link opened while locked is kept (the latest only) and staged after the next unlock', async () => {
  assert.equal((await invoke('vault.lock')).ok, true);
  const before = navigationsSent();
  standin.secondInstance(['authdesk', MOZILLA]);
  standin.secondInstance(['authdesk', MIGRATION]);
  await sleep(50);
  assert.equal(await takeNavigation(), null, 'nothing to show while locked');
  assert.equal((await invoke('vault.unlock', { password: PASSWORD })).ok, true);
  await navigationAsked(before + 1);
  const shown = await takeNavigation();
  assert.deepEqual(shown?.preview?.items.map((item) => item.issuer).sort(), ['Gitlab', 'Proton'], 'the latest link, not the first');
  await sleep(50);
  assert.equal(await takeNavigation(), null, 'and only that one');
});
