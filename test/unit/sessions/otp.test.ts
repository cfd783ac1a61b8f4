// Runs in: tests. Who answers an OTP step: the linked account first, then the person.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { REFUSED_TOO_OFTEN } from '../../support/providers/double-provider.ts';
import { PROFILE, setup, settle } from './support.ts';

describe('OTP step', () => {
  it('a refused code is retried once with the account\'s next code, which the service accepts', async () => {
    const t = setup({ provider: { script: [{ kind: 'otp', accept: '222222' }] }, codes: ['111111', '222222'] });
    assert.equal((await t.manager.login(PROFILE)).state, 'active');
    assert.deepEqual(t.provider.codes, ['111111', '222222']);
    assert.deepEqual(t.moments, ['current', 'next'], 'the second answer is the next time step\'s code');
    assert.deepEqual(t.states(), ['logging-in', 'awaiting-otp', 'logging-in', 'awaiting-otp', 'logging-in', 'active']);
    assert.deepEqual(
      t.events.filter((event) => event.state === 'awaiting-otp').map((event) => event.state === 'awaiting-otp' && event.attempt),
      [1, 2],
    );
    assert.equal(t.prompt.asked.length, 0);
  });

  it('after two refused codes from the account the person is asked, told the code was not accepted', async () => {
    const t = setup({ provider: { script: [{ kind: 'otp', accept: '333333' }] }, codes: ['111111', '222222', '444444'], answers: ['333 333'] });
    assert.equal((await t.manager.login(PROFILE)).state, 'active');
    assert.deepEqual(t.provider.codes, ['111111', '222222', '333333'], 'the typed code reaches the service without its space');
    assert.equal(t.linkedAsks(), 2, 'the account answers twice at most');
    assert.equal(t.prompt.asked.length, 1);
    assert.deepEqual(t.prompt.asked[0], { subject: 'TrueNAS (nas.lan)', message: 'That code was not accepted. Type the current code from your authenticator app.' });
  });

  it('the account repeating a refused code (same TOTP period) is not sent again: the person is asked', async () => {
    const t = setup({ provider: { script: [{ kind: 'otp', accept: '555555' }] }, codes: ['111111', '111111'], answers: ['555555'] });
    assert.equal((await t.manager.login(PROFILE)).state, 'active');
    assert.deepEqual(t.provider.codes, ['111111', '555555']);
    assert.equal(t.prompt.asked.length, 1);
  });

  it('with no linked account the person is asked, with the digits the service wants', async () => {
    const t = setup({ provider: { script: [{ kind: 'otp', accept: '12345678', digits: 8 }] }, answers: ['12345678'] });
    assert.equal((await t.manager.login(PROFILE)).state, 'active');
    assert.deepEqual(t.prompt.asked, [{ subject: 'TrueNAS (nas.lan)', message: 'Type the current code from your authenticator app to finish logging in.', digits: 8 }]);
    assert.deepEqual(t.states(), ['logging-in', 'awaiting-otp', 'logging-in', 'active']);
  });

  it('a code the service sent (SMS, RADIUS) is always asked of the person, even with a linked account', async () => {
    const t = setup({ provider: { script: [{ kind: 'otp', accept: '123456', from: 'service' }] }, codes: ['999999'], answers: ['123456'] });
    assert.equal((await t.manager.login(PROFILE)).state, 'active');
    assert.equal(t.linkedAsks(), 0);
    assert.equal(t.prompt.asked[0]?.message, 'Type the code TrueNAS sent you to finish logging in.');
  });

  it('declining the question ends in logged-out, not an error, and nothing is stored', async () => {
    const t = setup({ provider: { script: [{ kind: 'otp', accept: '123456' }] }, answers: [null] });
    const final = await t.manager.login(PROFILE);
    assert.deepEqual(final, { state: 'logged-out', profileId: PROFILE.id });
    assert.deepEqual(t.states(), ['logging-in', 'awaiting-otp', 'logged-out']);
    assert.deepEqual(t.provider.codes, []);
    assert.equal(t.tokens.get(PROFILE.id), null);
  });

  it('an empty answer counts as declining', async () => {
    const t = setup({ provider: { script: [{ kind: 'otp', accept: '123456' }] }, answers: ['  '] });
    assert.equal((await t.manager.login(PROFILE)).state, 'logged-out');
    assert.deepEqual(t.provider.codes, []);
  });

  it('the service giving up after refused codes is an error with its message', async () => {
    const t = setup({ provider: { script: [{ kind: 'otp', accept: '000000', attempts: 3 }] }, codes: ['111111', '222222'], answers: ['333333'] });
    const final = await t.manager.login(PROFILE);
    assert.deepEqual(final, { state: 'error', error: { code: 'PROVIDER_ERROR', message: REFUSED_TOO_OFTEN }, profileId: PROFILE.id });
    assert.deepEqual(t.provider.codes, ['111111', '222222', '333333']);
    await settle();
    assert.equal(t.tokens.get(PROFILE.id), null);
  });
});
