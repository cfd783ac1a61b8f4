// Runs in: tests. A copied code leaves the clipboard after the user's seconds, on lock and on
// quit, and only if it is still the code Authdesk put there.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setImmediate as settled } from 'node:timers/promises';
import { after, test } from 'node:test';
import { createHandlers } from '../../../electron/core/api/handlers/index.ts';
import { isAuthdeskError } from '../../../electron/core/errors.ts';
import { parseOtpauthUri } from '../../../electron/core/otp/uri.ts';
import { FakeClock } from '../../support/clock.ts';
import { createTestCore } from '../../support/core.ts';
import { PASSWORD } from '../../support/vault.ts';

const github = parseOtpauthUri('otpauth://totp/GitHub:alice?secret=JBSWY3DPEHPK3PXP');

async function unlockedCore(overrides: Parameters<typeof createTestCore>[1] = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'authdesk-clipboard-'));
  const clock = new FakeClock(1_800_000_000_000);
  const test = createTestCore(join(dir, 'vault.authdesk'), { clock, ...overrides });
  after(async () => {
    test.core.dispose();
    await rm(dir, { recursive: true, force: true });
  });
  await test.core.vault.create(PASSWORD);
  const { account } = await test.core.accounts.add(github);
  const handlers = createHandlers(test.core, test.prompts);
  return { ...test, clock, id: account.id, copy: async () => handlers.codes.copy({ id: account.id }) };
}

test('a copied code is cleared after clipboardClearSeconds, not a moment before', async () => {
  const { core, clipboard, clock, id, copy } = await unlockedCore();
  core.settings.update({ clipboardClearSeconds: 12 });
  await copy();
  const code = core.codes.current(id);
  assert.match(code, /^\d{6}$/);
  assert.equal(clipboard.text, code);
  clock.advance(11_999);
  await settled();
  assert.equal(clipboard.text, code);
  clock.advance(1);
  await settled();
  assert.equal(clipboard.text, '');
});

test('what another app copied in the meantime stays on the clipboard', async () => {
  const { clipboard, clock, copy } = await unlockedCore();
  await copy();
  clipboard.copiedElsewhere('my shopping list');
  clock.advance(60_000);
  await settled();
  assert.equal(clipboard.text, 'my shopping list');
  assert.equal(clipboard.writes.length, 1, 'Authdesk wrote nothing after the copy');
});

test('a second copy restarts the timer for the newer code', async () => {
  const { clipboard, clock, copy } = await unlockedCore();
  await copy();
  clock.advance(20_000);
  await copy();
  const newer = clipboard.text;
  clock.advance(20_000);
  await settled();
  assert.equal(clipboard.text, newer, '40 s after the first copy, 20 s after the second');
  clock.advance(10_000);
  await settled();
  assert.equal(clipboard.text, '');
});

test('locking the vault clears the code at once, and leaves another app’s text alone', async () => {
  const first = await unlockedCore();
  await first.copy();
  first.core.vault.lock();
  await settled();
  assert.equal(first.clipboard.text, '');

  const second = await unlockedCore();
  await second.copy();
  second.clipboard.copiedElsewhere('not yours');
  second.core.vault.lock();
  await settled();
  assert.equal(second.clipboard.text, 'not yours');
});

test('quitting (dispose) clears the code', async () => {
  const { core, clipboard, copy } = await unlockedCore();
  await copy();
  core.dispose();
  await settled();
  assert.equal(clipboard.text, '');
});

test('a host without a clipboard answers with a clear error, and a locked vault copies nothing', async () => {
  const { copy } = await unlockedCore({ clipboard: null });
  await assert.rejects(copy(), (error) => isAuthdeskError(error, 'CLIPBOARD_UNAVAILABLE') && /cannot reach the clipboard/.test(error.message));

  const locked = await unlockedCore();
  locked.core.vault.lock();
  await assert.rejects(locked.copy(), (error) => isAuthdeskError(error, 'VAULT_LOCKED'));
  assert.deepEqual(locked.clipboard.writes, []);
});
