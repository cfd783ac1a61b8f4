// Runs in: tests. The live challenge stream over real sockets: a connection cut while a
// challenge waits resumes with Last-Event-ID and delivers what came meanwhile exactly once; a
// silent connection is noticed by its missing heartbeats; waking from sleep reconnects at once;
// locking the vault stops the stream and unlocking resumes it without repeating a challenge;
// every connection spends a fresh nonce.

import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { PASSWORD } from '../../support/vault.ts';
import { ALICE, startRig, until, type ApprovalsRig } from './support.ts';

const STREAM = /\/devices\/[^/]+\/stream$/;
const challengeIds = (rig: ApprovalsRig) => rig.events.flatMap((e) => (e.type === 'challenge' ? [e.approval.id] : []));

test('a cut connection resumes after the last event handled: the waiting challenge stays, the one sent meanwhile comes, each exactly once', async () => {
  const rig = await startRig(after);
  const profileId = await rig.weavrProfile();
  await rig.enrol(profileId, ALICE);
  const first = rig.raise(ALICE);
  await rig.next('challenge');
  const opened = rig.proxy.received.filter((r) => STREAM.test(r.path)).length;

  rig.proxy.cut();
  const meanwhile = rig.raise(ALICE, 'Approve a payment of 120 EUR');
  await rig.next('challenge');
  await until(() => rig.core.devices.enrolments()[0]?.stream === 'connected', 'the stream to come back');

  const reopened = rig.proxy.received.filter((r) => STREAM.test(r.path)).slice(opened);
  assert.equal(reopened.length, 1);
  assert.ok(Number(reopened[0]!.headers['last-event-id']) > 0, 'resumed after the last event handled');
  assert.notEqual(reopened[0]!.headers['x-authdesk-nonce'], rig.proxy.received.find((r) => STREAM.test(r.path))!.headers['x-authdesk-nonce'], 'a fresh nonce');
  await new Promise((resolve) => setTimeout(resolve, 200));
  assert.deepEqual(challengeIds(rig), [first, meanwhile]);
  assert.deepEqual(rig.core.approvals.pending().pending.map((p) => p.id), [first, meanwhile]);
  assert.equal(rig.core.approvals.audit({}).length, 2);
});

test('locking the vault stops the stream; unlocking resumes from the cursor kept in the vault, repeating nothing', async () => {
  const rig = await startRig(after);
  const profileId = await rig.weavrProfile();
  await rig.enrol(profileId, ALICE);
  const first = rig.raise(ALICE);
  await rig.next('challenge');
  await until(() => rig.core.vault.unlocked().data().devices[0]?.cursor !== null, 'the cursor in the vault');

  await rig.core.vault.lock();
  await until(() => rig.core.devices.enrolments().length === 0, 'the streams to stop');
  assert.deepEqual(rig.core.approvals.pending().pending, [], 'nothing pending shows while locked');
  const second = rig.raise(ALICE);

  await rig.core.vault.unlockWithPassword(PASSWORD);
  await rig.next('challenge');
  await until(() => rig.core.devices.enrolments()[0]?.stream === 'connected', 'the stream to reconnect');
  assert.deepEqual(challengeIds(rig), [first, second]);
  assert.deepEqual(rig.core.approvals.pending().pending.map((p) => p.id).sort(), [first, second].sort(), 'the open challenge came back from the audit log');
  assert.ok(Number(rig.proxy.received.filter((r) => STREAM.test(r.path)).at(-1)!.headers['last-event-id']) > 0);
});

test('missing heartbeats end a silent connection and another opens', async () => {
  // The core expects a heartbeat every 100 ms; the server writes one a minute: each connection
  // falls silent, and the core gives up on it after 200 ms of silence and opens another.
  const rig = await startRig(after, { serverHeartbeatMs: 60_000, coreHeartbeatMs: 100 });
  const profileId = await rig.weavrProfile();
  await rig.enrol(profileId, ALICE);
  const before = rig.proxy.received.filter((r) => STREAM.test(r.path)).length;
  await until(() => rig.core.devices.enrolments()[0]?.problem?.includes('No heartbeat'), 'the silence to be noticed', 3000);
  await until(() => rig.proxy.received.filter((r) => STREAM.test(r.path)).length > before, 'a new connection', 3000);
  // Nothing is lost across those reconnections.
  const id = rig.raise(ALICE);
  const { approval } = await rig.next('challenge', 5000);
  assert.equal(approval.id, id);
});

test('waking from sleep reconnects at once, without waiting for the backoff', async () => {
  const rig = await startRig(after);
  const profileId = await rig.weavrProfile();
  await rig.enrol(profileId, ALICE);
  const before = rig.proxy.received.filter((r) => STREAM.test(r.path)).length;
  rig.power.fire('resume');
  await until(() => rig.proxy.received.filter((r) => STREAM.test(r.path)).length === before + 1, 'a new connection', 400);
  await until(() => rig.core.devices.enrolments()[0]?.stream === 'connected', 'the stream to connect');
});
