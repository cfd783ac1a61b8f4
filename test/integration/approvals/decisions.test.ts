// Runs in: tests. Deciding on this computer, over real sockets: Appgate's Push MFA completes
// when approved here; a wrong number is refused by the server and flagged; a captured answer
// replayed, or altered on the way, is refused by the server and changes nothing; APPROVE
// without the number is refused before anything is sent.

import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { ALICE, PUSHY, startRig } from './support.ts';

const DECISION = /\/approvals\/v2\/challenges\/[^/]+\/decision$/;

test('Appgate Push MFA: the login waits for the device and completes when approved here with the 4-digit number', async () => {
  const rig = await startRig(after);
  const profileId = await rig.appgateProfile();
  // The first login has no device to answer it yet; enrol, then log in for real.
  await rig.enrol(profileId, PUSHY);
  const login = rig.core.sessions.login(profileId);
  const { approval } = await rig.next('challenge');
  assert.equal(approval.provider, 'appgate');
  assert.equal(approval.numberDigits, 4);
  assert.equal(approval.account, PUSHY);
  const result = await rig.core.approvals.decide(approval.id, 'APPROVE', rig.numberOf(approval.id));
  assert.equal(result.status, 'APPROVED');
  assert.equal((await login).state, 'active');
});

test('a wrong number: the server denies and flags the request, the login is refused, the audit log shows it flagged', async () => {
  const rig = await startRig(after);
  const profileId = await rig.appgateProfile();
  await rig.enrol(profileId, PUSHY);
  const login = rig.core.sessions.login(profileId);
  login.catch(() => undefined);
  const { approval } = await rig.next('challenge');
  const right = rig.numberOf(approval.id);
  const wrong = right.startsWith('9') ? `1${right.slice(1)}` : `${Number(right[0]) + 1}${right.slice(1)}`;
  const result = await rig.core.approvals.decide(approval.id, 'APPROVE', wrong);
  assert.deepEqual(result, { id: approval.id, status: 'DENIED', reason: 'NUMBER_MISMATCH', flagged: true });
  const ended = await login.then((s) => s, (error: Error) => error);
  assert.ok(ended instanceof Error || ended.state !== 'active', 'the login did not complete');
  const [record] = rig.core.approvals.audit({});
  assert.equal(record?.status, 'DENIED');
  assert.deepEqual(record?.flags, ['number-mismatch']);
  await assert.rejects(rig.core.approvals.decide(approval.id, 'APPROVE', right), { code: 'PROVIDER_ERROR', message: /already denied/ });
  assert.equal(rig.proxy.received.filter((r) => DECISION.test(r.path)).length, 1, 'no second answer was sent');
});

test('APPROVE without the number, or with too few digits, is refused here and nothing is sent; a double click sends one answer', async () => {
  const rig = await startRig(after);
  const profileId = await rig.weavrProfile();
  await rig.enrol(profileId, ALICE);
  const id = rig.raise(ALICE);
  await rig.next('challenge');
  await assert.rejects(rig.core.approvals.decide(id, 'APPROVE', undefined), { code: 'INVALID_INPUT', details: { field: 'typedNumber' }, message: /type the 3-digit number/ });
  await assert.rejects(rig.core.approvals.decide(id, 'APPROVE', '12'), { code: 'INVALID_INPUT' });
  assert.equal(rig.proxy.received.filter((r) => DECISION.test(r.path)).length, 0);
  assert.equal(rig.core.approvals.pending().pending.length, 1, 'still waiting for a real answer');

  // Two clicks on Deny send one answer.
  const [first, second] = await Promise.allSettled([rig.core.approvals.decide(id, 'DENY', undefined), rig.core.approvals.decide(id, 'DENY', undefined)]);
  assert.equal(first.status, 'fulfilled');
  assert.equal(second.status === 'rejected' && (second.reason as Error).message, 'An answer to this request is already on its way.');
  assert.equal(rig.proxy.received.filter((r) => DECISION.test(r.path)).length, 1);
});

test('a captured answer replayed, or altered, is refused by the server', async () => {
  const rig = await startRig(after);
  const profileId = await rig.weavrProfile();
  await rig.enrol(profileId, ALICE);
  const first = rig.raise(ALICE);
  await rig.next('challenge');
  await rig.core.approvals.decide(first, 'DENY', undefined);
  const captured = rig.proxy.received.find((r) => DECISION.test(r.path))!;
  const body = captured.json as { deviceId: string; decision: string; typedNumber: string | null; decidedAt: number; signature: string };
  const send = (challengeId: string, json: unknown) =>
    fetch(`${rig.sandbox.urls.approvals}/challenges/${challengeId}/decision`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(json) });

  const replayed = await send(first, body);
  assert.equal(replayed.status, 409);
  assert.equal(((await replayed.json()) as { error: string }).error, 'ALREADY_DECIDED');

  // The same signed answer turned into an approval, or moved to another challenge: the signature no longer covers it.
  const second = rig.raise(ALICE);
  await rig.next('challenge');
  const number = rig.numberOf(second);
  for (const altered of [{ ...body, decision: 'APPROVE', typedNumber: number }, body]) {
    const response = await send(second, altered);
    assert.equal(response.status, 403);
    assert.equal(((await response.json()) as { error: string }).error, 'BAD_SIGNATURE');
  }
  assert.equal(rig.sandbox.approvals.get(second)?.status, 'PENDING', 'nothing changed');
  assert.equal(rig.core.approvals.pending().pending[0]?.id, second);
});
