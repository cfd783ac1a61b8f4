// Runs in: tests. Enrolling this computer with the pairing link the service shows, over real
// sockets: guessing tokens is stopped by the server's rate limit and told with the wait; the
// account's devices are listed and revoked; a device added elsewhere is announced; a device
// revoked elsewhere stops; the private key stays in the vault.

import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, test } from 'node:test';
import { TestDevice } from '../sandbox/device.ts';
import { ALICE, startRig, until } from './support.ts';

test('guessing pairing tokens: refused in words, then stopped with 429 and the wait, even for the right token', async () => {
  const rig = await startRig(after);
  const profileId = await rig.weavrProfile();
  const real = new URL(await rig.pairingLink(ALICE));
  const guess = () => {
    const link = new URL(real.href);
    link.searchParams.set('token', randomBytes(32).toString('base64url'));
    return link.href;
  };
  for (let i = 0; i < 5; i += 1) {
    await assert.rejects(rig.core.devices.enrol(profileId, guess(), undefined), { code: 'PROVIDER_AUTH_FAILED', message: /refused the pairing token: it is wrong, already used, or older than 10 minutes/ });
  }
  const before = Date.now();
  const limited = await rig.core.devices.enrol(profileId, real.href, undefined).then(() => null, (error: { code: string; message: string; details: { retryAt: number } }) => error);
  assert.equal(limited?.code, 'PROVIDER_RATE_LIMITED');
  assert.match(limited!.message, /Wait 15 minutes/);
  assert.ok(Math.abs(limited!.details.retryAt - (before + 15 * 60_000)) < 5000, 'retryAt is when the oldest failure leaves the window');
  assert.deepEqual(rig.core.vault.unlocked().data().devices, [], 'nothing enrolled');
  assert.deepEqual(rig.core.devices.enrolments(), []);
});

test('enrolled: the key is in the vault only, the account\'s devices are listed, another device enrolled is announced and can be revoked', async () => {
  const rig = await startRig(after);
  const profileId = await rig.weavrProfile();
  const enrolment = await rig.enrol(profileId, ALICE);
  const [key] = rig.core.vault.unlocked().data().devices;
  assert.equal(key?.id, enrolment.deviceId);
  assert.ok(!JSON.stringify([enrolment, rig.events, rig.notifier.shown]).includes(key!.privateKey), 'the private key never leaves the vault');
  const profile = rig.core.profiles.get(profileId);
  assert.equal(profile.options.approvalsUrl, key!.server, 'the Weavr step-up reads the number from the same server');

  const phone = await TestDevice.enrolled(rig.sandbox, ALICE, 'Old phone');
  await until(() => rig.notifier.shown.find((n) => n.title === 'A device was enrolled'), 'the announcement');
  assert.match(rig.notifier.shown.find((n) => n.title === 'A device was enrolled')!.body, /Old phone can now approve requests for weavr:alice@example.com/);

  const listed = await rig.core.devices.list(profileId);
  assert.deepEqual(listed.devices.map((d) => [d.name, d.thisDevice]), [['Test desk', true], ['Old phone', false]]);
  await rig.core.devices.revoke(profileId, phone.deviceId);
  assert.deepEqual((await rig.core.devices.list(profileId)).devices.map((d) => d.name), ['Test desk']);
  await assert.rejects(rig.core.devices.revoke(profileId, phone.deviceId), { code: 'NOT_FOUND' });
});

test('revoked from another device: the stream stops for good and says so; revoking this device here forgets its key', async () => {
  const rig = await startRig(after);
  const profileId = await rig.weavrProfile();
  const enrolment = await rig.enrol(profileId, ALICE);
  const phone = await TestDevice.enrolled(rig.sandbox, ALICE, 'Phone');
  assert.equal((await phone.revoke(enrolment.deviceId, Date.now())).status, 204);
  const revoked = await until(() => rig.core.devices.enrolments().find((e) => e.stream === 'revoked'), 'the revoked state');
  assert.match(revoked.problem ?? '', /revoked/);

  // Enrolling again replaces the revoked key; revoking it from here forgets it.
  await rig.enrol(profileId, ALICE);
  const current = rig.core.devices.enrolments()[0]!;
  assert.notEqual(current.deviceId, enrolment.deviceId);
  await rig.core.devices.revoke(profileId, current.deviceId);
  assert.deepEqual(rig.core.devices.enrolments(), []);
  assert.deepEqual(rig.core.vault.unlocked().data().devices, []);
});

test('a link that is not one, or a TrueNAS profile, is refused with words before anything is sent', async () => {
  const rig = await startRig(after);
  const profileId = await rig.weavrProfile();
  await assert.rejects(rig.core.devices.enrol(profileId, 'https://example.com/pair?token=abc', undefined), { code: 'INVALID_INPUT', details: { field: 'pairing' }, message: /not a pairing link or token/ });
  await assert.rejects(rig.core.devices.enrol(profileId, randomBytes(32).toString('base64url'), undefined), { code: 'INVALID_INPUT', message: /names no approvals server/ });
  const nas = await rig.core.profiles.create({ name: 'NAS', provider: 'truenas', url: rig.sandbox.urls.truenas, username: 'admin', secret: 'x' });
  await assert.rejects(rig.core.devices.enrol(nas.id, await rig.pairingLink(ALICE), undefined), { code: 'INVALID_INPUT', message: /TrueNAS sends no push requests/ });
  assert.equal(rig.proxy.received.filter((r) => r.path.endsWith('/devices')).length, 0);
});
