// Runs in: tests.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AccountsService } from '../../../electron/core/accounts/accounts.ts';
import { CodesService } from '../../../electron/core/accounts/codes.ts';
import type { AccountCode } from '../../../electron/core/accounts/codes.ts';
import { isAuthdeskError } from '../../../electron/core/errors.ts';
import { encodeBase32 } from '../../../electron/core/otp/base32.ts';
import { MAX_HOTP_COUNTER, otpParams } from '../../../electron/core/otp/entry.ts';
import { MemoryVault } from '../../support/memory-vault.ts';
import { FakeClock } from '../../support/clock.ts';


// RFC 6238 / RFC 4226 seed, with their published codes below.
const SEED = encodeBase32(Buffer.from('12345678901234567890'));

async function setup(startMs: number) {
  const vault = new MemoryVault();
  const clock = new FakeClock(startMs);
  const accounts = new AccountsService(vault, clock);
  const { added } = await accounts.addMany([
    { issuer: 'RFC', label: 'totp', otp: otpParams({ type: 'totp', secret: SEED, digits: 8 }) },
    { issuer: 'RFC', label: 'hotp', otp: otpParams({ type: 'hotp', secret: SEED }) },
    { issuer: 'Steam', label: 'me', otp: otpParams({ type: 'steam', secret: SEED }) },
    { issuer: 'Slow', label: 'x', otp: otpParams({ type: 'totp', secret: SEED, period: 20 }) },
  ]);
  return { vault, clock, accounts, codes: new CodesService(vault, clock), ids: added.map((a) => a.id) };
}

test('current and next TOTP code with their validity window (RFC 6238 vectors)', async () => {
  const { codes, ids } = await setup(1_111_111_109_000);
  const [totp, hotp, steam] = codes.list();
  assert.deepEqual(totp, { id: ids[0], code: '07081804', next: '14050471', validFrom: 1_111_111_080_000, validUntil: 1_111_111_110_000 });
  assert.deepEqual(hotp, { id: ids[1], code: null, next: null, validFrom: hotp?.validFrom, validUntil: null });
  assert.match(steam?.code ?? '', /^[23456789BCDFGHJKMNPQRTVWXY]{5}$/);
  assert.notEqual(steam?.code, steam?.next);
});

test('codes are computed once per period and move on exactly at the boundary', async () => {
  const { codes, clock } = await setup(1_111_111_080_000);
  const first = codes.list();
  clock.advance(29_999);
  const same = codes.list();
  assert.equal(same[0], first[0], 'within the period the cached code is returned');
  clock.advance(1);
  const after = codes.list()[0];
  assert.equal(after?.code, first[0]?.next);
  assert.equal(after?.code, '14050471');
  assert.equal(after?.validFrom, 1_111_111_110_000);
  // After a long sleep, nothing stale is carried over.
  clock.set(59_000);
  assert.equal(codes.list()[0]?.code, '94287082');
});

test('changing an account’s secret shows the new codes at once', async () => {
  const { codes, vault, ids } = await setup(59_000);
  assert.equal(codes.list()[0]?.code, '94287082');
  const other = otpParams({ type: 'totp', secret: encodeBase32(Buffer.from('another secret bytes')), digits: 8 });
  await vault.mutate((d) => ({ ...d, accounts: d.accounts.map((a) => (a.id === ids[0] ? { ...a, otp: other } : a)) }));
  assert.notEqual(codes.list()[0]?.code, '94287082');
});

test('HOTP: the counter is saved before the code is returned, and a failed save shows no code', async () => {
  const { codes, vault, ids } = await setup(0);
  const id = ids[1] ?? '';
  vault.failNextSave = true;
  await assert.rejects(codes.nextHotp(id));
  assert.equal(vault.data().accounts[1]?.otp.counter, 0);
  assert.equal(codes.list()[1]?.code, null);

  const savesBefore = vault.saved.length;
  const first = await codes.nextHotp(id);
  assert.equal(first.code, '755224');
  assert.equal(vault.saved.length, savesBefore + 1);
  assert.equal(vault.saved.at(-1)?.accounts[1]?.otp.counter, 1);
  assert.equal((await codes.nextHotp(id)).code, '287082');
  assert.equal(vault.data().accounts[1]?.otp.counter, 2);
  assert.equal(codes.list()[1]?.code, '287082', 'the code asked for stays on screen');
  await assert.rejects(codes.nextHotp(ids[0] ?? ''), (e: unknown) => isAuthdeskError(e, 'OTP_UNSUPPORTED'));
  await assert.rejects(codes.nextHotp('missing'), (e: unknown) => isAuthdeskError(e, 'NOT_FOUND'));
});

test('HOTP: advancing stops at 2^53 - 1 with a clear error, never a rounded counter', async () => {
  const { codes, vault, ids } = await setup(0);
  const id = ids[1] ?? '';
  await vault.mutate((d) => ({ ...d, accounts: d.accounts.map((a) => (a.id === id ? { ...a, otp: { ...a.otp, counter: MAX_HOTP_COUNTER - 1 } } : a)) }));
  assert.match((await codes.nextHotp(id)).code ?? '', /^\d{6}$/);
  assert.equal(vault.data().accounts[1]?.otp.counter, MAX_HOTP_COUNTER);
  const saves = vault.saved.length;
  await assert.rejects(codes.nextHotp(id), (e: unknown) => isAuthdeskError(e, 'OTP_UNSUPPORTED') && /last counter/.test(e.message));
  assert.equal(vault.data().accounts[1]?.otp.counter, MAX_HOTP_COUNTER);
  assert.equal(vault.saved.length, saves, 'nothing is saved');
});

test('one account whose stored settings make no code gives an error on its own row; the others keep their codes', async () => {
  const { codes, vault, ids } = await setup(1_111_111_109_000);
  const good = codes.list();
  const damage = [{ secret: 'not base32!' }, { secret: '' }, { period: 0 }, { period: 'x' }, { digits: 40 }, { algorithm: 'MD5' }];
  for (const broken of damage) {
    await vault.mutate((d) => ({ ...d, accounts: d.accounts.map((a) => (a.id === ids[3] ? { ...a, otp: { ...a.otp, ...broken } as typeof a.otp } : a)) }));
    const rows = codes.list();
    assert.deepEqual(rows.slice(0, 3), good.slice(0, 3), JSON.stringify(broken));
    assert.equal(rows[3]?.code, null);
    assert.match(rows[3]?.error ?? '', /damaged/);
    assert.equal(codes.codeAt(vault.data().accounts[3] ?? assert.fail(), 1_111_111_109).error, rows[3]?.error);
  }
});

test('codeAt gives the codes at another moment without touching HOTP counters', async () => {
  const { codes, accounts, vault } = await setup(0);
  const [totp, hotp] = accounts.list();
  assert.ok(totp && hotp);
  assert.deepEqual(codes.codeAt(totp, 20_000_000_000), { id: totp.id, code: '65353130', next: codes.codeAt(totp, 20_000_000_030).code, validFrom: 19_999_999_980_000, validUntil: 20_000_000_010_000 });
  assert.equal(codes.codeAt(hotp, 59).code, null);
  assert.equal(vault.data().accounts[1]?.otp.counter, 0);
});

test('what the renderer gets has no secret in it', async () => {
  const { codes } = await setup(59_000);
  for (const code of codes.list()) {
    assert.deepEqual(Object.keys(code).sort(), ['code', 'id', 'next', 'validFrom', 'validUntil']);
    assert.doesNotMatch(JSON.stringify(code), new RegExp(SEED.slice(0, 8)));
  }
});

test('watch pushes codes now and at each expiry through the Clock, until stopped or locked', async () => {
  const { codes, clock, vault, accounts } = await setup(1_000);
  const pushes: { at: number; codes: AccountCode[] }[] = [];
  const errors: unknown[] = [];
  const watch = codes.watch((c) => pushes.push({ at: clock.now(), codes: c }), (e) => errors.push(e));
  clock.advance(60_000);
  // Periods of 30 s and 20 s: boundaries at 20, 30, 40 and 60 s.
  assert.deepEqual(pushes.map((p) => p.at), [1_000, 20_000, 30_000, 40_000, 60_000]);
  assert.equal(pushes[0]?.codes.length, 4, 'the first push has every code');
  // Later pushes carry only the codes whose period ended (the window keeps the others).
  const labels = (push: { codes: AccountCode[] } | undefined) => push?.codes.map((c) => accounts.get(c.id).label);
  assert.deepEqual(labels(pushes[1]), ['x'], 'at 20 s only the 20-second account');
  assert.deepEqual(labels(pushes[2]), ['totp', 'me'], 'at 30 s the 30-second ones; the HOTP account, unchanged, is not sent');
  assert.equal(pushes[2]?.codes[0]?.code, codes.codeAt(vault.data().accounts[0] ?? assert.fail(), 30).code);

  // A new account shows up on refresh, alone, and the schedule does not double up.
  await accounts.add({ issuer: 'New', label: 'n', otp: otpParams({ type: 'totp', secret: SEED, period: 7 }) });
  watch.refresh();
  assert.deepEqual(labels(pushes.at(-1)), ['n']);
  const before = pushes.length;
  await accounts.edit(accounts.list()[0]?.id ?? assert.fail(), { label: 'renamed' });
  watch.refresh();
  assert.equal(pushes.length, before, 'an edit that leaves the codes alone sends nothing');
  assert.equal(clock.pendingTimers(), 1);
  clock.advance(3_000);
  assert.equal(pushes.at(-1)?.at, 63_000, 'the 7 s account is now the first to expire');

  watch.stop();
  const count = pushes.length;
  clock.advance(60_000);
  assert.equal(pushes.length, count);

  const again = codes.watch(() => pushes.push({ at: clock.now(), codes: [] }), (e) => errors.push(e));
  vault.locked = true;
  clock.advance(30_000);
  assert.ok(errors.length === 1 && isAuthdeskError(errors[0], 'VAULT_LOCKED'));
  assert.equal(clock.pendingTimers(), 0, 'a locked vault leaves no timer running');
  again.stop();
});
