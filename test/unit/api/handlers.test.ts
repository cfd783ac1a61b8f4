// The real channels through the real router, as the window calls them.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { contract } from '../../../electron/core/api/contract.ts';
import { createHandlers } from '../../../electron/core/api/handlers.ts';
import { createRouter } from '../../../electron/core/api/router.ts';
import { VaultService } from '../../../electron/core/vault/vault-service.ts';
import { CHEAP_KDF, FakeKeyProtector, PASSWORD, tempVaultPath } from '../../support/vault.ts';

const own = 'app://authdesk/index.html';

async function setup(keyProtector: FakeKeyProtector | null = null) {
  const path = await tempVaultPath(after);
  const vault = new VaultService({ path, kdf: CHEAP_KDF, keyProtector, power: { on: () => () => {} } });
  after(() => vault.dispose());
  const router = createRouter(contract, createHandlers({ app: { name: 'Authdesk', version: '1.2.3', platform: 'linux' }, keyProtector, vault }), {
    isTrustedSender: (url) => url === own,
  });
  return { path, call: (channel: string, input?: unknown) => router.handle(`authdesk:${channel}`, own, input) };
}

test('app.info reports the keychain honestly', async () => {
  assert.deepEqual(await (await setup()).call('app.info'), {
    ok: true,
    value: { name: 'Authdesk', version: '1.2.3', platform: 'linux', keychain: { available: false, backend: 'none', secure: false } },
  });
  const insecure = new FakeKeyProtector({ available: true, backend: 'basic_text', secure: false });
  const info = await (await setup(insecure)).call('app.info');
  assert.deepEqual(info.ok && info.value, { name: 'Authdesk', version: '1.2.3', platform: 'linux', keychain: { available: true, backend: 'basic_text', secure: false } });
});

test('create, lock, unlock through the channels', async () => {
  const { path, call } = await setup();
  assert.deepEqual(await call('vault.status'), { ok: true, value: { state: 'none', path } });
  assert.deepEqual(await call('vault.create', { password: PASSWORD }), { ok: true, value: { state: 'unlocked', path } });
  assert.deepEqual(await call('vault.lock'), { ok: true, value: { state: 'locked', path } });
  const wrong = await call('vault.unlock', { password: 'wrong password' });
  assert.equal(!wrong.ok && wrong.error.code, 'VAULT_WRONG_PASSWORD');
  assert.deepEqual(await call('vault.unlock', { password: PASSWORD }), { ok: true, value: { state: 'unlocked', path } });
});

test('bad passwords are refused before any Argon2id runs, without echoing them', async () => {
  const { call } = await setup();
  for (const input of [undefined, {}, { password: 42 }, { password: '' }, { password: 'x'.repeat(1025) }, { password: PASSWORD, extra: 1 }]) {
    const result = await call('vault.create', input);
    assert.equal(!result.ok && result.error.code, 'INVALID_INPUT', JSON.stringify(input)?.slice(0, 40));
  }
  const short = await call('vault.create', { password: 'hunter2' });
  assert.equal(!short.ok && short.error.code, 'INVALID_INPUT');
  assert.ok(!short.ok && !short.error.message.includes('hunter2'));
  assert.match(!short.ok ? short.error.message : '', /at least 8 characters/);
});
