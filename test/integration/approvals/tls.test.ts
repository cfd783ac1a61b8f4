// Runs in: tests. Enrolment and the challenge stream over HTTPS with the profile's pinned
// certificate (the approvals server on the profile's own host); a certificate not yet trusted
// is refused, with its fingerprint to compare, before the pairing token leaves this computer.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { startSandbox } from '../../sandbox/index.ts';
import { createTestCore } from '../../support/core.ts';
import { PASSWORD } from '../../support/vault.ts';
import { ALICE, until } from './support.ts';

test('over HTTPS with the profile\'s pin: a certificate not yet trusted is refused with its fingerprint before the token leaves; pinned, it enrols, streams and answers', async () => {
  const sandbox = await startSandbox({ tls: true });
  const dir = await mkdtemp(join(tmpdir(), 'authdesk-approvals-tls-'));
  const { core } = createTestCore(join(dir, 'vault.authdesk'));
  after(async () => {
    await core.devices.stop();
    core.dispose();
    await sandbox.close();
    await rm(dir, { recursive: true, force: true, maxRetries: 5 });
  });
  await core.vault.create(PASSWORD);
  const profile = await core.profiles.create({ name: 'Weavr', provider: 'weavr', url: sandbox.urls.weavr, username: 'alice@example.com', secret: 'weavr-alice' });
  const { token } = sandbox.approvals.devices.issuePairing(ALICE)!;
  const link = `authdesk://pair?server=${encodeURIComponent(sandbox.urls.approvals)}&account=${encodeURIComponent(ALICE)}&token=${token}`;

  const untrusted = await core.devices.enrol(profile.id, link, undefined).then(() => null, (error: { code: string; details: { fingerprint: string } }) => error);
  assert.equal(untrusted?.code, 'CERT_UNTRUSTED');
  assert.equal(untrusted?.details.fingerprint, sandbox.certificate!.fingerprint256);
  assert.deepEqual(core.vault.unlocked().data().devices, [], 'nothing enrolled, the token not spent');

  await core.profiles.trustCertificate(profile.id, sandbox.certificate!.fingerprint256);
  await core.devices.enrol(profile.id, link, 'Pinned desk');
  await until(() => core.devices.enrolments()[0]?.stream === 'connected', 'the pinned stream');
  const challenge = sandbox.approvals.create({ account: ALICE, provider: 'weavr', ref: '1', action: 'Step up', origin: '203.0.113.7' }, () => undefined)!;
  await until(() => core.approvals.pending().pending[0], 'the challenge over TLS');
  assert.equal((await core.approvals.decide(challenge.id, 'APPROVE', challenge.number)).status, 'APPROVED');
});
