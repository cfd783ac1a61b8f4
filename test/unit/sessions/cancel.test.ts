// Runs in: tests. Cancel, in every state: logged-out at once, the provider told, nothing left behind.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AuthdeskError, isAuthdeskError } from '../../../electron/core/errors.ts';
import { createMemoryTokenStore, type TokenStore } from '../../../electron/core/sessions/index.ts';
import { PROFILE, TOKEN, setup, settle } from './support.ts';

const LOGGED_OUT = { state: 'logged-out', profileId: PROFILE.id };

describe('cancel', () => {
  it('while logging in: logged-out at once, the login resolves, and the provider saw the abort', async () => {
    const t = setup({ provider: { script: [{ kind: 'hang' }] } });
    const login = t.manager.login(PROFILE);
    await settle();
    assert.equal(t.manager.state(PROFILE.id).state, 'logging-in');
    t.manager.cancel(PROFILE.id);
    assert.deepEqual(t.manager.state(PROFILE.id), LOGGED_OUT, 'shown before the provider answers');
    assert.deepEqual(await login, LOGGED_OUT);
    assert.equal(t.provider.aborts, 1);
    await settle();
    assert.deepEqual(t.states(), ['logging-in', 'logged-out'], 'the provider\'s abort error is not shown as an error');
  });

  it('while the person is asked for a code: the question settles as declined and the provider saw the abort', async () => {
    const t = setup({ provider: { script: [{ kind: 'otp', accept: '123456' }] } });
    const login = t.manager.login(PROFILE);
    await settle();
    assert.equal(t.manager.state(PROFILE.id).state, 'awaiting-otp');
    t.manager.cancel(PROFILE.id);
    assert.deepEqual(await login, LOGGED_OUT);
    await settle();
    assert.deepEqual(t.prompt.settled, [null]);
    assert.equal(t.provider.aborts, 1);
    assert.deepEqual(t.provider.codes, []);
    assert.deepEqual(t.states(), ['logging-in', 'awaiting-otp', 'logged-out']);
  });

  it('while awaiting approval: logged-out, and an approval arriving later changes nothing', async () => {
    const t = setup({ provider: { script: [{ kind: 'approval', message: 'Approve on your phone.' }] } });
    const login = t.manager.login(PROFILE);
    await settle();
    assert.equal(t.manager.state(PROFILE.id).state, 'awaiting-approval');
    t.manager.cancel(PROFILE.id);
    assert.deepEqual(await login, LOGGED_OUT);
    t.provider.approve();
    await settle();
    assert.equal(t.provider.aborts, 1);
    assert.deepEqual(t.manager.state(PROFILE.id), LOGGED_OUT);
    assert.equal(t.tokens.get(PROFILE.id), null);
  });

  it('while active: logged-out, the token forgotten and the expiry timer gone', async () => {
    const t = setup({ provider: { expiresAt: 1_800_000_000_000 + 60_000 } });
    await t.manager.login(PROFILE);
    assert.equal(t.clock.pendingTimers(), 1);
    t.manager.cancel(PROFILE.id);
    await settle();
    assert.deepEqual(t.manager.state(PROFILE.id), LOGGED_OUT);
    assert.equal(t.tokens.get(PROFILE.id), null);
    assert.equal(t.clock.pendingTimers(), 0);
    t.clock.advance(120_000);
    assert.deepEqual(t.states(), ['logging-in', 'active', 'logged-out'], 'no expired after the cancel');
  });

  it('when expired or in error: back to logged-out', async () => {
    const expired = setup({ provider: { expiresAt: 1_800_000_000_000 + 1_000 } });
    await expired.manager.login(PROFILE);
    expired.clock.advance(1_000);
    expired.manager.cancel(PROFILE.id);
    assert.deepEqual(expired.states(), ['logging-in', 'active', 'expired', 'logged-out']);

    const failed = setup({ provider: { script: [{ kind: 'fail', error: new AuthdeskError('PROVIDER_ERROR', 'Refused.') }] } });
    await failed.manager.login(PROFILE);
    failed.manager.cancel(PROFILE.id);
    assert.deepEqual(failed.states(), ['logging-in', 'error', 'logged-out']);
  });

  it('when logged out: nothing happens and nothing is emitted', async () => {
    const t = setup();
    t.manager.cancel(PROFILE.id);
    await t.manager.login(PROFILE);
    await t.manager.logout(PROFILE);
    t.manager.cancel(PROFILE.id);
    assert.deepEqual(t.states(), ['logging-in', 'active', 'logged-out']);
  });

  it('a provider deaf to the abort cannot bring the session back: its late session is ended on the service', async () => {
    const t = setup({ provider: { script: [{ kind: 'hang', deaf: true }] } });
    const login = t.manager.login(PROFILE);
    await settle();
    t.manager.cancel(PROFILE.id);
    assert.deepEqual(await login, LOGGED_OUT, 'the login settles without the provider');
    t.provider.release();
    await settle();
    assert.deepEqual(t.manager.state(PROFILE.id), LOGGED_OUT);
    assert.equal(t.tokens.get(PROFILE.id), null);
    assert.deepEqual(t.provider.logouts, [TOKEN]);
  });

  it('a provider waiting on an approval it cannot abort itself is released with LOGIN_CANCELLED', async () => {
    const t = setup({ provider: { script: [{ kind: 'approval', message: 'Approve on your phone.', deaf: true }] } });
    void t.manager.login(PROFILE);
    await settle();
    t.manager.cancel(PROFILE.id);
    await settle();
    assert.equal(t.provider.failures.length, 1);
    assert.ok(isAuthdeskError(t.provider.failures[0], 'LOGIN_CANCELLED'));
  });

  it('a step asked for after the cancel fails at once, asking neither the linked account nor the person', async () => {
    const t = setup({ provider: { script: [{ kind: 'hang', deaf: true }, { kind: 'otp', accept: '123456' }] }, codes: ['123456'] });
    void t.manager.login(PROFILE);
    await settle();
    t.manager.cancel(PROFILE.id);
    t.provider.release();
    await settle();
    assert.equal(t.provider.failures.length, 1);
    assert.equal(t.linkedAsks(), 0, 'an HOTP account would have spent a code');
    assert.equal(t.prompt.asked.length, 0);
    assert.deepEqual(t.provider.codes, []);
    assert.deepEqual(t.states(), ['logging-in', 'logged-out']);
  });

  it('a cancel while the token is being stored leaves no token behind', async () => {
    const memory = createMemoryTokenStore();
    let release = (): void => undefined;
    const slowTokens: TokenStore = { ...memory, set: (token, why) => new Promise<void>((resolve) => (release = () => void memory.set(token, why).then(resolve))) };
    const t = setup({ tokens: slowTokens });
    const login = t.manager.login(PROFILE);
    await settle();
    t.manager.cancel(PROFILE.id);
    release();
    assert.deepEqual(await login, LOGGED_OUT);
    await settle();
    assert.equal(memory.get(PROFILE.id), null);
    assert.deepEqual(t.provider.logouts, [TOKEN]);
  });

  it('a login after a cancel starts a new conversation', async () => {
    const t = setup({ provider: { script: [{ kind: 'otp', accept: '123456' }] } });
    void t.manager.login(PROFILE);
    await settle();
    t.manager.cancel(PROFILE.id);
    void t.manager.login(PROFILE);
    await settle();
    assert.equal(t.provider.logins.length, 2);
    assert.equal(t.manager.state(PROFILE.id).state, 'awaiting-otp');
    assert.deepEqual(t.states(), ['logging-in', 'awaiting-otp', 'logged-out', 'logging-in', 'awaiting-otp']);
    t.manager.cancel(PROFILE.id);
  });
});
