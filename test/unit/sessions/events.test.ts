// Runs in: tests. Events reach any number of listeners and carry no secret, whatever a provider says.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AuthdeskError } from '../../../electron/core/errors.ts';
import type { SessionEvent } from '../../../electron/core/sessions/index.ts';
import { PASSWORD, PROFILE, TOKEN, setup, settle } from './support.ts';

const CODE = '731904';
const RESUME = 'tok-resume-77c1d0';

function assertNoSecret(events: readonly SessionEvent[], secrets: readonly string[]): void {
  for (const event of events) {
    const text = JSON.stringify(event);
    for (const secret of secrets) assert.ok(!text.includes(secret), `an event shows a secret: ${event.state}`);
  }
}

describe('session events', () => {
  it('carry no token, password or OTP through a whole session: login, OTP, approval, expiry, login, logout', async () => {
    const t = setup({
      provider: {
        script: [{ kind: 'credential', expect: PASSWORD }, { kind: 'otp', accept: CODE }, { kind: 'approval', message: 'Approve on your phone.' }],
        expiresAt: 1_800_000_000_000 + 60_000,
        identity: { id: '7', name: 'Ops Ltd' },
      },
      codes: [CODE, CODE],
    });
    const login = t.manager.login(PROFILE);
    await settle();
    t.provider.approve();
    await login;
    t.clock.advance(60_000);
    const again = t.manager.login(PROFILE);
    await settle();
    t.provider.approve();
    await again;
    await t.manager.logout(PROFILE);
    const oneLogin = ['logging-in', 'awaiting-otp', 'logging-in', 'awaiting-approval', 'logging-in', 'active'];
    assert.deepEqual(t.states(), [...oneLogin, 'expired', ...oneLogin, 'logged-out']);
    assertNoSecret(t.events, [TOKEN, PASSWORD, CODE]);
  });

  it('a provider message quoting the password, an OTP or the resume token is replaced; the code stays', async () => {
    for (const quoted of [PASSWORD, CODE, RESUME]) {
      const careless = new AuthdeskError('PROVIDER_ERROR', `Login failed for admin with "${quoted}".`);
      const t = setup({ provider: { script: [{ kind: 'credential', expect: PASSWORD }, { kind: 'otp', accept: CODE }, { kind: 'fail', error: careless }] }, codes: [CODE] });
      await t.tokens.set({ profileId: PROFILE.id, identityId: null, token: RESUME, issuedAt: 0, expiresAt: null }, 'login');
      const final = await t.manager.login(PROFILE);
      assert.equal(final.state === 'error' && final.error.code, 'PROVIDER_ERROR');
      assert.match(final.state === 'error' ? final.error.message : '', /^Logging in to TrueNAS failed/);
      assertNoSecret(t.events, [quoted]);
    }
  });

  it('show only the identity\'s id and name, whatever else a provider puts in it', async () => {
    const identity = { id: '7', name: 'Ops Ltd', accessToken: TOKEN };
    const t = setup({ provider: { identity } });
    const final = await t.manager.login(PROFILE);
    assert.deepEqual(final.state === 'active' && final.identity, { id: '7', name: 'Ops Ltd' });
    assertNoSecret(t.events, [TOKEN]);
  });

  it('reach every listener; an unsubscribed one hears nothing more, and unsubscribing twice is harmless', async () => {
    const t = setup({ provider: { script: [{ kind: 'hang' }] } });
    const first: string[] = [];
    const second: string[] = [];
    const stopFirst = t.manager.subscribe((event) => first.push(event.state));
    t.manager.subscribe((event) => second.push(event.state));
    void t.manager.login(PROFILE);
    stopFirst();
    stopFirst();
    t.manager.cancel(PROFILE.id);
    assert.deepEqual(first, ['logging-in']);
    assert.deepEqual(second, ['logging-in', 'logged-out']);
    assert.deepEqual(t.states(), ['logging-in', 'logged-out']);
  });

  it('the same function subscribed twice hears each event twice, and each subscription ends on its own', () => {
    const t = setup({ provider: { script: [{ kind: 'hang' }] } });
    const heard: string[] = [];
    const listener = (event: SessionEvent): void => void heard.push(event.state);
    const stop = t.manager.subscribe(listener);
    t.manager.subscribe(listener);
    void t.manager.login(PROFILE);
    stop();
    t.manager.cancel(PROFILE.id);
    assert.deepEqual(heard, ['logging-in', 'logging-in', 'logged-out']);
  });

  it('a listener that throws stops neither the login nor the other listeners', async (context) => {
    const logged = context.mock.method(console, 'error', () => undefined);
    const t = setup();
    t.manager.subscribe(() => {
      throw new Error('window gone');
    });
    const heard: string[] = [];
    t.manager.subscribe((event) => heard.push(event.state));
    assert.equal((await t.manager.login(PROFILE)).state, 'active');
    assert.deepEqual(heard, ['logging-in', 'active']);
    assert.equal(logged.mock.callCount(), 2);
  });
});
