// Runs in: tests.
//
// Keychain unlock and auto-lock in the app as it ships (dist/main/index.js), against the
// recording stand-in of Electron: keychain unlock happens only right after the OS delivered a
// click or a key press to the window, a key the keychain asks to re-encrypt is sealed again and
// saved, and the OS's own view (screen locked, nobody at the computer) locks the vault, which
// tells the window and takes the copied code off the clipboard.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, mock, test } from 'node:test';
import { GESTURE_WINDOW_MS } from '../../../electron/core/api/spec.ts';
import type { Result } from '../../../electron/core/api/spec.ts';
import { parseOtpauthUri } from '../../../electron/core/otp/uri.ts';
import { SYSTEM_IDLE_POLL_MS } from '../../../electron/core/vault/auto-lock.ts';
import { parseEnvelope } from '../../../electron/core/vault/envelope.ts';
import { bootMain } from '../../support/electron/boot.ts';
import { standin } from '../../support/electron/standin.ts';
import { createTestCore } from '../../support/core.ts';
import { PASSWORD } from '../../support/vault.ts';

const APP_URL = 'app://authdesk/index.html';

const main = await bootMain(after);
await main.ready();
const vaultPath = join(main.userData, 'vault.authdesk');

// A vault with one account, written where main looks for it, before main opens it.
const seeded = createTestCore(vaultPath);
await seeded.core.vault.create(PASSWORD);
const { account } = await seeded.core.accounts.add(parseOtpauthUri('otpauth://totp/GitHub:alice?secret=JBSWY3DPEHPK3PXP'));
seeded.core.dispose();

const call = (channel: string, input?: unknown) => standin.invoke(`authdesk:${channel}`, APP_URL, input) as Promise<Result<unknown>>;
const state = async () => ((await call('vault.status')) as { ok: true; value: { state: string } }).value.state;
const window = () => {
  const [open] = standin.windows;
  assert.ok(open, 'main opened its window');
  return open;
};
const keychainSlot = async () => parseEnvelope(await readFile(vaultPath)).slots.find((slot) => slot.type === 'keychain');

// Keychain unlock turned on in Settings (the password given again), then the vault locked.
assert.deepEqual(await call('vault.unlock', { password: PASSWORD }), { ok: true, value: { state: 'unlocked', path: vaultPath } });
assert.deepEqual(await call('vault.enableKeychainUnlock', { password: PASSWORD }), { ok: true, value: { enabled: true } });
await call('vault.lock');

test('the window asking for keychain unlock on its own is refused, and the vault stays locked', async () => {
  const result = await call('vault.unlockWithKeychain');
  assert.equal(!result.ok && result.error.code, 'USER_ACTION_REQUIRED');
  assert.match(!result.ok ? result.error.message : '', /click/);
  assert.equal(await state(), 'locked');
});

test('right after a click in the window, keychain unlock opens the vault', async () => {
  standin.userInput(window().contents, 'click');
  assert.deepEqual(await call('vault.unlockWithKeychain'), { ok: true, value: { state: 'unlocked', path: vaultPath } });
  await call('vault.lock');
});

test('a click made a while ago, or in another webContents, does not count; a key press just now does', async (t) => {
  t.after(() => mock.timers.reset());
  mock.timers.enable({ apis: ['Date'], now: Date.now() });
  standin.userInput(window().contents, 'click');
  mock.timers.tick(GESTURE_WINDOW_MS + 1);
  const late = await call('vault.unlockWithKeychain');
  assert.equal(!late.ok && late.error.code, 'USER_ACTION_REQUIRED');

  standin.userInput(standin.newContents(), 'click');
  const elsewhere = await call('vault.unlockWithKeychain');
  assert.equal(!elsewhere.ok && elsewhere.error.code, 'USER_ACTION_REQUIRED');
  assert.equal(await state(), 'locked');

  standin.userInput(window().contents, 'key');
  assert.equal((await call('vault.unlockWithKeychain')).ok, true);
  await call('vault.lock');
});

test('when the keychain asks to re-encrypt (shouldReEncrypt), the keychain slot is sealed again and saved', async () => {
  const before = await keychainSlot();
  standin.keychain.upgrade();
  standin.userInput(window().contents, 'click');
  assert.equal((await call('vault.unlockWithKeychain')).ok, true);
  const after = await keychainSlot();
  assert.ok(before && after);
  assert.notDeepEqual(after.sealedKey, before.sealedKey, 'the slot was rewritten');
  assert.equal((await standin.keychain.decrypt(after.sealedKey)).stale, false, 'sealed with the keychain’s current key');
  await call('vault.lock');
  standin.userInput(window().contents, 'click');
  assert.equal((await call('vault.unlockWithKeychain')).ok, true, 'and it still opens the vault');
});

/** Unlocks, copies the code, lets the OS report `idle`, and waits one poll: what the window was told last. */
async function lockedByTheOs(t: { after(fn: () => void): void }, idle: { seconds: number; locked: boolean }): Promise<unknown> {
  t.after(() => {
    mock.timers.reset();
    Object.assign(standin.systemIdle, { seconds: 0, locked: false });
  });
  await call('vault.lock');
  // Only setTimeout: the poll main sets when the vault unlocks, on the real clock otherwise.
  mock.timers.enable({ apis: ['setTimeout'] });
  assert.equal((await call('vault.unlock', { password: PASSWORD })).ok, true);
  assert.equal((await call('codes.copy', { id: account.id })).ok, true);
  assert.match(standin.clipboard.text, /^\d{6}$/);
  Object.assign(standin.systemIdle, idle);
  mock.timers.tick(SYSTEM_IDLE_POLL_MS);
  await new Promise((resolve) => setImmediate(resolve));
  return window().contents.sent.filter((sent) => sent.channel === 'authdesk:vault.onStatus').at(-1)?.args[0];
}

test('a locked screen the OS reports (no lock-screen event, as on Linux) locks the vault, tells the window and clears the copied code', async (t) => {
  assert.deepEqual(await lockedByTheOs(t, { seconds: 1, locked: true }), { state: 'locked', path: vaultPath });
  assert.equal(await state(), 'locked');
  assert.equal(standin.clipboard.text, '', 'the code is off the clipboard');
});

test('nobody at the computer for the auto-lock minutes locks the vault too', async (t) => {
  assert.deepEqual(await lockedByTheOs(t, { seconds: 5 * 60, locked: false }), { state: 'locked', path: vaultPath });
  assert.equal(standin.clipboard.text, '');
});
