// Runs in: tests. Sessions through the real channels and the vault: tokens kept encrypted and
// restored on unlock, expiry, audit, certificates trusted on first use, and no secret in any
// event or answer.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, describe, it } from 'node:test';
import type { ProfileView, SessionEvent } from '../../../electron/core/api/types.ts';
import { DoubleProvider } from '../../support/providers/double-provider.ts';
import { eventually, SERVICE_PASSWORD, settle, startSessionsCore } from '../../support/sessions-core.ts';
import { PASSWORD } from '../../support/vault.ts';

const TOKEN = 'nas-token-7c1d-secret';
const HOUR = 3_600_000;
const FINGERPRINT = 'AB:'.repeat(31) + 'CD';
const OTHER = 'EF:'.repeat(31) + '01';

async function start(provider: DoubleProvider) {
  const t = await startSessionsCore(after, { providers: { truenas: provider } });
  const nas = await t.createProfile({ name: 'nas.lan', provider: 'truenas', url: 'wss://nas.lan/api/current' });
  return { ...t, nas };
}

describe('sessions', () => {
  it('a login is kept encrypted in the vault and shown as active again after lock and unlock', async () => {
    const clock0 = 1_800_000_000_000;
    const provider = new DoubleProvider({ token: TOKEN, expiresAt: clock0 + HOUR, identity: { id: 'u1', name: 'admin' }, script: [{ kind: 'credential', expect: SERVICE_PASSWORD }] });
    const t = await start(provider);
    const active = await t.value<SessionEvent>('sessions.login', { id: t.nas.id });
    assert.deepEqual(active, { state: 'active', until: clock0 + HOUR, identity: { id: 'u1', name: 'admin' }, profileId: t.nas.id });
    assert.deepEqual(provider.credentials, [SERVICE_PASSWORD]);
    const file = await readFile(t.path);
    assert.ok(!file.includes(TOKEN), 'the token is not in the vault file in clear');
    assert.equal(t.core.vault.unlocked().data().sessions[0]?.token, TOKEN);

    await t.value('vault.lock');
    assert.equal(t.states(t.nas.id).at(-1), 'logged-out', 'locking forgets the session in memory');
    const locked = await t.call('sessions.states');
    assert.equal(!locked.ok && locked.error.code, 'VAULT_LOCKED');
    await t.value('vault.unlock', { password: PASSWORD });
    assert.deepEqual(await t.value('sessions.states'), [active], 'the same session, until and identity, after unlock');
    assert.equal(provider.logins.length, 1, 'restoring asks the service nothing');

    await t.value('sessions.logout', { id: t.nas.id });
    assert.deepEqual(provider.logouts, [TOKEN], 'logout revokes the stored token on the server');
    assert.equal(t.core.vault.unlocked().data().sessions.length, 0, 'and forgets it');
    assert.deepEqual(t.core.vault.unlocked().data().audit.map((e) => [e.kind, e.summary]), [
      ['login', 'Logged in to TrueNAS (nas.lan) as admin.'],
      ['logout', 'Logged out of TrueNAS (nas.lan) as admin.'],
    ]);
    const seen = JSON.stringify([t.events, t.responses, t.core.vault.unlocked().data().audit]);
    assert.ok(!seen.includes(TOKEN) && !seen.includes(SERVICE_PASSWORD), 'no event, answer or audit entry carries a secret');
  });

  it('cancelling an active session forgets it here and says so in the audit log; expiry writes no entry', async () => {
    const provider = new DoubleProvider({ token: TOKEN, expiresAt: 1_800_000_000_000 + 60_000 });
    const t = await start(provider);
    await t.value('sessions.login', { id: t.nas.id });
    await t.value('sessions.cancel', { id: t.nas.id });
    await eventually(() => t.core.vault.unlocked().data().sessions.length === 0);
    assert.deepEqual(provider.logouts, [], 'the service is not told');
    await t.value('sessions.login', { id: t.nas.id });
    t.clock.advance(60_000);
    await eventually(() => t.core.vault.unlocked().data().sessions.length === 0);
    assert.deepEqual(t.core.vault.unlocked().data().audit.map((e) => [e.kind, e.summary]), [
      ['login', 'Logged in to TrueNAS (nas.lan) as admin.'],
      ['logout', 'Forgot the session with TrueNAS (nas.lan) as admin here; the service was not told.'],
      ['login', 'Logged in to TrueNAS (nas.lan) as admin.'],
    ]);
  });

  it('a session expires at its time, and a kept token whose time passed while locked shows expired and is forgotten', async () => {
    // A minute: shorter than the vault's auto-lock, which runs on the same clock.
    const provider = new DoubleProvider({ token: TOKEN, expiresAt: 1_800_000_000_000 + 60_000 });
    const t = await start(provider);
    await t.value('sessions.login', { id: t.nas.id });
    t.clock.advance(59_999);
    assert.equal(t.states(t.nas.id).at(-1), 'active');
    t.clock.advance(1);
    assert.equal(t.states(t.nas.id).at(-1), 'expired');
    await eventually(() => t.core.vault.unlocked().data().sessions.length === 0);

    const again = new DoubleProvider({ token: TOKEN, expiresAt: t.clock.now() + HOUR });
    const u = await start(again);
    await u.value('sessions.login', { id: u.nas.id });
    await u.value('vault.lock');
    u.clock.advance(2 * HOUR);
    await u.value('vault.unlock', { password: PASSWORD });
    assert.deepEqual((await u.value<SessionEvent[]>('sessions.states')).map((s) => s.state), ['expired']);
    await eventually(() => u.core.vault.unlocked().data().sessions.length === 0);
  });

  it('locking the vault mid-login cancels it: the question is withdrawn and nothing is stored', async () => {
    const provider = new DoubleProvider({ token: TOKEN, script: [{ kind: 'otp', accept: '123456' }] });
    const t = await start(provider);
    t.answerWith(() => undefined);
    const login = t.value<SessionEvent>('sessions.login', { id: t.nas.id });
    await settle();
    assert.equal(t.prompts.pending().length, 1, 'no linked account: the person is asked');
    await t.value('vault.lock');
    assert.equal((await login).state, 'logged-out');
    assert.equal(t.prompts.pending().length, 0);
    assert.deepEqual(provider.codes, []);
  });

  it('first use of an untrusted certificate asks with its fingerprint; yes pins it and the login goes on', async () => {
    const provider = new DoubleProvider({ token: TOKEN, certificate: FINGERPRINT });
    const t = await start(provider);
    t.answerWith((question) => question.kind === 'confirm');
    assert.equal((await t.value<SessionEvent>('sessions.login', { id: t.nas.id })).state, 'active');
    assert.equal(t.asked.length, 1);
    assert.equal(t.asked[0]?.kind === 'confirm' && t.asked[0].detail, FINGERPRINT);
    assert.match(t.asked[0]?.message ?? '', /Trust it only if this SHA-256 fingerprint matches/);
    assert.equal((await t.value<ProfileView[]>('profiles.list'))[0]?.certificate, FINGERPRINT);
    assert.equal(provider.logins.length, 2, 'one login refused by the certificate, one that went on');
    assert.deepEqual(t.states(t.nas.id), ['logging-in', 'active'], 'no error flashes while the person decides');
  });

  it('declining the certificate ends logged-out with nothing pinned', async () => {
    const provider = new DoubleProvider({ token: TOKEN, certificate: FINGERPRINT });
    const t = await start(provider);
    t.answerWith(() => false);
    assert.equal((await t.value<SessionEvent>('sessions.login', { id: t.nas.id })).state, 'logged-out');
    assert.equal((await t.value<ProfileView[]>('profiles.list'))[0]?.certificate, null);
    assert.equal(provider.logins.length, 1);
  });

  it('a changed certificate is refused with its fingerprint and never asked about; trustCertificate re-pins after the person looks', async () => {
    const provider = new DoubleProvider({ token: TOKEN, certificate: OTHER });
    const t = await start(provider);
    await t.value('profiles.trustCertificate', { id: t.nas.id, fingerprint: FINGERPRINT });
    t.answerWith(() => true);
    const refused = await t.value<SessionEvent>('sessions.login', { id: t.nas.id });
    assert.equal(refused.state, 'error');
    assert.equal(refused.state === 'error' && refused.error.code, 'CERT_CHANGED');
    assert.equal(refused.state === 'error' && refused.error.details?.fingerprint, OTHER);
    assert.equal(t.asked.length, 0, 'a changed certificate is not a question mid-login');
    assert.equal((await t.value<ProfileView[]>('profiles.list'))[0]?.certificate, FINGERPRINT, 'the old pin stays');
    await t.value('profiles.trustCertificate', { id: t.nas.id, fingerprint: OTHER });
    assert.equal((await t.value<SessionEvent>('sessions.login', { id: t.nas.id })).state, 'active');
  });
});
