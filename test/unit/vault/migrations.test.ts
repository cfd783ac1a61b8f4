// Runs in: tests. Data from an older schema opens as the current one and is saved as such.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, describe, it } from 'node:test';
import { encodeEnvelope } from '../../../electron/core/vault/envelope.ts';
import { createPasswordSlot, newMasterKey } from '../../../electron/core/vault/key-slots.ts';
import { migrate } from '../../../electron/core/vault/migrations.ts';
import { VAULT_SCHEMA_VERSION } from '../../../electron/core/vault/model.ts';
import { replaceFile } from '../../../electron/core/vault/atomic-file.ts';
import { Vault } from '../../../electron/core/vault/vault.ts';
import { CHEAP_KDF, PASSWORD, tempVaultPath } from '../../support/vault.ts';

const fixture = new URL('./fixtures/schema-v0.json', import.meta.url);

describe('vault data migrations', () => {
  it('opens a schema 0 vault as the current schema and saves it upgraded', async () => {
    const path = await tempVaultPath(after);
    const masterKey = newMasterKey();
    await replaceFile(path, encodeEnvelope([await createPasswordSlot(PASSWORD, masterKey, CHEAP_KDF)], masterKey, await readFile(fixture)), 'previous');
    const vault = await Vault.open(path, { kdf: CHEAP_KDF });
    await vault.unlockWithPassword(PASSWORD);
    const data = vault.data();
    assert.equal(data.schemaVersion, VAULT_SCHEMA_VERSION);
    assert.deepEqual(data.groups, []);
    assert.deepEqual(data.audit, []);
    const [github, bank] = data.accounts;
    assert.equal(github?.label, 'octocat');
    assert.deepEqual(github?.otp, { type: 'totp', secret: 'JBSWY3DPEHPK3PXP', algorithm: 'SHA1', digits: 6, period: 30, counter: 0 });
    assert.equal(bank?.otp.type, 'hotp');
    assert.equal(bank?.otp.counter, 7);
    assert.equal(bank?.otp.digits, 8);

    await vault.mutate((d) => ({ ...d, accounts: d.accounts.filter((a) => a.id !== 'v0-github') }));
    const reopened = await Vault.open(path, { kdf: CHEAP_KDF });
    await reopened.unlockWithPassword(PASSWORD);
    assert.deepEqual(reopened.data().accounts.map((a) => a.id), ['v0-bank']);
  });

  it('carries a schema 1 vault\'s sessions and audit into schema 2, with no device keys', () => {
    const login = { at: 1, kind: 'login', summary: 'Logged in to Weavr (work)' };
    const session = { profileId: 'p1', identityId: null, token: 't', issuedAt: 1, expiresAt: null };
    const v1 = { schemaVersion: 1, accounts: [], groups: [], credentials: [], profiles: [], sessions: [session], devices: [], audit: [login] };
    const data = migrate(v1);
    assert.equal(data.schemaVersion, 2);
    assert.deepEqual(data.sessions, [session]);
    assert.deepEqual(data.audit, [login]);
    assert.deepEqual(data.devices, []);
  });

  it('rejects data that no schema describes', () => {
    assert.throws(() => migrate([]), { code: 'VAULT_DAMAGED' });
    assert.throws(() => migrate({ schemaVersion: 1, accounts: [] }), { code: 'VAULT_DAMAGED' });
    assert.throws(() => migrate({ schemaVersion: 'one' }), { code: 'VAULT_DAMAGED' });
    assert.throws(() => migrate({ schemaVersion: VAULT_SCHEMA_VERSION + 1 }), { code: 'VAULT_TOO_NEW' });
  });
});
