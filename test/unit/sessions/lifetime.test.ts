// Runs in: tests. How an active session ends: by its own expiry on the Clock, or by logout.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AuthdeskError, isAuthdeskError } from '../../../electron/core/errors.ts';
import type { Clock } from '../../../electron/core/platform/ports.ts';
import type { FakeClock } from '../../support/clock.ts';
import { PROFILE, TOKEN, setup, settle } from './support.ts';

const START = 1_800_000_000_000;
const DAY = 24 * 60 * 60_000;

/**
 * The Clock as systemClock behaves: Node fires a timer longer than 2^31-1 ms after 1 ms
 * instead. A session re-arming its timer over and over would spin the CPU: that fails here.
 */
function withNodeTimerLimit(clock: FakeClock): Clock {
  let timers = 0;
  return {
    now: () => clock.now(),
    setTimeout(fn, ms) {
      if (++timers > 100) throw new Error('the session keeps re-arming its expiry timer');
      return clock.setTimeout(fn, ms > 2 ** 31 - 1 ? 1 : ms);
    },
  };
}

describe('expiry', () => {
  it('an active session turns expired when its time passes, not a millisecond before, and its token is forgotten', async () => {
    const t = setup({ provider: { expiresAt: START + 5 * 60_000 } });
    await t.manager.login(PROFILE);
    t.clock.advance(5 * 60_000 - 1);
    assert.equal(t.manager.state(PROFILE.id).state, 'active');
    t.clock.advance(1);
    assert.deepEqual(t.manager.state(PROFILE.id), { state: 'expired', profileId: PROFILE.id });
    await settle();
    assert.equal(t.tokens.get(PROFILE.id), null);
    assert.equal(t.clock.pendingTimers(), 0);
  });

  it('a 30-day TrueNAS session lasts 30 days, though a Node timer cannot wait that long', async () => {
    const t = setup({ provider: { expiresAt: START + 30 * DAY }, clock: withNodeTimerLimit });
    await t.manager.login(PROFILE);
    t.clock.advance(29 * DAY);
    assert.equal(t.manager.state(PROFILE.id).state, 'active');
    t.clock.advance(DAY);
    assert.equal(t.manager.state(PROFILE.id).state, 'expired');
  });

  it('a session without an expiry sets no timer and stays active', async () => {
    const t = setup({ provider: { expiresAt: null } });
    assert.deepEqual(await t.manager.login(PROFILE), { state: 'active', until: null, identity: null, profileId: PROFILE.id });
    assert.equal(t.clock.pendingTimers(), 0);
    t.clock.advance(365 * DAY);
    assert.equal(t.manager.state(PROFILE.id).state, 'active');
  });

  it('after expiry a login runs the provider again', async () => {
    const t = setup({ provider: { expiresAt: START + 1_000 } });
    await t.manager.login(PROFILE);
    t.clock.advance(1_000);
    await t.manager.login(PROFILE);
    assert.equal(t.provider.logins.length, 2);
    assert.deepEqual(t.provider.logins[1], { profileId: PROFILE.id, resume: null });
  });
});

describe('logout', () => {
  it('calls the provider\'s logout with the token, shows logged-out and forgets the token and its timer', async () => {
    const t = setup({ provider: { expiresAt: START + 60_000 } });
    await t.manager.login(PROFILE);
    await t.manager.logout(PROFILE);
    assert.deepEqual(t.provider.logouts, [TOKEN]);
    assert.deepEqual(t.states(), ['logging-in', 'active', 'logged-out']);
    assert.equal(t.tokens.get(PROFILE.id), null);
    assert.equal(t.clock.pendingTimers(), 0);
  });

  it('when the service cannot be told: logged out here all the same, and the rejection says so', async () => {
    const t = setup({ provider: { logoutError: new AuthdeskError('NETWORK_ERROR', 'nas.lan did not answer. Check your connection.') } });
    await t.manager.login(PROFILE);
    await assert.rejects(t.manager.logout(PROFILE), (error) => isAuthdeskError(error, 'NETWORK_ERROR') && error.message === 'nas.lan did not answer. Check your connection.');
    assert.equal(t.manager.state(PROFILE.id).state, 'logged-out');
    assert.equal(t.tokens.get(PROFILE.id), null);
  });

  it('an unexpected exception from the provider\'s logout is replaced by words for people', async () => {
    const t = setup({ provider: { logoutError: new Error(`socket closed while sending ${TOKEN}`) } });
    await t.manager.login(PROFILE);
    await assert.rejects(t.manager.logout(PROFILE), (error) => isAuthdeskError(error, 'PROVIDER_ERROR') && /^You are logged out here, but TrueNAS could not be told/.test(error.message) && !error.message.includes(TOKEN));
  });

  it('while a login runs: the login stops, and the service is not called to log out a session it never gave', async () => {
    const t = setup({ provider: { script: [{ kind: 'hang' }] } });
    const login = t.manager.login(PROFILE);
    await settle();
    await t.manager.logout(PROFILE);
    assert.equal((await login).state, 'logged-out');
    assert.equal(t.provider.aborts, 1);
    assert.deepEqual(t.provider.logouts, []);
  });

  it('when logged out: nothing to tell the service', async () => {
    const t = setup();
    await t.manager.logout(PROFILE);
    assert.deepEqual(t.provider.logouts, []);
    assert.deepEqual(t.states(), []);
  });

  it('a cancel while the service is being told stops waiting for it', async () => {
    const t = setup({ provider: { logoutHangs: true } });
    await t.manager.login(PROFILE);
    const logout = t.manager.logout(PROFILE);
    await settle();
    t.manager.cancel(PROFILE.id);
    await logout;
    assert.deepEqual(t.provider.logouts, [TOKEN]);
    assert.equal(t.provider.aborts, 1, 'the provider saw the logout call abort');
    assert.equal(t.manager.state(PROFILE.id).state, 'logged-out');
  });
});
