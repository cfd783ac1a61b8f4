// Runs in: tests.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AccountsService } from '../../../electron/core/accounts/accounts.ts';
import { isAuthdeskError } from '../../../electron/core/errors.ts';
import { parseOtpauthUri } from '../../../electron/core/otp/uri.ts';
import { emptyVaultData } from '../../../electron/core/vault/model.ts';
import { MemoryVault } from '../../support/memory-vault.ts';
import { FakeClock } from '../../support/clock.ts';

const clock = new FakeClock(1_700_000_000_000);
const github = parseOtpauthUri('otpauth://totp/GitHub:alice?secret=JBSWY3DPEHPK3PXP');
const gitlab = parseOtpauthUri('otpauth://totp/GitLab:alice?secret=KRSXG5CTMVRXEZLU');

function setup(vault = new MemoryVault()) {
  let n = 0;
  return { vault, accounts: new AccountsService(vault, clock, () => `id-${++n}`) };
}

test('adds accounts in order with their names, defaults and timestamps, in one save', async () => {
  const { vault, accounts } = setup();
  const result = await accounts.addMany([github, { ...gitlab, groups: ['Work', ' work '], favourite: true, note: 'laptop' }]);
  assert.equal(result.skipped, 0);
  assert.equal(vault.saved.length, 1);
  assert.deepEqual(accounts.list().map((a) => [a.issuer, a.label, a.favourite, a.note]), [['GitHub', 'alice', false, ''], ['GitLab', 'alice', true, 'laptop']]);
  const [group] = vault.data().groups;
  assert.equal(vault.data().groups.length, 1);
  assert.equal(group?.name, 'Work');
  assert.deepEqual(accounts.list()[1]?.groupIds, [group?.id]);
  assert.equal(accounts.list()[0]?.createdAt, clock.now());
  assert.deepEqual(accounts.list()[0]?.otp, github.otp);
});

test('an account already there (same secret, issuer and label) is skipped and counted', async () => {
  const { vault, accounts } = setup();
  await accounts.add(github);
  const sameSecretOtherLabel = { ...github, label: 'bob' };
  const result = await accounts.addMany([github, { ...github, issuer: ' GitHub ' }, gitlab, gitlab, sameSecretOtherLabel]);
  assert.equal(result.skipped, 3);
  assert.deepEqual(result.added.map((a) => `${a.issuer}:${a.label}`), ['GitLab:alice', 'GitHub:bob']);
  assert.equal(accounts.list().length, 3);
  const again = await accounts.add(github);
  assert.equal(again.added, false);
  assert.equal(again.account.id, accounts.list()[0]?.id);
  assert.equal((await accounts.addMany([github])).skipped, 1);
  assert.equal(vault.saved.length, 4);
});

test('edits issuer, label, groups, favourite, note and icon, and nothing else', async () => {
  const data = { ...emptyVaultData(), groups: [{ id: 'g1', name: 'Personal' }] };
  const { accounts } = setup(new MemoryVault(data));
  const { account } = await accounts.add(github);
  clock.advance(5000);
  const edited = await accounts.edit(account.id, {
    issuer: ' GitHub Enterprise ', label: 'alice@corp', groupIds: ['g1'], favourite: true, note: 'yubikey backup', icon: 'github',
  });
  assert.deepEqual(
    { issuer: edited.issuer, label: edited.label, groupIds: edited.groupIds, favourite: edited.favourite, note: edited.note, icon: edited.icon },
    { issuer: 'GitHub Enterprise', label: 'alice@corp', groupIds: ['g1'], favourite: true, note: 'yubikey backup', icon: 'github' },
  );
  assert.equal(edited.otp, account.otp);
  assert.equal(edited.createdAt, account.createdAt);
  assert.equal(edited.updatedAt, account.createdAt + 5000);
  assert.deepEqual(accounts.get(account.id), edited);
  assert.equal((await accounts.edit(account.id, { icon: null })).icon, null);
  assert.equal((await accounts.edit(account.id, { icon: 'data:image/png;base64,iVBORw0KGgo=' })).icon, 'data:image/png;base64,iVBORw0KGgo=');
});

test('bad edits are refused and change nothing', async () => {
  const { vault, accounts } = setup();
  const { account } = await accounts.add(github);
  const saves = vault.saved.length;
  for (const patch of [{ groupIds: ['nope'] }, { label: 'x'.repeat(300) }, { icon: 'javascript:alert(1)' }, { icon: 'data:text/html;base64,PGI+' }, { note: 'n'.repeat(10_001) }]) {
    await assert.rejects(accounts.edit(account.id, patch), (e: unknown) => isAuthdeskError(e, 'INVALID_INPUT'), JSON.stringify(patch).slice(0, 40));
  }
  await assert.rejects(accounts.edit('missing', { label: 'x' }), (e: unknown) => isAuthdeskError(e, 'NOT_FOUND'));
  assert.equal(vault.saved.length, saves);
  assert.deepEqual(accounts.get(account.id), account);
});

test('removing an account unlinks the profiles that used it', async () => {
  const { vault, accounts } = setup();
  const { account } = await accounts.add(github);
  const profile = { id: 'p1', name: 'NAS', provider: 'truenas' as const, baseUrl: 'https://nas', username: 'root', credentialId: null, otpAccountId: account.id, options: {} };
  await vault.mutate((d) => ({ ...d, profiles: [profile] }));
  await accounts.remove(account.id);
  assert.deepEqual(accounts.list(), []);
  assert.equal(vault.data().profiles[0]?.otpAccountId, null);
  await assert.rejects(accounts.remove(account.id), (e: unknown) => isAuthdeskError(e, 'NOT_FOUND'));
});

test('reorder takes every id exactly once', async () => {
  const { accounts } = setup();
  const { added } = await accounts.addMany([github, gitlab, { ...github, label: 'bob' }]);
  const [a, b, c] = added.map((x) => x.id);
  await accounts.reorder([c ?? '', a ?? '', b ?? '']);
  assert.deepEqual(accounts.list().map((x) => x.id), [c, a, b]);
  for (const bad of [[a, b], [a, b, c, c], [a, b, 'zzz'], [a, a, b]]) {
    await assert.rejects(accounts.reorder(bad as string[]), (e: unknown) => isAuthdeskError(e, 'INVALID_INPUT'));
  }
  assert.deepEqual(accounts.list().map((x) => x.id), [c, a, b]);
});

test('a removed account comes back at its old place within 10 seconds, and not after', async () => {
  const { vault, accounts } = setup();
  const time = new FakeClock(1_700_000_000_000);
  const undoable = new AccountsService(vault, time, () => `u-${vault.saved.length}`);
  await accounts.addMany([github, gitlab, { ...github, label: 'bob' }]);
  const [, middle, last] = accounts.list();
  assert.ok(middle && last);
  await undoable.remove(middle.id);
  assert.deepEqual(accounts.list().map((a) => a.id), ['id-1', 'id-3']);
  time.advance(9_999);
  const back = await undoable.undoRemove(middle.id);
  assert.deepEqual(back, middle);
  assert.deepEqual(accounts.list().map((a) => a.id), ['id-1', 'id-2', 'id-3']);

  await undoable.remove(last.id);
  time.advance(10_000);
  await assert.rejects(undoable.undoRemove(last.id), (error) => isAuthdeskError(error, 'NOT_FOUND') && /10 seconds/.test(error.message));
  assert.equal(accounts.list().length, 2);
  assert.equal(time.pendingTimers(), 0);
});

test('locking forgets what undo kept: the removed account cannot come back', async () => {
  const { accounts } = setup();
  await accounts.add(github);
  const [account] = accounts.list();
  assert.ok(account);
  await accounts.remove(account.id);
  accounts.forgetRemoved();
  await assert.rejects(accounts.undoRemove(account.id), (error) => isAuthdeskError(error, 'NOT_FOUND'));
  assert.equal(accounts.list().length, 0);
});

test('editing by group names picks existing groups ignoring case and creates new ones', async () => {
  const { vault, accounts } = setup();
  await accounts.addMany([{ ...github, groups: ['Work'] }]);
  const [account] = accounts.list();
  assert.ok(account);
  const edited = await accounts.edit(account.id, { groups: ['work', 'Home', 'home'] });
  const names = new Map(vault.data().groups.map((g) => [g.id, g.name]));
  assert.deepEqual(edited.groupIds.map((g) => names.get(g)), ['Work', 'Home']);
  assert.equal(vault.data().groups.length, 2);
  await assert.rejects(accounts.edit(account.id, { groups: ['x'.repeat(257)] }), (error) => isAuthdeskError(error, 'INVALID_INPUT'));
});
