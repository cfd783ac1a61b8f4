// Runs in: tests. Every profiles and sessions channel refuses malformed input before its
// handler runs: nothing is created, changed, logged in or out.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { DoubleProvider } from '../../support/providers/double-provider.ts';
import { SERVICE_PASSWORD, startSessionsCore } from '../../support/sessions-core.ts';

const long = (n: number) => 'x'.repeat(n);
const good = { name: 'nas', provider: 'truenas', url: 'wss://nas/api/current', username: 'admin' };

const BAD: Record<string, readonly unknown[]> = {
  'profiles.list': [{}, 1],
  'profiles.create': [
    undefined,
    {},
    { ...good, name: '' },
    { ...good, name: long(65) },
    { ...good, provider: 'ssh' },
    { ...good, url: long(2049) },
    { ...good, username: '' },
    { ...good, secret: '' },
    { ...good, secret: long(4097) },
    { ...good, credentialKind: 'token' },
    { ...good, otpAccountId: 7 },
    { ...good, programmeKey: long(257) },
    { ...good, keepAlive: 'yes' },
    { ...good, token: 'x' },
  ],
  'profiles.edit': [undefined, {}, { id: '' }, { id: long(65) }, { id: 'p', name: long(65) }, { id: 'p', provider: 'ssh' }, { id: 'p', extra: 1 }],
  'profiles.remove': [undefined, {}, { id: '' }, { id: 'p', also: 'q' }],
  'profiles.trustCertificate': [undefined, { id: 'p' }, { id: 'p', fingerprint: 'AB:CD' }, { id: 'p', fingerprint: 'ZZ:'.repeat(31) + 'ZZ' }, { id: 'p', fingerprint: 'AB:'.repeat(32) + 'CD' }],
  'sessions.states': [{}, 'all'],
  'sessions.login': [undefined, {}, { id: '' }, { id: long(65) }, { id: 'p', password: SERVICE_PASSWORD }],
  'sessions.cancel': [undefined, { id: 1 }],
  'sessions.logout': [undefined, { id: null }],
  'sessions.identities': [undefined, { id: 'p', all: true }],
  'sessions.switchIdentity': [undefined, { id: 'p' }, { id: 'p', identityId: '' }, { id: 'p', identityId: long(65) }],
  'sessions.stepUp': [undefined, { id: 'p' }, { id: 'p', method: 'email' }, { id: 'p', method: 'sms', code: '123456' }],
};

test('every profiles and sessions channel refuses malformed input and changes nothing', async () => {
  const provider = new DoubleProvider();
  const t = await startSessionsCore(after, { providers: { truenas: provider } });
  const profile = await t.createProfile({ name: 'kept', provider: 'truenas', url: 'wss://kept/api/current' });
  const before = JSON.stringify(t.core.vault.unlocked().data());
  for (const [channel, inputs] of Object.entries(BAD)) {
    for (const input of inputs) {
      const result = await t.call(channel, input);
      assert.equal(!result.ok && result.error.code, 'INVALID_INPUT', `${channel} ${JSON.stringify(input)?.slice(0, 60)}`);
      assert.ok(!result.ok && !result.error.message.includes(SERVICE_PASSWORD));
    }
  }
  assert.equal(JSON.stringify(t.core.vault.unlocked().data()), before);
  assert.equal(provider.logins.length, 0);
  assert.equal(t.core.sessions.states()[0]?.profileId, profile.id);
});

test('the contract has exactly these profiles and sessions calls', async () => {
  const { contract } = await import('../../../electron/core/api/contract/index.ts');
  const calls = [...Object.entries(contract.profiles), ...Object.entries(contract.sessions)].filter(([, spec]) => spec.kind === 'call').length;
  assert.equal(calls, Object.keys(BAD).length, 'a new channel needs its bad inputs here');
});
