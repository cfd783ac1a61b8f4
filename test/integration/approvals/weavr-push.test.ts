// Runs in: tests. A Weavr push step-up answered on this computer: the challenge arrives on the
// enrolled profile's stream without the number, the person types the number the requesting
// screen shows, and the requester's token steps up (or is declined, or expires), with the
// webhook Weavr sends and the audit log's record.

import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { ALICE, startRig, until, weavrTokenStatus } from './support.ts';

/** A logged-in Weavr profile enrolled here, a push step-up started, and its challenge as it arrived. */
async function pushStepUp() {
  const rig = await startRig(after);
  const profileId = await rig.weavrProfile();
  await rig.core.sessions.login(profileId);
  await rig.enrol(profileId, ALICE);
  const stepping = rig.core.sessions.stepUp(profileId, 'push');
  // Settled by the test's assertions; a rejection before them is not unhandled.
  stepping.catch(() => undefined);
  const { approval } = await rig.next('challenge');
  return { rig, profileId, stepping, approval };
}

test('approved with the typed number: the session steps up, the webhook says VERIFIED, the audit log has it', async () => {
  const rig = await startRig(after);
  const profileId = await rig.weavrProfile();
  assert.equal((await rig.core.sessions.login(profileId)).state, 'active');
  const enrolment = await rig.enrol(profileId, ALICE);
  assert.equal(enrolment.account, ALICE);
  assert.equal(enrolment.numberDigits, 3);

  const stepping = rig.core.sessions.stepUp(profileId, 'push');
  const { approval } = await rig.next('challenge');
  assert.equal(approval.profileName, 'Weavr work');
  assert.equal(approval.numberDigits, 3);
  assert.match(approval.action, /Weavr/);
  assert.ok(approval.expiresAt - Date.now() > 4 * 60_000, 'about five minutes left');
  assert.ok(!JSON.stringify(approval).includes(rig.numberOf(approval.id)) || rig.numberOf(approval.id).length < 3, 'the challenge does not carry the number');
  assert.deepEqual(rig.notifier.shown.at(-1)?.title, 'Approval request');

  const result = await rig.core.approvals.decide(approval.id, 'APPROVE', rig.numberOf(approval.id));
  assert.deepEqual(result, { id: approval.id, status: 'APPROVED', reason: null, flagged: false });
  assert.equal((await stepping).state, 'active');
  assert.equal(await weavrTokenStatus(rig, profileId), 'STEPPED_UP');
  const hook = await rig.receiver.waitFor('/stepup/watch', (body) => body.status === 'VERIFIED');
  assert.ok(hook);
  assert.deepEqual(rig.core.approvals.pending().pending, []);
  const [record] = rig.core.approvals.audit({});
  assert.equal(record?.status, 'APPROVED');
  assert.equal(record?.decidedHere, true);
  assert.equal(record?.decidedBy, enrolment.deviceId);
  assert.equal(record?.profileName, 'Weavr work');
});

test('denied: the step-up is declined and the webhook says DECLINED', async () => {
  const { rig, profileId, stepping, approval } = await pushStepUp();
  assert.deepEqual(await rig.core.approvals.decide(approval.id, 'DENY', undefined), { id: approval.id, status: 'DENIED', reason: null, flagged: false });
  await assert.rejects(stepping, { code: 'PROVIDER_AUTH_FAILED', message: /declined on the device/ });
  assert.equal(await weavrTokenStatus(rig, profileId), 'STANDARD');
  await rig.receiver.waitFor('/stepup/watch', (body) => body.status === 'DECLINED');
  assert.equal(rig.core.approvals.audit({})[0]?.status, 'DENIED');
});

test('left unanswered: it expires, the webhook says EXPIRED, and a late answer is refused here, nothing sent', async () => {
  const { rig, stepping, approval } = await pushStepUp();
  assert.ok(rig.core.approvals.pending().pending.some((p) => p.id === approval.id));
  rig.advanceServer(5 * 60_000 + 1000);
  rig.sandbox.approvals.sweep();
  const resolved = await rig.next('resolved');
  assert.equal(resolved.result.status, 'EXPIRED');
  assert.deepEqual(resolved.view.pending, [], 'the prompt is gone');
  await assert.rejects(stepping, { code: 'PROVIDER_AUTH_FAILED', message: /expired/ });
  await rig.receiver.waitFor('/stepup/watch', (body) => body.status === 'EXPIRED');
  await assert.rejects(rig.core.approvals.decide(approval.id, 'APPROVE', rig.numberOf(approval.id)), { code: 'PROVIDER_ERROR', message: /expired, so it can no longer be answered; nothing was sent/ });
  assert.equal(rig.sandbox.approvals.get(approval.id)?.decidedBy, null, 'the server got no answer');
  const record = await until(() => rig.core.approvals.audit({}).find((r) => r.status === 'EXPIRED'), 'the expiry in the audit log');
  assert.equal(record.decidedBy, null);
});

test('an answer that reaches the server after the expiry is refused there, in words', async () => {
  const rig = await startRig(after);
  const profileId = await rig.weavrProfile();
  await rig.core.sessions.login(profileId);
  await rig.enrol(profileId, ALICE);
  // The server's clock runs 4 minutes behind this computer's, so here the challenge still has a
  // minute left when the server already counts it expired (both within the 5-minute skew allowed).
  rig.advanceServer(-4 * 60_000);
  const stepping = rig.core.sessions.stepUp(profileId, 'push');
  stepping.catch(() => undefined);
  const { approval } = await rig.next('challenge');
  rig.advanceServer(5 * 60_000 + 1000);
  await assert.rejects(rig.core.approvals.decide(approval.id, 'APPROVE', rig.numberOf(approval.id)), {
    code: 'PROVIDER_ERROR', message: /expired before the answer reached the server, so nothing was approved/,
  });
  assert.deepEqual(rig.core.approvals.pending().pending, []);
});
