// Runs in: tests. The tray over the real core (createCore, on test ports, with service
// doubles): what it reads for the menu (tray-state.ts) and what its items do (tray-actions.ts).
// The Electron side is tray.test.ts, against the recording stand-in.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { parseOtpauthUri } from '../../../electron/core/otp/uri.ts';
import type { ProviderTable } from '../../../electron/core/providers/index.ts';
import { menuKey, trayMenu } from '../../../electron/main/tray/menu-model.ts';
import { trayActions } from '../../../electron/main/tray/tray-actions.ts';
import { readTrayState, TrayIdentities } from '../../../electron/main/tray/tray-state.ts';
import { FakeClock } from '../../support/clock.ts';
import { createTestCore } from '../../support/core.ts';
import { DoubleProvider, SessionDouble } from '../../support/providers/double-provider.ts';
import { eventually, SERVICE_PASSWORD, settle } from '../../support/sessions-core.ts';
import { PASSWORD } from '../../support/vault.ts';

const ACME = { id: 'id-acme', name: 'Acme Ltd' };
const BETA = { id: 'id-beta', name: 'Beta Corp' };
const at = (ms: number) => `at ${ms}`;

async function start(providers: Partial<ProviderTable> = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'authdesk-tray-'));
  const clock = new FakeClock();
  const weavr = new SessionDouble({ token: 'auth~id-acme', expiresAt: null, identity: ACME, identities: [ACME, BETA] });
  const test = createTestCore(join(dir, 'vault.authdesk'), { clock, providers: { weavr, truenas: new DoubleProvider(), appgate: new DoubleProvider(), ...providers } });
  after(async () => {
    test.core.dispose();
    await rm(dir, { recursive: true, force: true, maxRetries: 5 });
  });
  const { core } = test;
  await core.vault.create(PASSWORD);
  await core.settings.update({ autoLockMinutes: 60 });
  const shown: string[] = [];
  const quits: number[] = [];
  const run = trayActions(core, { showWindow: () => shown.push('window'), quit: () => quits.push(1) });
  let changes = 0;
  const identities = new TrayIdentities((id) => core.sessions.identities(id), () => changes++);
  core.sessions.onState((event) => identities.seen(event));
  const menu = () => trayMenu(readTrayState(core, 'unlocked', identities), at);
  return { ...test, clock, weavr, run, shown, quits, identities, menu, identityChanges: () => changes };
}

const totp = (issuer: string, label: string) => parseOtpauthUri(`otpauth://totp/${issuer}:${label}?secret=JBSWY3DPEHPK3PXP&issuer=${issuer}`);

describe('what the tray reads from core', () => {
  it('the favourites in the Codes screen’s order, and the menu does not change when a code ticks over or another account changes', async () => {
    const t = await start();
    const { account: github } = await t.core.accounts.add({ ...totp('GitHub', 'alice'), favourite: true });
    await t.core.accounts.add(totp('Plain', 'bob'));
    const { account: gitlab } = await t.core.accounts.add({ ...totp('GitLab', 'carol'), favourite: true });
    const state = readTrayState(t.core, 'unlocked', t.identities);
    assert.deepEqual(state.favourites.map((f) => f.id), [github.id, gitlab.id]);
    const key = menuKey(t.menu());
    const before = t.core.codes.current(github.id);
    t.clock.advance(30_000);
    assert.notEqual(t.core.codes.current(github.id), before, 'the code ticked over');
    assert.equal(menuKey(t.menu()), key);
    const plain = t.core.accounts.list().find((a) => a.issuer === 'Plain')!;
    await t.core.accounts.edit(plain.id, { label: 'robert' });
    assert.equal(menuKey(t.menu()), key);
    await t.core.accounts.edit(github.id, { favourite: false });
    assert.notEqual(menuKey(t.menu()), key);
  });

  it('a locked vault is read as locked, with nothing from it', async () => {
    const t = await start();
    await t.core.accounts.add({ ...totp('GitHub', 'alice'), favourite: true });
    t.core.vault.lock();
    // Even when told "unlocked" by an event not yet delivered: core's own state wins.
    assert.deepEqual(readTrayState(t.core, 'unlocked', t.identities), { vault: 'locked', favourites: [], profiles: [], approvals: { pending: 0, held: 0 } });
  });

  it('lists a session’s identities once, right after a login made here; a switch asks no more; logout forgets them', async () => {
    const t = await start();
    const profile = await t.core.profiles.create({ name: 'Weavr', provider: 'weavr', url: 'https://weavr.test', username: 'admin', secret: SERVICE_PASSWORD, programmeKey: 'pk-1' });
    await t.run({ type: 'login', profileId: profile.id });
    await eventually(() => t.identityChanges() === 1);
    assert.deepEqual(t.identities.of(profile.id), [ACME, BETA]);
    await t.run({ type: 'switch-identity', profileId: profile.id, identityId: BETA.id });
    await settle();
    assert.deepEqual(t.weavr.calls.map((c) => c.call), ['identities', 'switch']);
    assert.deepEqual(readTrayState(t.core, 'unlocked', t.identities).profiles[0]?.session, { state: 'active', until: null, identity: BETA });
    await t.run({ type: 'logout', profileId: profile.id });
    assert.equal(t.identities.of(profile.id), null);
  });

  it('a session restored at unlock is not listed (each listing is a call to the service)', async () => {
    const t = await start();
    const profile = await t.core.profiles.create({ name: 'Weavr', provider: 'weavr', url: 'https://weavr.test', username: 'admin', secret: SERVICE_PASSWORD, programmeKey: 'pk-1' });
    await t.core.sessions.login(profile.id);
    await eventually(() => t.identityChanges() === 1);
    t.core.vault.lock();
    t.identities.clear();
    await t.core.vault.unlockWithPassword(PASSWORD);
    assert.equal(t.core.sessions.states()[0]?.state, 'active', 'restored');
    await settle();
    assert.equal(t.weavr.calls.filter((c) => c.call === 'identities').length, 1);
    assert.equal(t.identities.of(profile.id), null);
  });
});

describe('what the tray’s items do', () => {
  it('a favourite puts its current code on the clipboard, through the window’s copy path, and clears it after the configured seconds', async () => {
    const t = await start();
    const { account } = await t.core.accounts.add({ ...totp('GitHub', 'alice'), favourite: true });
    await t.run({ type: 'copy', accountId: account.id, hotp: false });
    assert.equal(t.clipboard.text, t.core.codes.current(account.id));
    t.clock.advance(t.core.settings.get().clipboardClearSeconds * 1000);
    await settle();
    assert.equal(t.clipboard.text, '');
  });

  it('an HOTP favourite makes the next code (its counter saved first) and copies it', async () => {
    const t = await start();
    const { account } = await t.core.accounts.add({ ...parseOtpauthUri('otpauth://hotp/Bank:me?secret=JBSWY3DPEHPK3PXP&counter=5'), favourite: true });
    await t.run({ type: 'copy', accountId: account.id, hotp: true });
    const saved = t.core.accounts.get(account.id).otp;
    assert.equal(saved.type === 'hotp' && saved.counter, 6);
    assert.match(t.clipboard.text, /^\d{6}$/);
    assert.equal(t.clipboard.text, t.core.codes.current(account.id));
  });

  it('a login from the tray logs in with the profile’s secret; one that fails brings the window forward on its profile', async () => {
    const failing = new DoubleProvider({ script: [{ kind: 'credential', expect: 'another password' }] });
    const t = await start({ truenas: failing });
    const profile = await t.core.profiles.create({ name: 'NAS', provider: 'truenas', url: 'https://nas.test', username: 'admin', secret: SERVICE_PASSWORD });
    await t.run({ type: 'login', profileId: profile.id });
    assert.deepEqual(failing.credentials, [SERVICE_PASSWORD]);
    assert.equal(t.core.sessions.states()[0]?.state, 'error');
    assert.deepEqual(t.shown, ['window']);
    assert.deepEqual(t.core.shell.take(), { screen: 'sessions', profileId: profile.id });
  });

  it('a login that succeeds shows nothing: the menu says it is logged in', async () => {
    const t = await start();
    const profile = await t.core.profiles.create({ name: 'NAS', provider: 'truenas', url: 'https://nas.test', username: 'admin', secret: SERVICE_PASSWORD });
    await t.run({ type: 'login', profileId: profile.id });
    assert.equal(t.core.sessions.states()[0]?.state, 'active');
    assert.deepEqual(t.shown, []);
    assert.equal(t.core.shell.take(), null);
    assert.ok(JSON.stringify(t.menu().items).includes('NAS: logged in'));
  });

  it('a login that needs a code nothing in the vault answers asks the person (the window comes forward: show-on-prompt)', async () => {
    const t = await start({ truenas: new DoubleProvider({ script: [{ kind: 'otp', accept: '123456' }] }) });
    const profile = await t.core.profiles.create({ name: 'NAS', provider: 'truenas', url: 'https://nas.test', username: 'admin', secret: SERVICE_PASSWORD });
    const asked: string[] = [];
    t.prompts.onEvent((event) => {
      if (event.type !== 'ask') return;
      asked.push(event.question.subject);
      queueMicrotask(() => t.prompts.answer(event.question.id, '123456'));
    });
    await t.run({ type: 'login', profileId: profile.id });
    assert.deepEqual(asked, ['TrueNAS (NAS)'], 'the question names the profile');
    assert.equal(t.core.sessions.states()[0]?.state, 'active');
  });

  it('declining the code cancels the login without pulling the window to the profile again', async () => {
    const t = await start({ truenas: new DoubleProvider({ script: [{ kind: 'otp', accept: '123456' }] }) });
    const profile = await t.core.profiles.create({ name: 'NAS', provider: 'truenas', url: 'https://nas.test', username: 'admin', secret: SERVICE_PASSWORD });
    t.prompts.onEvent((event) => {
      if (event.type === 'ask') queueMicrotask(() => t.prompts.answer(event.question.id, null));
    });
    await t.run({ type: 'login', profileId: profile.id });
    assert.notEqual(t.core.sessions.states()[0]?.state, 'active');
    assert.equal(t.core.shell.take(), null);
  });

  it('Approvals opens the window on the approvals screen; Lock now locks; Quit quits; Open shows the window', async () => {
    const t = await start();
    await t.run({ type: 'approvals' });
    assert.deepEqual(t.core.shell.take(), { screen: 'approvals' });
    await t.run({ type: 'open' });
    assert.deepEqual(t.shown, ['window', 'window']);
    await t.run({ type: 'lock' });
    assert.equal((await t.core.vault.status()).state, 'locked');
    await t.run({ type: 'quit' });
    assert.deepEqual(t.quits, [1]);
  });
});
