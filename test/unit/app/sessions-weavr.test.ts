// Runs in: tests. What a Weavr session does after login, through the channels and a double
// with Weavr's calls: identities and switching, step-up by SMS and push, and the sliding
// 5-minute window kept alive or let expire. Each call's new token is what the vault keeps.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type { SessionEvent, SessionIdentities } from '../../../electron/core/api/types.ts';
import { FakeClock } from '../../support/clock.ts';
import { DoubleProvider, SessionDouble, type SessionDoubleOptions } from '../../support/providers/double-provider.ts';
import { eventually, startSessionsCore } from '../../support/sessions-core.ts';
import { PASSWORD } from '../../support/vault.ts';

const WINDOW = 5 * 60_000;
const ACME = { id: 'id-acme', name: 'Acme Ltd' };
const BETA = { id: 'id-beta', name: 'Beta Corp' };

async function start(options: Omit<SessionDoubleOptions, 'renewedUntil'> = {}, keepAlive = false) {
  const clock = new FakeClock();
  const weavr = new SessionDouble({ token: 'auth~id-acme', expiresAt: clock.now() + WINDOW, identity: ACME, identities: [ACME, BETA], renewedUntil: () => clock.now() + WINDOW, ...options });
  const t = await startSessionsCore(after, { clock, providers: { weavr, truenas: new DoubleProvider() } });
  // Longer than the windows these tests wait out, so the vault stays open.
  await t.value('settings.update', { autoLockMinutes: 60 });
  const profile = await t.createProfile({ name: 'Weavr', provider: 'weavr', url: 'https://weavr.test', programmeKey: 'pk-1', keepAlive });
  assert.equal((await t.value<SessionEvent>('sessions.login', { id: profile.id })).state, 'active');
  const stored = () => t.core.vault.unlocked().data().sessions[0];
  return { ...t, weavr, profile, stored };
}

describe('Weavr sessions', () => {
  it('lists identities with the current one, switches, and keeps the switch across lock and unlock', async () => {
    const t = await start();
    assert.deepEqual(await t.value<SessionIdentities>('sessions.identities', { id: t.profile.id }), { current: ACME.id, identities: [ACME, BETA] });
    t.clock.advance(60_000);
    const switched = await t.value<SessionEvent>('sessions.switchIdentity', { id: t.profile.id, identityId: BETA.id });
    assert.deepEqual(switched, { state: 'active', until: t.clock.now() + WINDOW, identity: BETA, profileId: t.profile.id }, 'the switch moved the window');
    assert.deepEqual(t.weavr.calls, [{ call: 'identities', token: 'auth~id-acme' }, { call: 'switch', token: 'auth~id-acme' }]);
    assert.deepEqual([t.stored()?.token, t.stored()?.identityId, t.stored()?.expiresAt], ['auth~id-beta', BETA.id, t.clock.now() + WINDOW]);
    assert.equal(t.core.vault.unlocked().data().profiles[0]?.options['identityId'], BETA.id, 'the next login acts as the same identity');
    await t.value('vault.lock');
    await t.value('vault.unlock', { password: PASSWORD });
    assert.deepEqual(await t.value('sessions.states'), [switched]);
    const unknown = await t.call('sessions.switchIdentity', { id: t.profile.id, identityId: 'id-nobody' });
    assert.equal(!unknown.ok && unknown.error.code, 'PROVIDER_ERROR');
    assert.equal((await t.value<SessionEvent[]>('sessions.states'))[0]?.state, 'active', 'a refused switch keeps the session');
  });

  it('step-up by SMS asks the person for the code the service sent, then stays active with the new token', async () => {
    const t = await start({ stepUpScript: [{ kind: 'otp', accept: '654321', from: 'service' }] });
    t.answerWith((question) => (question.kind === 'code' ? '654321' : null));
    const stepped = await t.value<SessionEvent>('sessions.stepUp', { id: t.profile.id, method: 'sms' });
    assert.equal(stepped.state, 'active');
    assert.equal(t.asked[0]?.message, 'Type the code Weavr Multi sent you to finish logging in.');
    assert.deepEqual(t.states(t.profile.id), ['logging-in', 'active', 'awaiting-otp', 'active']);
    assert.equal(t.stored()?.token, 'auth~id-acme+stepped');
    assert.ok(!JSON.stringify([t.events, t.responses]).includes('auth~id-acme'), 'no token in any event or answer');
  });

  it('step-up by push shows awaiting-approval with its expiry until approved; cancelling it keeps the session', async () => {
    const t = await start({ stepUpScript: [{ kind: 'approval', message: 'Approve the request in the Weavr app.', until: 1_800_000_000_000 + WINDOW }] });
    const first = t.value<SessionEvent>('sessions.stepUp', { id: t.profile.id, method: 'push' });
    await eventually(() => t.states(t.profile.id).at(-1) === 'awaiting-approval');
    const waiting = (await t.value<SessionEvent[]>('sessions.states'))[0];
    assert.deepEqual(waiting, { state: 'awaiting-approval', message: 'Approve the request in the Weavr app.', until: 1_800_000_000_000 + WINDOW, profileId: t.profile.id });
    t.weavr.approve();
    assert.equal((await first).state, 'active');
    assert.equal(t.stored()?.token, 'auth~id-acme+stepped');

    const second = t.value<SessionEvent>('sessions.stepUp', { id: t.profile.id, method: 'push' });
    await eventually(() => t.states(t.profile.id).at(-1) === 'awaiting-approval');
    await t.value('sessions.cancel', { id: t.profile.id });
    assert.equal((await second).state, 'active', 'the session it was raising is still there');
    assert.equal(t.stored()?.token, 'auth~id-acme+stepped');
  });

  it('with keep-alive on, the session is kept alive before each window ends, and the vault keeps the moved expiry', async () => {
    const t = await start({}, true);
    for (let round = 1; round <= 3; round++) {
      t.clock.advance(4 * 60_000);
      await eventually(() => t.activeUntil(t.profile.id) === t.clock.now() + WINDOW, 10_000);
      assert.equal(t.stored()?.expiresAt, t.clock.now() + WINDOW, 'the vault keeps the moved expiry');
      assert.equal(t.weavr.calls.filter((c) => c.call === 'keep-alive').length, round);
    }
    assert.deepEqual(await t.value<SessionEvent[]>('sessions.states'), [{ state: 'active', until: t.clock.now() + WINDOW, identity: ACME, profileId: t.profile.id }]);
    await t.value('profiles.edit', { id: t.profile.id, keepAlive: false });
    t.clock.advance(WINDOW);
    assert.equal(t.states(t.profile.id).at(-1), 'expired', 'switched off while the session runs: it is let expire');
    assert.equal(t.weavr.calls.filter((c) => c.call === 'keep-alive').length, 3);
    await eventually(() => t.stored() === undefined);
  });

  it('with keep-alive off, the session expires when its window passes', async () => {
    const t = await start();
    t.clock.advance(WINDOW - 1);
    assert.equal(t.states(t.profile.id).at(-1), 'active');
    t.clock.advance(1);
    assert.equal(t.states(t.profile.id).at(-1), 'expired');
    assert.equal(t.weavr.calls.length, 0);
    await eventually(() => t.stored() === undefined);
  });

  it('a session the service no longer accepts shows expired and is forgotten, with the service\'s words', async () => {
    const t = await start({ revoked: true });
    const refused = await t.call('sessions.identities', { id: t.profile.id });
    assert.deepEqual(!refused.ok && refused.error, { code: 'PROVIDER_AUTH_FAILED', message: 'Weavr no longer accepts this session. Log in again.' });
    assert.equal(t.states(t.profile.id).at(-1), 'expired');
    await eventually(() => t.stored() === undefined);
  });

  it('services without identities or step-up say so; a profile not logged in is told to log in first', async () => {
    const t = await start();
    const nas = await t.createProfile({ name: 'nas', provider: 'truenas', url: 'wss://nas/api/current' });
    const before = await t.call('sessions.identities', { id: nas.id });
    assert.equal(!before.ok && before.error.code, 'NOT_FOUND');
    assert.match(!before.ok ? before.error.message : '', /nas is not logged in/);
    await t.value('sessions.login', { id: nas.id });
    for (const [channel, input] of [['sessions.identities', {}], ['sessions.switchIdentity', { identityId: 'x' }], ['sessions.stepUp', { method: 'sms' }]] as const) {
      const result = await t.call(channel, { id: nas.id, ...input });
      assert.equal(!result.ok && result.error.code, 'PROVIDER_UNSUPPORTED', channel);
    }
  });
});
