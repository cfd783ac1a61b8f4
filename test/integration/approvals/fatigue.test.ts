// Runs in: tests. Push fatigue, over real sockets: a burst of challenges for one profile shows as
// one flagged item, announced once as many; denying it denies them all; after repeated denials
// new challenges are held, neither shown nor announced, until the person opens them.

import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { ALICE, startRig, until } from './support.ts';

test('more challenges than the setting allows in its window collapse into one item flagged burst; denying it denies every one', async () => {
  const rig = await startRig(after);
  rig.core.settings.update({ approvalBurstCount: 2, approvalBurstMinutes: 2 });
  const profileId = await rig.weavrProfile();
  await rig.enrol(profileId, ALICE);
  const ids = [rig.raise(ALICE), rig.raise(ALICE), rig.raise(ALICE)];
  await until(() => rig.core.approvals.pending().pending.some((p) => p.burst), 'the burst');
  const { pending } = rig.core.approvals.pending();
  assert.equal(pending.length, 1, 'one item for the three');
  assert.equal(pending[0]!.id, ids[2], 'the newest leads');
  assert.deepEqual([...pending[0]!.collapsed].sort(), ids.slice(0, 2).sort());
  assert.equal(rig.notifier.shown.filter((n) => n.title === 'Approval request').length, 2);
  assert.match(rig.notifier.shown.at(-1)!.body, /^3 requests for Weavr work in a few minutes/);

  await rig.core.approvals.decide(ids[2]!, 'REPORT', undefined);
  for (const id of ids) assert.equal(rig.sandbox.approvals.get(id)?.status, 'REPORTED');
  await until(() => rig.core.approvals.audit({}).every((r) => r.status === 'REPORTED'), 'all three reported in the audit log');
  assert.ok(rig.core.approvals.audit({}).find((r) => r.challengeId === ids[2])!.flags.includes('burst'));
  assert.deepEqual(rig.core.approvals.pending().pending, []);
});

test('after repeated denials, new challenges are held and not announced until the person opens them', async () => {
  const rig = await startRig(after);
  rig.core.settings.update({ approvalHoldDenials: 2, approvalBurstCount: 10 });
  const profileId = await rig.weavrProfile();
  await rig.enrol(profileId, ALICE);
  for (let i = 0; i < 2; i += 1) {
    const id = rig.raise(ALICE);
    await rig.next('challenge');
    await rig.core.approvals.decide(id, 'DENY', undefined);
  }
  const announced = rig.notifier.shown.length;
  const held = rig.raise(ALICE);
  await rig.next('held');
  assert.equal(rig.notifier.shown.length, announced, 'not announced');
  assert.deepEqual(rig.core.approvals.pending(), { pending: [], held: [{ profileId, profileName: 'Weavr work', count: 1 }] });
  await assert.rejects(rig.core.approvals.decide(held, 'DENY', undefined), { code: 'INVALID_INPUT', message: /held because recent requests were denied/ });
  assert.deepEqual(rig.events.filter((e) => e.type === 'challenge').length, 2, 'no challenge event for the held one');

  const opened = rig.core.approvals.openHeld(profileId);
  assert.deepEqual(opened.pending.map((p) => p.id), [held]);
  assert.deepEqual(opened.held, []);
  assert.equal((await rig.core.approvals.decide(held, 'APPROVE', rig.numberOf(held))).status, 'APPROVED');
  assert.deepEqual(rig.core.approvals.audit({ limit: 1 })[0]?.flags, ['held']);
});
