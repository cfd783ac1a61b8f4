// Runs in: tests.
//
// "Scan the screen" in the app as it ships (dist/main/index.js) against the recording stand-in
// of Electron: main captures every screen at its own pixels through desktopCapturer, stepping
// its window aside meanwhile, and the QR codes on them come back as one add preview. A screen
// that cannot be captured, and macOS's permission withheld, are errors in words.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { bootMain } from '../../support/electron/boot.ts';
import { displayShowing, standin } from '../../support/electron/standin.ts';
import { drawPng } from '../../support/png.ts';
import { PASSWORD } from '../../support/vault.ts';

const APP_URL = 'app://authdesk/index.html';
const fixture = (name: string) => readFile(join(import.meta.dirname, '../../fixtures/qr', name));

const main = await bootMain(after);
await main.ready();
// The adapter itself, for the macOS path (this machine is not a Mac); loaded once 'electron' means the stand-in.
const { electronScreenCapture } = await import('../../../electron/main/screen-capture.ts');

interface Answer<T> {
  readonly ok: boolean;
  readonly value?: T;
  readonly error?: { code: string; message: string };
}
const invoke = <T,>(channel: string, input?: unknown) => standin.invoke(`authdesk:${channel}`, APP_URL, input) as Promise<Answer<T>>;
type Preview = { id: string; source: string; items: { issuer: string }[]; refused: { what: string; reason: string }[] };

// A HiDPI laptop screen (960×540 at 2×) showing three account codes, and a plain second screen.
const laptop = displayShowing(960, 540, 2, await fixture('screenshot-three.png'));
const blank = displayShowing(320, 200, 1, drawPng(320, 200, () => false), 2);

test('the QR codes on every screen become one add preview; nothing is saved', async () => {
  assert.equal((await invoke('vault.create', { password: PASSWORD })).ok, true);
  standin.screens.displays = [blank, laptop, displayShowing(1440, 900, 1, await fixture('dark-mode.png'), 3)];
  const answer = await invoke<Preview>('transfer.stageScreen');
  assert.equal(answer.ok, true, answer.error?.message);
  assert.deepEqual(answer.value?.items.map((item) => item.issuer).sort(), ['GitHub', 'Gitlab', 'Mozilla', 'Proton', 'Tinyco']);
  assert.match(answer.value?.refused[0]?.reason ?? '', /web address/, 'the code that is not an account is reported');
  assert.equal(answer.value?.source, 'your screens');
  assert.deepEqual((await invoke<unknown[]>('accounts.list')).value, []);
  const [request] = standin.called('desktopCapturer.getSources');
  assert.deepEqual(request?.args[0], { types: ['screen'], thumbnailSize: { width: 1920, height: 1080 } }, 'at the largest screen’s own pixels, scale factor included');
});

test('the window steps aside while the screens are captured, and comes back', async () => {
  standin.screens.displays = [laptop];
  const [win] = standin.windows;
  assert.ok(win);
  win.shown = true;
  const capturing = invoke<Preview>('transfer.stageScreen');
  await new Promise((resolve) => setTimeout(resolve, 50));
  assert.equal(win.shown, false, 'hidden during the capture');
  assert.equal((await capturing).ok, true);
  assert.equal(win.shown, true, 'shown again with the preview');
  const hide = standin.calls.findLastIndex((call) => call.api === 'browserWindow.hide');
  const capture = standin.calls.findLastIndex((call) => call.api === 'desktopCapturer.getSources');
  assert.ok(hide >= 0 && hide < capture, 'hidden before capturing');
});

test('no QR code on any screen: the person is told what to do', async () => {
  standin.screens.displays = [blank];
  const answer = await invoke('transfer.stageScreen');
  assert.equal(answer.error?.code, 'QR_NOT_FOUND');
  assert.match(answer.error?.message ?? '', /No QR code was found on your screens\. Make the code larger/);
});

test('the system picker cancelled (Wayland portal): the screen was not shared, and another way is offered', async () => {
  standin.screens.displays = [laptop];
  standin.screens.captureFails = true;
  const answer = await invoke('transfer.stageScreen');
  standin.screens.captureFails = false;
  assert.equal(answer.error?.code, 'SCREEN_UNAVAILABLE');
  assert.match(answer.error?.message ?? '', /not shared.*choose a screen.*screenshot/);
});

test('nothing captured (no portal on Wayland): said in words, with another way', async () => {
  standin.screens.displays = [];
  const answer = await invoke('transfer.stageScreen');
  assert.equal(answer.error?.code, 'SCREEN_UNAVAILABLE');
  assert.match(answer.error?.message ?? '', /could not capture any screen.*screenshot/);
  standin.screens.displays = [laptop];
});

test('a locked vault captures nothing', async () => {
  assert.equal((await invoke('vault.lock')).ok, true);
  const before = standin.called('desktopCapturer.getSources').length;
  const answer = await invoke('transfer.stageScreen');
  assert.equal(answer.error?.code, 'VAULT_LOCKED');
  assert.equal(standin.called('desktopCapturer.getSources').length, before);
});

test('macOS: screen recording withheld gives the place to allow it, and captures nothing', async () => {
  standin.screens.mediaAccess = 'denied';
  const before = standin.called('desktopCapturer.getSources').length;
  const capture = electronScreenCapture(() => null, 'darwin');
  await assert.rejects(capture.capture(), (error: { code?: string; message?: string }) => {
    assert.equal(error.code, 'SCREEN_CAPTURE_DENIED');
    assert.match(error.message ?? '', /System Settings → Privacy & Security → Screen Recording/);
    return true;
  });
  assert.equal(standin.called('desktopCapturer.getSources').length, before);
});

test('macOS: the first capture makes macOS ask; refused, it is said in words, allowed, the screen is read', async () => {
  const capture = electronScreenCapture(() => null, 'darwin');
  standin.screens.mediaAccess = 'not-determined';
  await assert.rejects(capture.capture(), { code: 'SCREEN_CAPTURE_DENIED' });
  assert.equal(standin.screens.mediaAccess, 'denied', 'macOS asked');
  standin.screens.mediaAccess = 'not-determined';
  standin.screens.afterAsking = 'granted';
  assert.equal((await capture.capture()).length, 1);
});
