// Runs in: tests. The notice a person gets shortly before a session ends by itself: once per
// session, 2 minutes before its expiry, with words that say what to do and no secret; none for a
// session kept alive, none after logout or lock, and again for a renewed or new session. Time is
// a FakeClock; the services are doubles through the real channels and vault.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type { SessionEvent } from '../../../electron/core/api/types.ts';
import { timeCode } from '../../../electron/core/otp/engine.ts';
import { otpParams } from '../../../electron/core/otp/entry.ts';
import { expiryNoticeAt } from '../../../electron/core/sessions/expiry-notices.ts';
import { FakeClock } from '../../support/clock.ts';
import { RecordingNotifier } from '../../support/notifier.ts';
import { DoubleProvider, SessionDouble } from '../../support/providers/double-provider.ts';
import { eventually, SERVICE_PASSWORD, startSessionsCore } from '../../support/sessions-core.ts';
import { PASSWORD } from '../../support/vault.ts';

const MINUTE = 60_000;
const TOKEN = 'nas-token-4f2a-secret';
const SEED = 'JBSWY3DPEHPK3PXP';
const OTP = otpParams({ type: 'totp', secret: SEED });
const ACME = { id: 'id-acme', name: 'Acme Ltd' };
const BETA = { id: 'id-beta', name: 'Beta Corp' };

async function start(options: { minutes?: number | null; keepAlive?: boolean; otp?: boolean } = {}) {
  const clock = new FakeClock();
  const notifier = new RecordingNotifier();
  const minutes = options.minutes === undefined ? 10 : options.minutes;
  const until = () => (minutes === null ? null : clock.now() + minutes * MINUTE);
  const code = timeCode(OTP, clock.now() / 1000);
  // The OTP step's code is the one of the start time: only a test that logs in then asks for it.
  const truenas = new DoubleProvider({ token: TOKEN, expiresAt: until, script: [{ kind: 'credential', expect: SERVICE_PASSWORD }, ...(options.otp ? [{ kind: 'otp', accept: code, attempts: 1 } as const] : [])] });
  const weavr = new SessionDouble({ token: 'auth~id-acme', expiresAt: until, identity: ACME, identities: [ACME, BETA], renewedUntil: until });
  const t = await startSessionsCore(after, { clock, notifier, providers: { truenas, weavr } });
  // Longer than the sessions these tests wait out, so the vault stays open on the same clock.
  await t.value('settings.update', { autoLockMinutes: 120 });
  const { account } = await t.core.accounts.add({ issuer: 'TrueNAS', label: 'admin', otp: OTP });
  const nas = await t.createProfile({ name: 'nas.lan', provider: 'truenas', url: 'wss://nas.lan/api/current', otpAccountId: account.id });
  const work = await t.createProfile({ name: 'Weavr work', provider: 'weavr', url: 'https://weavr.test', programmeKey: 'pk-1', keepAlive: options.keepAlive ?? false });
  const login = async (id: string) => assert.equal((await t.value<SessionEvent>('sessions.login', { id })).state, 'active');
  return { ...t, notifier, nas, work, login, code };
}

describe('a session about to expire is announced', () => {
  it('once, 2 minutes before its expiry, naming the profile and what to do, and opening it on the Sessions screen', async () => {
    const t = await start({ otp: true });
    await t.login(t.nas.id);
    assert.deepEqual(t.asked, [], 'the code came from the vault');
    t.clock.advance(8 * MINUTE - 1);
    assert.equal(t.notifier.shown.length, 0, 'nothing before the time');
    t.clock.advance(1);
    assert.deepEqual(t.notifier.shown, [
      {
        title: 'nas.lan: session ending soon',
        body: 'Your TrueNAS session ends in 2 minutes. Log in again from the tray or the Sessions screen when it does.',
        target: { screen: 'sessions', profileId: t.nas.id },
      },
    ]);
    t.clock.advance(2 * MINUTE);
    assert.equal(t.states(t.nas.id).at(-1), 'expired');
    assert.equal(t.notifier.shown.length, 1, 'told once: the expiry itself shows on the Sessions screen');
    const words = JSON.stringify(t.notifier.shown);
    for (const secret of [TOKEN, t.code, SERVICE_PASSWORD, SEED]) assert.ok(!words.includes(secret), 'no token, code, password or seed in a notice');
  });

  it('not after logout or lock; a new login is announced again', async () => {
    const t = await start();
    await t.login(t.nas.id);
    t.clock.advance(5 * MINUTE);
    await t.value('sessions.logout', { id: t.nas.id });
    t.clock.advance(10 * MINUTE);
    assert.equal(t.notifier.shown.length, 0, 'a session logged out is not announced');

    await t.login(t.nas.id);
    t.clock.advance(5 * MINUTE);
    await t.value('vault.lock');
    t.clock.advance(10 * MINUTE);
    assert.equal(t.notifier.shown.length, 0, 'nor one the lock put away');

    await t.value('vault.unlock', { password: PASSWORD });
    await t.login(t.nas.id);
    t.clock.advance(8 * MINUTE);
    assert.deepEqual(t.notifier.shown.map((n) => n.target), [{ screen: 'sessions', profileId: t.nas.id }]);
  });

  it('a renewal moves the notice to 2 minutes before the new expiry', async () => {
    const t = await start({ minutes: 5 });
    await t.login(t.work.id);
    t.clock.advance(2 * MINUTE);
    await t.value('sessions.switchIdentity', { id: t.work.id, identityId: BETA.id });
    t.clock.advance(MINUTE);
    assert.equal(t.notifier.shown.length, 0, 'not at the first session’s time');
    t.clock.advance(2 * MINUTE);
    assert.equal(t.notifier.shown.length, 1);
    assert.equal(
      t.notifier.shown[0]?.body,
      'Your Weavr Multi session ends in 2 minutes. Log in again from the tray or the Sessions screen when it does. To stay logged in while Authdesk runs, turn on “Keep the session alive” in the profile.',
    );
    assert.ok(!JSON.stringify(t.notifier.shown).includes('auth~id-'), 'no token');
  });

  it('not for a session Authdesk keeps alive, nor for one without an expiry', async () => {
    const kept = await start({ minutes: 5, keepAlive: true });
    await kept.login(kept.work.id);
    for (let round = 1; round <= 3; round++) {
      kept.clock.advance(4 * MINUTE);
      // Patient, on a machine busy with other tests.
      await eventually(() => kept.activeUntil(kept.work.id) === kept.clock.now() + 5 * MINUTE, 10_000);
    }
    assert.equal(kept.states(kept.work.id).at(-1), 'active', 'kept alive three times');
    assert.equal(kept.notifier.shown.length, 0);
    await kept.value('profiles.edit', { id: kept.work.id, keepAlive: false });
    kept.clock.advance(3 * MINUTE);
    assert.equal(kept.notifier.shown.length, 1, 'switched off while the session runs: it is announced before it ends');

    const endless = await start({ minutes: null });
    await endless.login(endless.nas.id);
    endless.clock.advance(24 * 60 * MINUTE);
    assert.equal(endless.notifier.shown.length, 0);
  });

  it('a session with less than twice the lead left is told halfway, never at once', () => {
    const now = 1_800_000_000_000;
    assert.equal(expiryNoticeAt(now, now + 10 * MINUTE), now + 8 * MINUTE);
    assert.equal(expiryNoticeAt(now, now + 2 * MINUTE), now + MINUTE);
  });
});
