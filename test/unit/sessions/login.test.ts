// Runs in: tests. What the person sees while a login runs, from the click to an active session.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AuthdeskError } from '../../../electron/core/errors.ts';
import { PASSWORD, PROFILE, TOKEN, setup, settle } from './support.ts';

const HOUR = 60 * 60_000;

describe('login', () => {
  it('with an OTP from the linked account: logging-in, awaiting-otp, then active until the expiry, with the identity', async () => {
    const until = 1_800_000_000_000 + 12 * HOUR;
    const t = setup({
      provider: { script: [{ kind: 'credential', expect: PASSWORD }, { kind: 'otp', accept: '492039' }], expiresAt: until, identity: { id: '1000', name: 'admin' } },
      codes: ['492039'],
    });
    const final = await t.manager.login(PROFILE);
    assert.deepEqual(t.events, [
      { state: 'logging-in', profileId: PROFILE.id },
      { state: 'awaiting-otp', attempt: 1, profileId: PROFILE.id },
      { state: 'logging-in', profileId: PROFILE.id },
      { state: 'active', until, identity: { id: '1000', name: 'admin' }, profileId: PROFILE.id },
    ]);
    assert.deepEqual(final, t.manager.state(PROFILE.id));
    assert.deepEqual(t.provider.credentials, [PASSWORD]);
    assert.deepEqual(t.provider.codes, ['492039']);
    assert.equal(t.prompt.asked.length, 0, 'the person was not asked');
    assert.equal(t.tokens.get(PROFILE.id)?.token, TOKEN);
  });

  it('with a push: awaiting-approval (where, until when) until the person approves, then active', async () => {
    const until = 1_800_000_000_000 + 60_000;
    const t = setup({ provider: { script: [{ kind: 'approval', message: 'Approve the sign-in in your Authy app.', until }] } });
    const login = t.manager.login(PROFILE);
    await settle();
    assert.deepEqual(t.manager.state(PROFILE.id), { state: 'awaiting-approval', message: 'Approve the sign-in in your Authy app.', until, profileId: PROFILE.id });
    t.provider.approve();
    assert.equal((await login).state, 'active');
    assert.deepEqual(t.states(), ['logging-in', 'awaiting-approval', 'logging-in', 'active']);
  });

  it('offers a stored, unexpired token to resume, and the provider asks for nothing', async () => {
    const t = setup({ provider: { script: [{ kind: 'hang' }], resumable: 'tok-earlier' } });
    await t.tokens.set({ profileId: PROFILE.id, identityId: null, token: 'tok-earlier', issuedAt: 0, expiresAt: null }, 'login');
    assert.equal((await t.manager.login(PROFILE)).state, 'active');
    assert.deepEqual(t.provider.logins, [{ profileId: PROFILE.id, resume: 'tok-earlier' }]);
    assert.deepEqual(t.states(), ['logging-in', 'active']);
  });

  it('does not offer a stored token past its expiry', async () => {
    const t = setup();
    await t.tokens.set({ profileId: PROFILE.id, identityId: null, token: 'tok-old', issuedAt: 0, expiresAt: t.clock.now() }, 'login');
    await t.manager.login(PROFILE);
    assert.deepEqual(t.provider.logins, [{ profileId: PROFILE.id, resume: null }]);
  });

  it('a provider error ends in the error state with its code and message, and the next login starts afresh', async () => {
    const refused = new AuthdeskError('PROVIDER_ERROR', 'TrueNAS refused the username or password. Check them in the profile.');
    const t = setup({ provider: { script: [{ kind: 'fail', error: refused }] } });
    const final = await t.manager.login(PROFILE);
    assert.deepEqual(final, { state: 'error', error: { code: 'PROVIDER_ERROR', message: refused.message }, profileId: PROFILE.id });
    assert.deepEqual(t.states(), ['logging-in', 'error']);
    assert.equal(t.tokens.get(PROFILE.id), null);
    await t.manager.login(PROFILE);
    assert.equal(t.provider.logins.length, 2);
  });

  it('a network error keeps its code, so the CLI exits 4 and the UI says to check the connection', async () => {
    const offline = new AuthdeskError('NETWORK_ERROR', 'nas.lan did not answer. Check the address and your connection.');
    const t = setup({ provider: { script: [{ kind: 'fail', error: offline }] } });
    const final = await t.manager.login(PROFILE);
    assert.equal(final.state === 'error' && final.error.code, 'NETWORK_ERROR');
  });

  it('an unexpected exception becomes PROVIDER_ERROR with words of Authdesk, not the exception text', async () => {
    const t = setup({ provider: { script: [{ kind: 'fail', error: new TypeError("Cannot read properties of undefined (reading 'user_info')") }] } });
    const final = await t.manager.login(PROFILE);
    assert.equal(final.state, 'error');
    if (final.state !== 'error') return;
    assert.equal(final.error.code, 'PROVIDER_ERROR');
    assert.match(final.error.message, /^Logging in to TrueNAS failed .*Try again/);
    assert.doesNotMatch(final.error.message, /user_info/);
  });

  it('no saved credential: CREDENTIAL_MISSING naming the profile', async () => {
    const t = setup({ provider: { script: [{ kind: 'credential', expect: PASSWORD }] }, credential: null });
    const final = await t.manager.login(PROFILE);
    assert.equal(final.state === 'error' && final.error.code, 'CREDENTIAL_MISSING');
    assert.match(final.state === 'error' ? final.error.message : '', /nas\.lan.*Add one/);
  });

  it('a profile for a service this build has no provider for: PROVIDER_UNKNOWN, and no provider runs', async () => {
    const t = setup({ table: {} });
    const final = await t.manager.login(PROFILE);
    assert.deepEqual(t.states(), ['logging-in', 'error']);
    assert.equal(final.state === 'error' && final.error.code, 'PROVIDER_UNKNOWN');
    assert.match(final.state === 'error' ? final.error.message : '', /cannot log in to TrueNAS/);
    assert.equal(t.provider.logins.length, 0);
  });

  it('a second login while one runs joins it: one conversation with the service, one outcome for both', async () => {
    const t = setup({ provider: { script: [{ kind: 'otp', accept: '111111' }] }, answers: [] });
    const first = t.manager.login(PROFILE);
    await settle();
    const second = t.manager.login(PROFILE);
    assert.equal(second, first);
    await settle();
    assert.equal(t.provider.logins.length, 1);
    assert.equal(t.prompt.asked.length, 1, 'the person is asked for one code, not two');
    t.manager.cancel(PROFILE.id);
    assert.deepEqual(await second, { state: 'logged-out', profileId: PROFILE.id });
  });

  it('a login while active keeps the session and does not call the service', async () => {
    const t = setup();
    await t.manager.login(PROFILE);
    const again = await t.manager.login(PROFILE);
    assert.equal(again.state, 'active');
    assert.equal(t.provider.logins.length, 1);
    assert.deepEqual(t.states(), ['logging-in', 'active']);
  });

  it('profiles are independent: each has its own state', async () => {
    const t = setup({ provider: { script: [{ kind: 'hang' }] } });
    void t.manager.login(PROFILE);
    await settle();
    assert.equal(t.manager.state(PROFILE.id).state, 'logging-in');
    assert.deepEqual(t.manager.state('another-profile'), { state: 'logged-out', profileId: 'another-profile' });
    t.manager.cancel(PROFILE.id);
  });

  it('a token the store cannot keep: error with the store\'s code, and the session is ended on the service', async () => {
    const t = setup({
      tokens: {
        get: () => null,
        set: async () => {
          throw new AuthdeskError('VAULT_LOCKED', 'The vault is locked.');
        },
        delete: async () => undefined,
      },
    });
    const final = await t.manager.login(PROFILE);
    assert.deepEqual(final, { state: 'error', error: { code: 'VAULT_LOCKED', message: 'The vault is locked.' }, profileId: PROFILE.id });
    await settle();
    assert.deepEqual(t.provider.logouts, [TOKEN]);
  });
});
