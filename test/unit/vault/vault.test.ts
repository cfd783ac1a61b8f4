// Runs in: tests. The vault's operations as the app and the CLI use them.
import assert from 'node:assert/strict';
import { link, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { after, describe, it } from 'node:test';
import { isAuthdeskError } from '../../../electron/core/errors.ts';
import { backupPathOf } from '../../../electron/core/vault/atomic-file.ts';
import { parseEnvelope } from '../../../electron/core/vault/envelope.ts';
import { openWithPassword } from '../../../electron/core/vault/password-seal.ts';
import { Vault } from '../../../electron/core/vault/vault.ts';
import { account, CHEAP_KDF, FakeKeyProtector, PASSWORD, tempVaultPath } from '../../support/vault.ts';
import { FakeClock } from '../../support/clock.ts';

const options = { kdf: CHEAP_KDF };
const NEW_PASSWORD = 'a brand new passphrase';

/** The key slots a vault file holds, by kind. */
function slotsOf(bytes: Uint8Array) {
  const { slots } = parseEnvelope(bytes);
  return { password: slots.find((s) => s.type === 'password'), keychain: slots.find((s) => s.type === 'keychain') };
}

describe('vault operations', () => {
  it('reports none, unlocked and locked, and refuses to create over an existing vault', async () => {
    const path = await tempVaultPath(after);
    await assert.rejects(Vault.open(path, options), { code: 'VAULT_NOT_FOUND' });
    const vault = await Vault.create(path, PASSWORD, options);
    assert.deepEqual(await vault.status(), { state: 'unlocked', path });
    vault.lock();
    assert.deepEqual(await vault.status(), { state: 'locked', path });
    const before = await readFile(path);
    await assert.rejects(Vault.create(path, 'another password', options), { code: 'VAULT_EXISTS' });
    assert.deepEqual(await readFile(path), before);
    await assert.rejects(Vault.create(`${path}-2`, 'short', options), { code: 'INVALID_INPUT' });
  });

  it('checks a password on an unlocked vault without changing its state', async () => {
    const path = await tempVaultPath(after);
    const vault = await Vault.create(path, PASSWORD, options);
    await vault.mutate((d) => ({ ...d, accounts: [account('a1', 'JBSWY3DPEHPK3PXP')] }));
    await assert.rejects(vault.unlockWithPassword('not the password'), { code: 'VAULT_WRONG_PASSWORD' });
    await assert.rejects(vault.verifyPassword('not the password'), { code: 'VAULT_WRONG_PASSWORD' });
    await vault.verifyPassword(PASSWORD);
    assert.equal(vault.isUnlocked, true);
    assert.equal(vault.data().accounts.length, 1);
  });

  it('drops the decrypted data on lock and tells listeners', async () => {
    const path = await tempVaultPath(after);
    const vault = await Vault.create(path, PASSWORD, options);
    let locks = 0;
    vault.onLock(() => locks++);
    vault.lock();
    assert.equal(vault.isUnlocked, false);
    assert.throws(() => vault.data(), { code: 'VAULT_LOCKED' });
    await assert.rejects(vault.mutate((d) => d), { code: 'VAULT_LOCKED' });
    assert.equal(locks, 1);
  });

  it('applies a change completely or not at all', async () => {
    const path = await tempVaultPath(after);
    const vault = await Vault.create(path, PASSWORD, options);
    const first = await vault.mutate((d) => ({ ...d, accounts: [account('a1', 'JBSWY3DPEHPK3PXP')] }));
    assert.equal(first.accounts.length, 1);
    const saved = await readFile(path);

    await assert.rejects(vault.mutate(() => { throw new Error('the change failed'); }), /the change failed/);
    // Data handed out is frozen: editing it in place cannot bypass mutate.
    await assert.rejects(vault.mutate((d) => { (d.accounts as unknown as unknown[]).push(account('x', 'AAAA')); return d; }), TypeError);
    assert.deepEqual(await readFile(path), saved);
    assert.equal(vault.data().accounts.length, 1);

    // A write that fails (the backup name is taken by a folder) changes neither disk nor memory.
    await rm(backupPathOf(path));
    await mkdir(backupPathOf(path));
    await assert.rejects(vault.mutate((d) => ({ ...d, accounts: [...d.accounts, account('a2', 'GEZDGNBVGY3TQOJQ')] })));
    assert.deepEqual(await readFile(path), saved);
    assert.deepEqual(vault.data(), first);
  });

  it('keeps the previous generation as a backup', async () => {
    const path = await tempVaultPath(after);
    const vault = await Vault.create(path, PASSWORD, options);
    await vault.mutate((d) => ({ ...d, accounts: [account('a1', 'JBSWY3DPEHPK3PXP')] }));
    await vault.mutate((d) => ({ ...d, accounts: [...d.accounts, account('a2', 'GEZDGNBVGY3TQOJQ')] }));
    const backup = await openWithPassword(await readFile(backupPathOf(path)), PASSWORD);
    assert.deepEqual(backup.accounts.map((a) => a.id), ['a1']);
    assert.equal((await stat(backupPathOf(path))).mode & 0o777, 0o600);
  });

  it('leaves no temporary file when the backup already is the current file (a writer killed mid-save)', async () => {
    const path = await tempVaultPath(after);
    const vault = await Vault.create(path, PASSWORD, options);
    await vault.mutate((d) => ({ ...d, accounts: [account('a1', 'JBSWY3DPEHPK3PXP')] }));
    await rm(backupPathOf(path));
    await link(path, backupPathOf(path));
    await vault.mutate((d) => ({ ...d, accounts: [...d.accounts, account('a2', 'GEZDGNBVGY3TQOJQ')] }));
    assert.deepEqual((await readdir(dirname(path))).filter((name) => name.includes('.tmp-')), []);
    const backup = await openWithPassword(await readFile(backupPathOf(path)), PASSWORD);
    assert.deepEqual(backup.accounts.map((a) => a.id), ['a1']);
  });

  it('reloads what another process wrote before applying its own change', async () => {
    const path = await tempVaultPath(after);
    const app = await Vault.create(path, PASSWORD, options);
    const cli = await Vault.open(path, options);
    await cli.unlockWithPassword(PASSWORD);
    await cli.mutate((d) => ({ ...d, accounts: [...d.accounts, account('from-cli', 'JBSWY3DPEHPK3PXP')] }));
    assert.deepEqual((await app.reload()).accounts.map((a) => a.id), ['from-cli']);
    await app.mutate((d) => ({ ...d, accounts: [...d.accounts, account('from-app', 'GEZDGNBVGY3TQOJQ')] }));
    await cli.mutate((d) => ({ ...d, accounts: [...d.accounts, account('from-cli-2', 'MFRGGZDFMZTWQ2LK')] }));
    const check = await Vault.open(path, options);
    await check.unlockWithPassword(PASSWORD);
    assert.deepEqual(check.data().accounts.map((a) => a.id), ['from-cli', 'from-app', 'from-cli-2']);
  });

  it('refuses to write over a file it cannot read', async () => {
    const path = await tempVaultPath(after);
    const vault = await Vault.create(path, PASSWORD, options);
    const damaged = Buffer.from(await readFile(path));
    damaged[damaged.length - 1] = (damaged[damaged.length - 1] ?? 0) ^ 1;
    await writeFile(path, damaged);
    await assert.rejects(vault.mutate((d) => ({ ...d, accounts: [account('a1', 'JBSWY3DPEHPK3PXP')] })), { code: 'VAULT_DAMAGED' });
    assert.deepEqual(await readFile(path), damaged);
  });

  it('changes the password: the old one opens neither the vault nor its backup', async () => {
    const path = await tempVaultPath(after);
    const vault = await Vault.create(path, PASSWORD, options);
    await vault.mutate((d) => ({ ...d, accounts: [account('a1', 'JBSWY3DPEHPK3PXP')] }));
    await assert.rejects(vault.changePassword('not the password', NEW_PASSWORD), { code: 'VAULT_WRONG_PASSWORD' });
    await vault.changePassword(PASSWORD, NEW_PASSWORD);
    assert.equal(vault.isUnlocked, true);
    await vault.mutate((d) => ({ ...d, accounts: [...d.accounts, account('a2', 'GEZDGNBVGY3TQOJQ')] }));
    const reopened = await Vault.open(path, options);
    await assert.rejects(reopened.unlockWithPassword(PASSWORD), { code: 'VAULT_WRONG_PASSWORD' });
    await reopened.unlockWithPassword(NEW_PASSWORD);
    assert.deepEqual(reopened.data().accounts.map((a) => a.id), ['a1', 'a2']);
    await assert.rejects(openWithPassword(await readFile(backupPathOf(path)), PASSWORD), { code: 'VAULT_WRONG_PASSWORD' });
    await vault.changePassword(NEW_PASSWORD, PASSWORD);
    assert.notEqual((await stat(path)).ino, (await stat(backupPathOf(path))).ino, 'the backup is a copy, not a second name');
    assert.deepEqual((await openWithPassword(await readFile(backupPathOf(path)), PASSWORD)).accounts.map((a) => a.id), ['a1', 'a2']);
  });

  it('asks for the password again when another process changed it', async () => {
    const path = await tempVaultPath(after);
    const app = await Vault.create(path, PASSWORD, options);
    const cli = await Vault.open(path, options);
    await cli.unlockWithPassword(PASSWORD);
    await cli.changePassword(PASSWORD, NEW_PASSWORD);
    const before = await readFile(path);
    await assert.rejects(app.mutate((d) => ({ ...d, accounts: [account('a1', 'JBSWY3DPEHPK3PXP')] })), { code: 'VAULT_LOCKED' });
    assert.equal(app.isUnlocked, false);
    assert.deepEqual(await readFile(path), before);
    await app.unlockWithPassword(NEW_PASSWORD);
  });

  it('unlocks with the keychain once enabled, and stops after it is disabled', async () => {
    const path = await tempVaultPath(after);
    const keychain = new FakeKeyProtector();
    const vault = await Vault.create(path, PASSWORD, options);
    await vault.mutate((d) => ({ ...d, accounts: [account('a1', 'JBSWY3DPEHPK3PXP')] }));
    const app = await Vault.open(path, options);
    await assert.rejects(app.unlockWithKeychain(keychain), { code: 'KEYCHAIN_UNAVAILABLE' });
    await vault.enableKeychain(keychain);
    assert.equal(vault.keychainEnabled, true);

    const restarted = await Vault.open(path, options);
    await restarted.unlockWithKeychain(keychain);
    assert.deepEqual(restarted.data().accounts.map((a) => a.id), ['a1']);

    // A password change made where the keychain is known keeps keychain unlock working.
    assert.deepEqual(await restarted.changePassword(PASSWORD, NEW_PASSWORD), { keychainKept: true });
    const again = await Vault.open(path, options);
    await again.unlockWithKeychain(keychain);
    await again.unlockWithPassword(NEW_PASSWORD);

    keychain.rotate();
    const afterRotation = await Vault.open(path, options);
    await assert.rejects(afterRotation.unlockWithKeychain(keychain), { code: 'KEYCHAIN_UNAVAILABLE' });
    keychain.rotate();

    await again.disableKeychain();
    const disabled = await Vault.open(path, options);
    assert.equal(disabled.keychainEnabled, false);
    await assert.rejects(disabled.unlockWithKeychain(keychain), { code: 'KEYCHAIN_UNAVAILABLE' });
  });

  it('seals the keychain slot again when the keychain asks (a new key version), and changes nothing else', async () => {
    const path = await tempVaultPath(after);
    const keychain = new FakeKeyProtector();
    const vault = await Vault.create(path, PASSWORD, options);
    await vault.mutate((d) => ({ ...d, accounts: [account('a1', 'JBSWY3DPEHPK3PXP')] }));
    await vault.enableKeychain(keychain);
    const before = slotsOf(await readFile(path));

    keychain.upgrade();
    const app = await Vault.open(path, options);
    await app.unlockWithKeychain(keychain);
    assert.deepEqual(app.data().accounts.map((a) => a.id), ['a1']);
    const resealed = slotsOf(await readFile(path));
    assert.deepEqual(resealed.password, before.password, 'the password slot is untouched');
    assert.notDeepEqual(resealed.keychain?.sealedKey, before.keychain?.sealedKey, 'the keychain slot was sealed again');
    assert.equal((await keychain.decrypt(resealed.keychain?.sealedKey ?? new Uint8Array())).stale, false, 'with the keychain’s current key');
    assert.deepEqual(await readFile(backupPathOf(path)).then(slotsOf), before, 'saved like any change: the previous file is the backup');

    const restarted = await Vault.open(path, options);
    await restarted.unlockWithKeychain(keychain);
    await restarted.unlockWithPassword(PASSWORD);
    assert.deepEqual(restarted.data().accounts.map((a) => a.id), ['a1']);
  });

  it('still unlocks when sealing the slot again fails, and tries again at the next keychain unlock', async () => {
    const path = await tempVaultPath(after);
    const keychain = new FakeKeyProtector();
    const vault = await Vault.create(path, PASSWORD, options);
    await vault.enableKeychain(keychain);
    keychain.upgrade();
    keychain.encryptFails = true;
    const before = await readFile(path);

    const app = await Vault.open(path, options);
    await app.unlockWithKeychain(keychain);
    assert.equal(app.isUnlocked, true);
    assert.deepEqual(await readFile(path), before, 'the file is left as it was');

    keychain.encryptFails = false;
    const later = await Vault.open(path, options);
    await later.unlockWithKeychain(keychain);
    const { keychain: slot } = slotsOf(await readFile(path));
    assert.equal((await keychain.decrypt(slot?.sealedKey ?? new Uint8Array())).stale, false);
  });

  it('drops keychain unlock when the password changes where no keychain is known (the CLI)', async () => {
    const path = await tempVaultPath(after);
    const vault = await Vault.create(path, PASSWORD, options);
    await vault.enableKeychain(new FakeKeyProtector());
    const cli = await Vault.open(path, options);
    await cli.unlockWithPassword(PASSWORD);
    assert.deepEqual(await cli.changePassword(PASSWORD, NEW_PASSWORD), { keychainKept: false });
    assert.equal((await Vault.open(path, options)).keychainEnabled, false);
  });

  it('refuses a basic_text keychain as insecure and an absent one as unavailable', async () => {
    const path = await tempVaultPath(after);
    const vault = await Vault.create(path, PASSWORD, options);
    const before = await readFile(path);
    const basicText = new FakeKeyProtector({ available: true, backend: 'basic_text', secure: false });
    await assert.rejects(vault.enableKeychain(basicText), (error: unknown) => {
      assert.ok(isAuthdeskError(error, 'KEYCHAIN_INSECURE'));
      assert.match(error.message, /basic_text/);
      assert.match(error.message, /protects nothing/);
      return true;
    });
    await assert.rejects(vault.enableKeychain(new FakeKeyProtector({ available: false, backend: 'none', secure: false })), { code: 'KEYCHAIN_UNAVAILABLE' });
    assert.deepEqual(await readFile(path), before);
    assert.equal(vault.keychainEnabled, false);
  });

  it('slows down guessing after five wrong passwords, across restarts', async () => {
    const path = await tempVaultPath(after);
    const clock = new FakeClock();
    await Vault.create(path, PASSWORD, { ...options, clock });
    const vault = await Vault.open(path, { ...options, clock });
    for (let i = 0; i < 5; i++) await assert.rejects(vault.unlockWithPassword(`wrong guess ${i}`), { code: 'VAULT_WRONG_PASSWORD' });

    const throttled = async (v: Vault, password: string, expectedMs: number) =>
      assert.rejects(v.unlockWithPassword(password), (error: unknown) => {
        assert.ok(isAuthdeskError(error, 'VAULT_THROTTLED'));
        assert.equal(error.details?.retryAfterMs, expectedMs);
        return true;
      });
    // Even the right password waits: the throttle runs before the KDF.
    await throttled(vault, PASSWORD, 1000);
    const restarted = await Vault.open(path, { ...options, clock });
    await throttled(restarted, PASSWORD, 1000);
    clock.advance(1000);
    await assert.rejects(restarted.unlockWithPassword('wrong guess 6'), { code: 'VAULT_WRONG_PASSWORD' });
    await throttled(restarted, PASSWORD, 2000);
    clock.advance(1999);
    await throttled(restarted, PASSWORD, 1);
    clock.advance(1);
    await restarted.unlockWithPassword(PASSWORD);
    const later = await Vault.open(path, { ...options, clock });
    await assert.rejects(later.unlockWithPassword('wrong again'), { code: 'VAULT_WRONG_PASSWORD' });
    await later.unlockWithPassword(PASSWORD);
  });
});
