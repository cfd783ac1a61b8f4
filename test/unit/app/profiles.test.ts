// Runs in: tests. Profiles through the real channels: what the window sees, what the vault
// keeps, and that a saved password or programme key never comes back.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, describe, it } from 'node:test';
import type { ProfileView } from '../../../electron/core/api/types.ts';
import { otpParams } from '../../../electron/core/otp/entry.ts';
import { DoubleProvider, SessionDouble } from '../../support/providers/double-provider.ts';
import { SERVICE_PASSWORD, startSessionsCore } from '../../support/sessions-core.ts';

const PROGRAMME_KEY = 'pk-LiveProgrammeKey-77aa';
const FINGERPRINT = Array.from({ length: 32 }, (_, i) => (i * 7 + 16).toString(16).padStart(2, '0')).join(':');

async function start() {
  const truenas = new DoubleProvider({ token: 'nas-token-secret-1' });
  const t = await startSessionsCore(after, { providers: { truenas, weavr: new SessionDouble(), appgate: new DoubleProvider() } });
  return { ...t, truenas };
}

describe('profiles', () => {
  it('create shows which secret is saved, never the secret, and announces the new list', async () => {
    const t = await start();
    const nas = await t.createProfile({ name: 'nas.lan', provider: 'truenas', url: 'wss://nas.lan/api/current' });
    assert.deepEqual({ ...nas, id: 'x' }, { id: 'x', name: 'nas.lan', provider: 'truenas', baseUrl: 'wss://nas.lan/api/current', username: 'admin', credential: 'password', otpAccountId: null, keepAlive: false, programmeKeySet: false, certificate: null });
    const weavr = await t.createProfile({ name: 'Weavr', provider: 'weavr', url: 'https://weavr.test', programmeKey: PROGRAMME_KEY, keepAlive: true });
    assert.equal(weavr.programmeKeySet, true);
    assert.equal(weavr.keepAlive, true);
    assert.deepEqual((await t.value<ProfileView[]>('profiles.list')).map((p) => p.name), ['nas.lan', 'Weavr']);
    const changes = t.events.filter((e) => e.channel === 'profiles.onChange');
    assert.equal(changes.length, 2);
    const data = t.core.vault.unlocked().data();
    assert.deepEqual(data.credentials.map((c) => [c.kind, c.secret]), [['password', SERVICE_PASSWORD], ['password', SERVICE_PASSWORD]]);
    assert.equal(data.profiles[1]?.options['programmeKey'], PROGRAMME_KEY, 'the programme key is kept in the vault for the Weavr client');
    const moved = await t.value<ProfileView>('profiles.edit', { id: weavr.id, provider: 'appgate', url: 'https://gate.test' });
    assert.deepEqual([moved.programmeKeySet, moved.keepAlive], [false, false]);
    assert.deepEqual(t.core.vault.unlocked().data().profiles[1]?.options, {}, 'a profile moved off Weavr drops its programme key');
    const seen = JSON.stringify([t.events, t.responses]);
    assert.ok(!seen.includes(SERVICE_PASSWORD) && !seen.includes(PROGRAMME_KEY), 'no event or answer carries a secret');
    const file = await readFile(t.path);
    assert.ok(!file.includes(SERVICE_PASSWORD) && !file.includes(PROGRAMME_KEY), 'the vault file holds them encrypted');
  });

  it('bad input is refused with the field to fix, and changes nothing', async () => {
    const t = await start();
    await t.createProfile({ name: 'nas.lan', provider: 'truenas', url: 'wss://nas.lan/api/current' });
    const cases: [Record<string, unknown>, string][] = [
      [{ name: 'NAS.LAN', provider: 'truenas', url: 'wss://other/api/current' }, 'name'],
      [{ name: '  ', provider: 'truenas', url: 'wss://other/api/current' }, 'name'],
      [{ name: 'b', provider: 'truenas', url: 'not an address' }, 'url'],
      [{ name: 'b', provider: 'truenas', url: 'wss://b', username: ' ' }, 'username'],
      [{ name: 'b', provider: 'weavr', url: 'https://b', credentialKind: 'api-key' }, 'credentialKind'],
      [{ name: 'b', provider: 'truenas', url: 'wss://b', programmeKey: 'k' }, 'programmeKey'],
      [{ name: 'b', provider: 'appgate', url: 'https://b', keepAlive: true }, 'keepAlive'],
      [{ name: 'b', provider: 'appgate', url: 'https://b', otpAccountId: 'no-such-account' }, 'otpAccountId'],
    ];
    for (const [input, field] of cases) {
      const result = await t.call('profiles.create', { username: 'admin', secret: SERVICE_PASSWORD, ...input });
      assert.equal(!result.ok && result.error.code, 'INVALID_INPUT', field);
      assert.equal(!result.ok && result.error.details?.field, field);
      assert.ok(!result.ok && !result.error.message.includes(SERVICE_PASSWORD));
    }
    assert.equal((await t.value<ProfileView[]>('profiles.list')).length, 1);
    assert.equal(t.core.vault.unlocked().data().credentials.length, 1);
  });

  it('edit keeps the saved password when none is given, replaces it when one is, and a new address drops the pin and ends the session', async () => {
    const t = await start();
    const nas = await t.createProfile({ name: 'nas.lan', provider: 'truenas', url: 'wss://nas.lan/api/current', credentialKind: 'api-key' });
    await t.value('profiles.trustCertificate', { id: nas.id, fingerprint: FINGERPRINT });
    const renamed = await t.value<ProfileView>('profiles.edit', { id: nas.id, name: 'Basement NAS' });
    assert.equal(renamed.credential, 'api-key');
    assert.equal(renamed.certificate, FINGERPRINT.toUpperCase(), 'a rename keeps the pin');
    const switched = await t.call('profiles.edit', { id: nas.id, credentialKind: 'password' });
    assert.equal(!switched.ok && switched.error.details?.field, 'secret', 'a password is needed to stop using the API key');
    await t.value('profiles.edit', { id: nas.id, credentialKind: 'password', secret: 'new-Secret-55' });
    const data = t.core.vault.unlocked().data();
    assert.deepEqual(data.credentials.map((c) => [c.kind, c.secret]), [['password', 'new-Secret-55']], 'replaced, not added');
    assert.equal((await t.value<{ state: string }>('sessions.login', { id: nas.id })).state, 'active');
    const moved = await t.value<ProfileView>('profiles.edit', { id: nas.id, url: 'wss://nas2.lan/api/current' });
    assert.equal(moved.certificate, null, 'a pin vouches for one server');
    assert.deepEqual(t.truenas.logouts, ['nas-token-secret-1'], 'the old session was ended on the old server');
    assert.equal(t.core.sessions.states()[0]?.state, 'logged-out');
  });

  it('remove logs out, forgets the password and the token, and keeps the linked OTP account', async () => {
    const t = await start();
    const { account } = await t.core.accounts.add({ issuer: 'TrueNAS', label: 'admin', otp: otpParams({ type: 'totp', secret: 'JBSWY3DPEHPK3PXP' }) });
    const nas = await t.createProfile({ name: 'nas.lan', provider: 'truenas', url: 'wss://nas.lan/api/current', otpAccountId: account.id });
    await t.value('sessions.login', { id: nas.id });
    assert.equal(t.core.vault.unlocked().data().sessions.length, 1);
    assert.deepEqual(await t.call('profiles.remove', { id: nas.id }), { ok: true, value: null });
    assert.deepEqual(t.truenas.logouts, ['nas-token-secret-1']);
    const data = t.core.vault.unlocked().data();
    assert.deepEqual([data.profiles.length, data.credentials.length, data.sessions.length, data.accounts.length], [0, 0, 0, 1]);
    assert.deepEqual(data.audit.map((e) => e.kind), ['login', 'logout']);
    const gone = await t.call('profiles.remove', { id: nas.id });
    assert.equal(!gone.ok && gone.error.code, 'NOT_FOUND');
  });

  it('trustCertificate pins the fingerprint as compared, upper case, and refuses anything else', async () => {
    const t = await start();
    const nas = await t.createProfile({ name: 'nas.lan', provider: 'truenas', url: 'wss://nas.lan/api/current' });
    const pinned = await t.value<ProfileView>('profiles.trustCertificate', { id: nas.id, fingerprint: FINGERPRINT });
    assert.equal(pinned.certificate, FINGERPRINT.toUpperCase());
    assert.equal(t.core.vault.unlocked().data().profiles[0]?.options['certificateSha256'], FINGERPRINT.toUpperCase());
    const bad = await t.call('profiles.trustCertificate', { id: nas.id, fingerprint: 'AB:CD' });
    assert.equal(!bad.ok && bad.error.code, 'INVALID_INPUT');
  });
});
