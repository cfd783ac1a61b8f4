// The app's vault as the window drives it: states, status events, auto-lock from power events.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, test } from 'node:test';
import type { VaultStatus } from '../../../electron/core/api/types.ts';
import { VaultService } from '../../../electron/core/vault/vault-service.ts';
import { CHEAP_KDF, FakeKeyProtector, PASSWORD, tempVaultPath } from '../../support/vault.ts';
import { FakeClock } from '../../support/clock.ts';
import { FakePower } from '../../support/power.ts';


async function service(options: { idleMinutes?: number; keychain?: boolean } = {}) {
  const path = await tempVaultPath(after);
  const clock = new FakeClock();
  const power = new FakePower();
  const events: VaultStatus[] = [];
  const vault = new VaultService({
    path,
    clock,
    power,
    kdf: CHEAP_KDF,
    idleMinutes: options.idleMinutes ?? 5,
    keyProtector: options.keychain ? new FakeKeyProtector() : null,
  });
  vault.onStatus((status) => events.push(status));
  after(() => vault.dispose());
  return { path, clock, power, events, vault };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

test('no file, then created and unlocked, locked, unlocked again: each change is announced', async () => {
  const { path, vault, events } = await service();
  assert.deepEqual(await vault.status(), { state: 'none', path });
  assert.throws(() => vault.unlocked(), { code: 'VAULT_LOCKED' });

  assert.deepEqual(await vault.create(PASSWORD), { state: 'unlocked', path });
  assert.equal(vault.unlocked().data().accounts.length, 0);
  assert.ok(!(await readFile(path)).includes(Buffer.from(PASSWORD)));

  vault.lock();
  await settle();
  assert.deepEqual(await vault.status(), { state: 'locked', path });
  assert.throws(() => vault.unlocked(), { code: 'VAULT_LOCKED' });

  await assert.rejects(vault.unlockWithPassword('not the password'), { code: 'VAULT_WRONG_PASSWORD' });
  assert.deepEqual(await vault.status(), { state: 'locked', path });
  assert.deepEqual(await vault.unlockWithPassword(PASSWORD), { state: 'unlocked', path });
  assert.deepEqual(
    events.map((e) => e.state),
    ['unlocked', 'locked', 'unlocked'],
  );
});

test('a second create is refused and the first vault is untouched', async () => {
  const { path, vault } = await service();
  await vault.create(PASSWORD);
  const before = await readFile(path);
  await assert.rejects(vault.create('another password'), { code: 'VAULT_EXISTS' });
  assert.deepEqual(await readFile(path), before);
  assert.deepEqual(await vault.status(), { state: 'unlocked', path });
});

test('an app restarted on an existing vault starts locked and opens it with the password', async () => {
  const first = await service();
  await first.vault.create(PASSWORD);
  first.vault.dispose();
  const restarted = new VaultService({ path: first.path, kdf: CHEAP_KDF, keyProtector: null, power: new FakePower() });
  after(() => restarted.dispose());
  assert.equal((await restarted.status()).state, 'locked');
  assert.equal((await restarted.unlockWithPassword(PASSWORD)).state, 'unlocked');
});

test('auto-lock: after the idle minutes, on suspend and on screen lock; activity postpones it', async () => {
  const { vault, clock, power, events } = await service({ idleMinutes: 2 });
  await vault.create(PASSWORD);
  clock.advance(90_000);
  vault.activity();
  clock.advance(90_000);
  assert.equal((await vault.status()).state, 'unlocked');
  clock.advance(31_000);
  await settle();
  assert.equal((await vault.status()).state, 'locked');

  for (const event of ['suspend', 'lock-screen'] as const) {
    await vault.unlockWithPassword(PASSWORD);
    power.fire(event);
    await settle();
    assert.equal((await vault.status()).state, 'locked', event);
  }
  assert.equal(events.at(-1)?.state, 'locked');
});

test('keychain unlock needs a keychain and a keychain slot', async () => {
  const without = await service();
  await without.vault.create(PASSWORD);
  await assert.rejects(without.vault.unlockWithKeychain(), { code: 'KEYCHAIN_UNAVAILABLE' });

  const withKeychain = await service({ keychain: true });
  await withKeychain.vault.create(PASSWORD);
  withKeychain.vault.lock();
  await assert.rejects(withKeychain.vault.unlockWithKeychain(), { code: 'KEYCHAIN_UNAVAILABLE', message: /not turned on/ });
  await withKeychain.vault.unlockWithPassword(PASSWORD);
  await withKeychain.vault.unlocked().enableKeychain(new FakeKeyProtector());
  withKeychain.vault.lock();
  assert.equal((await withKeychain.vault.unlockWithKeychain()).state, 'unlocked');
});

test('every status listener hears each change until it unsubscribes', async () => {
  const { path, vault, events } = await service();
  const second: VaultStatus[] = [];
  const stop = vault.onStatus((status) => second.push(status));
  await vault.create(PASSWORD);
  stop();
  vault.lock();
  await settle();
  assert.deepEqual(second, [{ state: 'unlocked', path }]);
  assert.deepEqual(events, [{ state: 'unlocked', path }, { state: 'locked', path }]);
});
