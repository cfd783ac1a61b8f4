// Runs in: tests. When the linked account's code is sent: never with under 3 seconds left,
// and after a refusal once more with the next time step's code, then the person is asked.
// Time is a FakeClock; the codes are the account's real TOTP codes.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type { SessionEvent } from '../../../electron/core/api/types.ts';
import { timeCode } from '../../../electron/core/otp/engine.ts';
import { otpParams } from '../../../electron/core/otp/entry.ts';
import { DoubleProvider } from '../../support/providers/double-provider.ts';
import { eventually, startSessionsCore } from '../../support/sessions-core.ts';

const SEED = 'JBSWY3DPEHPK3PXP';
const OTP = otpParams({ type: 'totp', secret: SEED });
/** A period boundary: step N starts here (FakeClock's default start). */
const STEP_N = 1_800_000_000_000;
const codeOf = (stepStartMs: number): string => timeCode(OTP, stepStartMs / 1000);

async function start(provider: DoubleProvider, offsetMs: number) {
  const t = await startSessionsCore(after, { providers: { truenas: provider } });
  const { account } = await t.core.accounts.add({ issuer: 'TrueNAS', label: 'admin', otp: OTP });
  const nas = await t.createProfile({ name: 'nas.lan', provider: 'truenas', url: 'wss://nas.lan/api/current', otpAccountId: account.id });
  t.clock.set(STEP_N + offsetMs);
  const awaiting = (attempt: number) => t.events.some((e) => e.channel === 'sessions.onState' && (e.payload as SessionEvent).state === 'awaiting-otp' && (e.payload as { attempt: number }).attempt === attempt);
  return { ...t, nas, awaiting };
}

describe('the linked account answers the OTP step', () => {
  it('with under 3 seconds left on the code, it waits for the next one', async () => {
    const next = codeOf(STEP_N + 30_000);
    const provider = new DoubleProvider({ script: [{ kind: 'otp', accept: next, attempts: 1 }] });
    const t = await start(provider, 27_001);
    const login = t.value<SessionEvent>('sessions.login', { id: t.nas.id });
    await eventually(() => t.awaiting(1));
    t.clock.advance(2_998);
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.deepEqual(provider.codes, [], 'no code sent while the current one is about to expire');
    t.clock.advance(1);
    assert.equal((await login).state, 'active');
    assert.deepEqual(provider.codes, [next]);
    assert.equal(t.asked.length, 0);
  });

  it('with 3 seconds or more left, the current code goes at once', async () => {
    const current = codeOf(STEP_N);
    const provider = new DoubleProvider({ script: [{ kind: 'otp', accept: current, attempts: 1 }] });
    const t = await start(provider, 27_000);
    assert.equal((await t.value<SessionEvent>('sessions.login', { id: t.nas.id })).state, 'active');
    assert.deepEqual(provider.codes, [current]);
  });

  it('a refused code is followed once by the next time step\'s code, sent when that step begins', async () => {
    const next = codeOf(STEP_N + 30_000);
    const provider = new DoubleProvider({ script: [{ kind: 'otp', accept: next }] });
    const t = await start(provider, 10_000);
    const login = t.value<SessionEvent>('sessions.login', { id: t.nas.id });
    await eventually(() => t.awaiting(2));
    assert.deepEqual(provider.codes, [codeOf(STEP_N)]);
    t.clock.advance(19_999);
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(provider.codes.length, 1, 'the next step\'s code waits for its step');
    t.clock.advance(1);
    assert.equal((await login).state, 'active');
    assert.deepEqual(provider.codes, [codeOf(STEP_N), next]);
    assert.equal(t.asked.length, 0);
  });

  it('after the next step\'s code is refused too, the person is asked', async () => {
    const provider = new DoubleProvider({ script: [{ kind: 'otp', accept: '000000' }] });
    const t = await start(provider, 10_000);
    t.answerWith((question) => (question.kind === 'code' ? '000 000' : null));
    const login = t.value<SessionEvent>('sessions.login', { id: t.nas.id });
    await eventually(() => t.awaiting(2));
    t.clock.advance(20_000);
    assert.equal((await login).state, 'active');
    assert.deepEqual(provider.codes, [codeOf(STEP_N), codeOf(STEP_N + 30_000), '000000']);
    assert.equal(t.asked.length, 1);
    assert.equal(t.asked[0]?.message, 'That code was not accepted. Type the current code from your authenticator app.');
  });
});

describe('a seed the service issues', () => {
  it('kept on yes becomes a vault account linked to the profile, which answers the next code', async () => {
    const uri = `otpauth://totp/Appgate:admin?secret=${SEED}&issuer=Appgate`;
    const provider = new DoubleProvider({ script: [{ kind: 'seed', otpauthUri: uri }, { kind: 'otp', accept: codeOf(STEP_N), attempts: 1 }] });
    const t = await startSessionsCore(after, { providers: { appgate: provider } });
    const gate = await t.createProfile({ name: 'gate', provider: 'appgate', url: 'https://gate.test' });
    t.clock.set(STEP_N + 10_000);
    t.answerWith((question) => question.kind === 'confirm');
    assert.equal((await t.value<SessionEvent>('sessions.login', { id: gate.id })).state, 'active');
    const [account] = t.core.accounts.list();
    assert.equal(account?.issuer, 'Appgate');
    const [profile] = await t.value<{ otpAccountId: string | null }[]>('profiles.list');
    assert.equal(profile?.otpAccountId, account?.id);
    assert.deepEqual(provider.codes, [codeOf(STEP_N)]);
    assert.ok(!JSON.stringify([t.events, t.responses]).includes(SEED));
  });
});
