// Runs in: tests. The real channels through the real router and the core that createCore
// builds, as the window calls them.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { contract } from '../../../electron/core/api/contract/index.ts';
import { connectEvents } from '../../../electron/core/api/events.ts';
import { createHandlers } from '../../../electron/core/api/handlers/index.ts';
import { createRouter } from '../../../electron/core/api/router.ts';
import { CHANNEL_PREFIX, createEmitters, members, type Result } from '../../../electron/core/api/spec.ts';
import type { AccountCode, Question, TransferFormats } from '../../../electron/core/api/types.ts';
import { otpParams } from '../../../electron/core/otp/entry.ts';
import { FakeClock } from '../../support/clock.ts';
import { createTestCore } from '../../support/core.ts';
import { FakeKeyProtector, PASSWORD, tempVaultPath } from '../../support/vault.ts';

const own = 'app://authdesk/index.html';
const SEED = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

async function setup(keyProtector: FakeKeyProtector | null = null) {
  const path = await tempVaultPath(after);
  const clock = new FakeClock(1_111_111_109_000);
  const { core, prompts } = createTestCore(path, { keyProtector, clock, app: { name: 'Authdesk', version: '1.2.3', platform: 'linux' } });
  after(() => core.dispose());
  let activity = 0;
  const events: { channel: string; payload: unknown }[] = [];
  connectEvents(core, prompts, createEmitters(contract, (channel, payload) => events.push({ channel: channel.replace(CHANNEL_PREFIX, ''), payload })));
  const router = createRouter(contract, createHandlers(core, prompts), { isTrustedSender: (url) => url === own, onUserActivity: () => activity++ });
  return { path, core, prompts, clock, events, activity: () => activity, call: <T = unknown>(channel: string, input?: unknown) => router.handle(`authdesk:${channel}`, own, input) as Promise<Result<T>> };
}

test('app.info reports the keychain honestly', async () => {
  assert.deepEqual(await (await setup()).call('app.info'), {
    ok: true,
    value: { name: 'Authdesk', version: '1.2.3', platform: 'linux', keychain: { available: false, backend: 'none', secure: false } },
  });
  const insecure = new FakeKeyProtector({ available: true, backend: 'basic_text', secure: false });
  const info = await (await setup(insecure)).call('app.info');
  assert.deepEqual(info.ok && info.value, { name: 'Authdesk', version: '1.2.3', platform: 'linux', keychain: { available: true, backend: 'basic_text', secure: false } });
});

test('create, lock, unlock through the channels, each change announced on vault.onStatus', async () => {
  const { path, call, events } = await setup();
  assert.deepEqual(await call('vault.status'), { ok: true, value: { state: 'none', path } });
  assert.deepEqual(await call('vault.create', { password: PASSWORD }), { ok: true, value: { state: 'unlocked', path } });
  assert.deepEqual(await call('vault.lock'), { ok: true, value: { state: 'locked', path } });
  const wrong = await call('vault.unlock', { password: 'wrong password' });
  assert.equal(!wrong.ok && wrong.error.code, 'VAULT_WRONG_PASSWORD');
  assert.deepEqual(await call('vault.unlock', { password: PASSWORD }), { ok: true, value: { state: 'unlocked', path } });
  assert.deepEqual(
    events.filter((e) => e.channel === 'vault.onStatus').map((e) => (e.payload as { state: string }).state),
    ['unlocked', 'locked', 'unlocked'],
  );
});

test('bad passwords are refused before any Argon2id runs, without echoing them', async () => {
  const { call } = await setup();
  for (const input of [undefined, {}, { password: 42 }, { password: '' }, { password: 'x'.repeat(1025) }, { password: PASSWORD, extra: 1 }]) {
    const result = await call('vault.create', input);
    assert.equal(!result.ok && result.error.code, 'INVALID_INPUT', JSON.stringify(input)?.slice(0, 40));
  }
  const short = await call('vault.create', { password: 'hunter2' });
  assert.equal(!short.ok && short.error.code, 'INVALID_INPUT');
  assert.ok(!short.ok && !short.error.message.includes('hunter2'));
  assert.match(!short.ok ? short.error.message : '', /at least 8 characters/);
});

test('accounts.list and codes.list show metadata and codes, never a secret', async () => {
  const { call, core } = await setup();
  await call('vault.create', { password: PASSWORD });
  await core.accounts.add({ issuer: 'RFC', label: 'totp', otp: otpParams({ type: 'totp', secret: SEED, digits: 8 }) });
  const listed = await call('accounts.list');
  assert.ok(listed.ok);
  const [view] = listed.value as { id: string }[];
  assert.deepEqual(Object.keys(view ?? {}).sort(), ['algorithm', 'digits', 'favourite', 'groupIds', 'icon', 'id', 'issuer', 'label', 'note', 'period', 'picture', 'type']);
  const codes = await call('codes.list');
  assert.deepEqual(codes.ok && codes.value, [{ id: view?.id, code: '07081804', next: '14050471', validFrom: 1_111_111_080_000, validUntil: 1_111_111_110_000 }]);
  assert.doesNotMatch(JSON.stringify([listed, codes]), new RegExp(SEED));
  await call('vault.lock');
  const locked = await call('codes.list');
  assert.equal(!locked.ok && locked.error.code, 'VAULT_LOCKED');
});

test("accounts.firstScreen: a bounded screenful in the list's order (favourites first) with codes, the total and the groups in use", async () => {
  const { call, core } = await setup();
  await call('vault.create', { password: PASSWORD });
  await core.accounts.addMany(
    Array.from({ length: 40 }, (_, i) => ({ issuer: `S${i}`, label: 'me', otp: otpParams({ type: 'totp', secret: SEED }), favourite: i === 7 || i === 33, ...(i === 2 ? { groups: ['Work'] } : {}) })),
  );
  await core.vault.unlocked().mutate((d) => ({ ...d, groups: [...d.groups, { id: 'unused', name: 'Empty' }] }));
  const first = await call<{ accounts: { id: string; issuer: string }[]; codes: AccountCode[]; groups: { name: string }[]; total: number }>('accounts.firstScreen', { count: 5 });
  assert.ok(first.ok);
  assert.deepEqual(first.value.accounts.map((a) => a.issuer), ['S7', 'S33', 'S0', 'S1', 'S2']);
  assert.deepEqual(first.value.codes.map((c) => c.id), first.value.accounts.map((a) => a.id), 'each row comes with its code');
  assert.deepEqual(first.value.codes[0], core.codes.list()[7]);
  assert.equal(first.value.total, 40);
  assert.deepEqual(first.value.groups.map((g) => g.name), ['Work'], 'only groups some account is in');
  assert.doesNotMatch(JSON.stringify(first), new RegExp(SEED));
  for (const count of [0, 101, 1.5, '5']) {
    const refused = await call('accounts.firstScreen', { count });
    assert.equal(!refused.ok && refused.error.code, 'INVALID_INPUT', `count ${String(count)}`);
  }
});

test("accounts.pictures: an account's own picture stays out of the list and is sent for the rows that ask", async () => {
  const { call, core } = await setup();
  await call('vault.create', { password: PASSWORD });
  const picture = `data:image/png;base64,${'A'.repeat(4000)}`;
  const { added } = await core.accounts.addMany([
    { issuer: 'Aegis', label: 'pic', otp: otpParams({ type: 'totp', secret: SEED }), icon: picture },
    { issuer: 'GitHub', label: 'brand', otp: otpParams({ type: 'totp', secret: SEED }), icon: 'github' },
  ]);
  const listed = await call<{ icon: string | null; picture: number | null }[]>('accounts.list');
  assert.ok(listed.ok);
  assert.deepEqual(listed.value.map((a) => [a.icon, typeof a.picture]), [[null, 'number'], ['github', 'object']]);
  assert.ok(JSON.stringify(listed.value).length < 1000, 'the list does not carry the picture');
  const pictures = await call('accounts.pictures', { ids: [added[0]?.id, added[1]?.id, 'gone'] });
  assert.deepEqual(pictures.ok && pictures.value, [picture, null, null]);
  const tooMany = await call('accounts.pictures', { ids: Array.from({ length: 51 }, () => 'x') });
  assert.equal(!tooMany.ok && tooMany.error.code, 'INVALID_INPUT');
});

test('codes.nextHotp uses up a code and saves the counter first', async () => {
  const { call, core } = await setup();
  await call('vault.create', { password: PASSWORD });
  const { account } = await core.accounts.add({ issuer: 'RFC', label: 'hotp', otp: otpParams({ type: 'hotp', secret: SEED }) });
  const first = await call<AccountCode>('codes.nextHotp', { id: account.id });
  const second = await call<AccountCode>('codes.nextHotp', { id: account.id });
  assert.deepEqual([first.ok && first.value.code, second.ok && second.value.code], ['755224', '287082']);
  assert.equal(core.accounts.get(account.id).otp.counter, 2);
});

test('settings: defaults, a checked update announced on settings.onChange, auto-lock follows it', async () => {
  const { call, events, core, clock } = await setup();
  const defaults = {
    autoLockMinutes: 5, clipboardClearSeconds: 30, theme: 'system', lockOnSuspend: true, lockOnScreenLock: true, backupCount: 10,
    approvalBurstCount: 3, approvalBurstMinutes: 2, approvalHoldDenials: 3, approvalHoldMinutes: 15, paletteShortcut: 'CommandOrControl+Shift+Space', backupFolder: null,
  };
  assert.deepEqual(await call('settings.get'), { ok: true, value: defaults });
  // The backup folder comes only from the OS folder picker (backups.chooseFolder), never from the window.
  for (const bad of [{}, { autoLockMinutes: 0 }, { autoLockMinutes: 1.5 }, { theme: 'pink' }, { clipboardClearSeconds: 1 }, { other: 1 }, { backupFolder: '/tmp' }, { backupCount: 0 }, { lockOnSuspend: 'yes' }, { approvalBurstCount: 0 }, { approvalHoldMinutes: 24 * 60 + 1 }, { paletteShortcut: 'A' }, { paletteShortcut: 'Ctrl+Shift' }]) {
    const refused = await call('settings.update', bad);
    assert.equal(!refused.ok && refused.error.code, 'INVALID_INPUT', JSON.stringify(bad));
  }
  const changed = { ...defaults, autoLockMinutes: 1, theme: 'dark' };
  assert.deepEqual(await call('settings.update', { autoLockMinutes: 1, theme: 'dark' }), { ok: true, value: changed });
  assert.deepEqual(events.filter((e) => e.channel === 'settings.onChange').map((e) => e.payload), [changed]);
  await call('vault.create', { password: PASSWORD });
  clock.advance(61_000);
  assert.equal((await core.vault.status()).state, 'locked');
});

test('user calls restart the auto-lock countdown; background calls and refused calls do not', async () => {
  const { call, activity } = await setup();
  for (const { namespace, member, spec } of members(contract)) {
    if (spec.kind !== 'call') continue;
    const before = activity();
    await call(`${namespace}.${member}`, { certainly: 'not valid' });
    assert.equal(activity(), before, `refused ${namespace}.${member} counted as activity`);
  }
  await call('vault.status');
  await call('codes.list');
  await call('app.info');
  assert.equal(activity(), 0);
  await call('vault.create', { password: PASSWORD });
  await call('vault.lock');
  assert.equal(activity(), 2);
});

test('a question asked mid-operation reaches the window, is answered once, and is withdrawn on lock', async () => {
  const { call, prompts, events } = await setup();
  await call('vault.create', { password: PASSWORD });
  const answer = prompts.askCode({ subject: 'TrueNAS nas.lan', message: 'Type the code from your authenticator.', digits: 6 }, new AbortController().signal);
  const pending = await call<Question[]>('prompts.pending');
  const [question] = pending.ok ? pending.value : [];
  assert.equal(question?.kind, 'code');
  assert.deepEqual(await call('prompts.answer', { id: question?.id, answer: '123456' }), { ok: true, value: null });
  assert.equal(await answer, '123456');
  const again = await call('prompts.answer', { id: question?.id, answer: '123456' });
  assert.equal(!again.ok && again.error.code, 'NOT_FOUND');

  const stale = prompts.confirm({ subject: 'Appgate', message: 'Trust this certificate?' }, new AbortController().signal);
  await call('vault.lock');
  assert.equal(await stale, false);
  assert.deepEqual((await call('prompts.pending')).ok && [], []);
  assert.deepEqual(events.filter((e) => e.channel === 'prompts.onEvent').map((e) => (e.payload as { type: string }).type), ['ask', 'ask', 'withdrawn']);
});

test('only allow-listed error details reach the window: the wait, the backup, the field', async () => {
  const { call } = await setup();
  const invalid = await call('settings.update', { autoLockMinutes: 'soon' });
  assert.deepEqual(!invalid.ok && invalid.error.details, { field: 'autoLockMinutes' });
  await call('vault.create', { password: PASSWORD });
  await call('vault.lock');
  const wrong = await call('vault.unlock', { password: 'not the password' });
  assert.equal(!wrong.ok && wrong.error.details, undefined, 'the failure count stays in main');
});

test('transfer.formats lists every importer and exporter', async () => {
  const { call } = await setup();
  const formats = await call<TransferFormats>('transfer.formats');
  assert.ok(formats.ok);
  assert.ok(formats.value.import.some((f) => f.id === 'aegis' && f.name.includes('Aegis')));
  assert.deepEqual(formats.value.export.filter((f) => f.encrypted).map((f) => f.id), ['authdesk', 'aegis']);
});
