// Runs in: tests. Authdesk's device approval protocol v2 (docs/device-approvals.md) over real
// sockets: pairing tokens and enrolment limits, listing and revoking devices, the nonce-bound
// resumable stream, typed number matching, signed decisions, expiry, and the two providers
// whose pushes it carries (Weavr step-up, Appgate Push MFA).

import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, beforeEach, test } from 'node:test';
import { demoSeed, startSandbox, type Sandbox } from '../../sandbox/index.ts';
import { FakeClock } from '../../support/clock.ts';
import { pairingToken, TestDevice, type EventReader, type StreamEvent } from './device.ts';
import { WebhookReceiver } from './webhook-receiver.ts';

const clock = new FakeClock(Date.UTC(2026, 2, 1, 9, 0, 0));
const receiver = new WebhookReceiver();
const ALICE = 'weavr:alice@example.com';
const PUSHY = 'appgate:pushy';
/** The enrolment limits' window (docs §3.2): tests that reach a limit step past it when done. */
const ENROLMENT_WINDOW_MS = 15 * 60_000;
let sandbox: Sandbox;

before(async () => {
  await receiver.start();
  const seed = demoSeed();
  sandbox = await startSandbox({ clock, seed: { ...seed, weavr: { ...seed.weavr, webhookUrl: receiver.url } } });
});
after(async () => {
  await sandbox.close();
  await receiver.close();
});
// Step outside the push-fatigue window between tests.
beforeEach(() => clock.advance(60_000));

const enrolled = (account = ALICE, name?: string) => TestDevice.enrolled(sandbox, account, name);
const serviceHeaders = () => ({ 'content-type': 'application/json', authorization: `Bearer ${sandbox.seed.approvals.serviceKey}` });

async function body(response: Response): Promise<Record<string, unknown>> {
  return (await response.json()) as Record<string, unknown>;
}

/** Logs alice in to Weavr and starts a push step-up; returns the Weavr challenge id and token. */
async function weavrPush(): Promise<{ id: string; token: string; auth: string }> {
  const headers = { 'api-key': sandbox.seed.weavr.apiKey, 'content-type': 'application/json' };
  const login = await (await fetch(`${sandbox.urls.weavr}/login_with_password`, { method: 'POST', headers, body: JSON.stringify({ email: 'alice@example.com', password: { value: 'weavr-alice' } }) })).json() as { token: string };
  const access = await (await fetch(`${sandbox.urls.weavr}/access_token`, { method: 'POST', headers: { ...headers, authorization: `Bearer ${login.token}` }, body: JSON.stringify({ identity: { type: 'CORPORATE', id: '3001' } }) })).json() as { token: string };
  const push = await (await fetch(`${sandbox.urls.weavr}/stepup/challenges/push/AUTHY`, { method: 'POST', headers: { ...headers, authorization: `Bearer ${access.token}` } })).json() as { id: string };
  return { id: push.id, token: access.token, auth: login.token };
}

/** What the requesting screen shows for a Weavr push. */
async function requesterNumber(ref: string): Promise<string> {
  return ((await body(await fetch(`${sandbox.urls.approvals}/requests/weavr/${ref}`))).number) as string;
}

/** A number of the same length that is not the right one. */
function otherThan(number: string): string {
  return number.startsWith('9') ? `1${number.slice(1)}` : `${Number(number[0]) + 1}${number.slice(1)}`;
}

async function nextEvent(stream: EventReader, type: string): Promise<StreamEvent> {
  const event = await stream.next();
  assert.equal(event?.type, type, `expected a ${type} event`);
  return event;
}

/** A device that handled one Weavr challenge and then lost its stream. */
async function offlineAfterOneChallenge(): Promise<{ device: TestDevice; handled: StreamEvent }> {
  const device = await enrolled();
  const stream = await device.stream();
  await weavrPush();
  const handled = await nextEvent(stream, 'challenge');
  stream.close();
  return { device, handled };
}

async function hookStatus(weavrChallengeId: string): Promise<string> {
  return JSON.parse((await receiver.waitFor('/stepup/watch', (b) => b.challengeId === weavrChallengeId)).text).status;
}

test('v1 is gone: its paths answer 404', async () => {
  const response = await fetch(`${sandbox.urls.base}/approvals/v1/devices`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ account: ALICE, enrolmentCode: '314159' }) });
  assert.equal(response.status, 404);
});

test('only the pairing authority issues pairing links: 256-bit, 10 minutes, for an account it serves', async () => {
  assert.equal((await fetch(`${sandbox.urls.approvals}/pairings`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ account: ALICE }) })).status, 401);
  assert.equal((await fetch(`${sandbox.urls.approvals}/pairings`, { method: 'POST', headers: serviceHeaders(), body: JSON.stringify({ account: 'weavr:mallory@example.com' }) })).status, 404);
  const response = await fetch(`${sandbox.urls.approvals}/pairings`, { method: 'POST', headers: serviceHeaders(), body: JSON.stringify({ account: ALICE }) });
  assert.equal(response.status, 201);
  const pairing = await body(response) as { token: string; link: string; expiresAt: number; account: string };
  assert.equal(Buffer.from(pairing.token, 'base64url').length, 32);
  assert.equal(pairing.expiresAt, clock.now() + 10 * 60_000);
  const link = new URL(pairing.link);
  assert.equal(link.protocol, 'authdesk:');
  assert.deepEqual([link.searchParams.get('server'), link.searchParams.get('account'), link.searchParams.get('token')], [sandbox.urls.approvals, ALICE, pairing.token]);
});

test('a pairing token enrols one device once, with a P-256 public key, and expires after 10 minutes', async () => {
  const token = await pairingToken(sandbox, ALICE);
  const device = new TestDevice(sandbox.urls.approvals);
  const wrongCurve = await fetch(`${sandbox.urls.approvals}/devices`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ account: ALICE, pairingToken: token, publicKey: { kty: 'EC', crv: 'P-384', x: 'a', y: 'b' } }),
  });
  assert.equal(wrongCurve.status, 400, 'a bad key does not use the token up');
  assert.equal((await device.enrol(PUSHY, token)).status, 403, 'a token is for the account it was issued for');
  const ok = await device.enrol(ALICE, token, 'Work laptop');
  assert.equal(ok.status, 201);
  const enrolment = await body(ok);
  assert.deepEqual({ ...enrolment, deviceId: 'x' }, { deviceId: 'x', account: ALICE, name: 'Work laptop', enrolledAt: clock.now(), numberDigits: 3, streamUrl: `/approvals/v2/devices/${device.deviceId}/stream` });
  const again = await new TestDevice(sandbox.urls.approvals).enrol(ALICE, token);
  assert.equal(again.status, 403, 'used');
  assert.equal((await body(again)).error, 'PAIRING_REFUSED');

  const late = await pairingToken(sandbox, ALICE);
  clock.advance(10 * 60_000);
  assert.equal((await new TestDevice(sandbox.urls.approvals).enrol(ALICE, late)).status, 403, 'expired');
  clock.advance(ENROLMENT_WINDOW_MS);
});

test('enrolment brute force is stopped: after 5 wrong tokens for an account, even the right one waits out the window', async () => {
  const attacker = new TestDevice(sandbox.urls.approvals);
  for (let i = 0; i < 5; i += 1) assert.equal((await attacker.enrol(ALICE, randomUUID())).status, 403);
  clock.advance(60_000);
  const owner = new TestDevice(sandbox.urls.approvals);
  const limited = await owner.enrol(ALICE, await pairingToken(sandbox, ALICE));
  assert.equal(limited.status, 429);
  assert.equal(limited.headers.get('retry-after'), String(14 * 60));
  assert.deepEqual(await body(limited), { error: 'RATE_LIMITED', message: 'Too many failed enrolment attempts. Try again in 840 seconds with a new pairing link.', retryAfterSeconds: 840 });
  clock.advance(14 * 60_000 - 1000);
  assert.equal((await owner.enrol(ALICE, await pairingToken(sandbox, ALICE))).status, 429, 'still inside the window');
  clock.advance(1000);
  assert.equal((await owner.enrol(ALICE, await pairingToken(sandbox, ALICE))).status, 201);
});

test('enrolment brute force from one source across accounts is stopped after 10 failures', async () => {
  const attacker = new TestDevice(sandbox.urls.approvals);
  for (let i = 0; i < 10; i += 1) assert.equal((await attacker.enrol(`weavr:guess${i}@example.com`, randomUUID())).status, 403);
  const limited = await attacker.enrol(PUSHY, await pairingToken(sandbox, PUSHY));
  assert.equal(limited.status, 429);
  assert.equal(limited.headers.get('retry-after'), String(15 * 60));
  clock.advance(ENROLMENT_WINDOW_MS);
  assert.equal((await attacker.enrol(PUSHY, await pairingToken(sandbox, PUSHY))).status, 201);
});

test('every enrolment is announced on the account\'s other devices, and the list shows them', async () => {
  const first = await enrolled(ALICE, 'Home desktop');
  const stream = await first.stream();
  clock.advance(1000);
  const second = await enrolled(ALICE, 'Unknown laptop');
  const event = await nextEvent(stream, 'enrolled');
  assert.deepEqual(event.data, { deviceId: second.deviceId, name: 'Unknown laptop', enrolledAt: clock.now() });
  const secondStream = await second.stream();
  assert.equal(await secondStream.next(300), undefined, 'a new device\'s log starts empty');
  const listed = await body(await second.list(clock.now()));
  const names = (listed.devices as { deviceId: string; name: string; lastSeenAt: number | null }[]).filter((d) => d.deviceId === first.deviceId || d.deviceId === second.deviceId);
  assert.deepEqual(names.map((d) => [d.name, d.lastSeenAt]), [['Home desktop', clock.now() - 1000], ['Unknown laptop', clock.now()]]);
  assert.equal((await fetch(`${sandbox.urls.approvals}/devices`)).status, 401, 'not without a signature');
  assert.equal((await second.list(clock.now() - 6 * 60_000)).status, 401, 'not with a stale one');
  stream.close();
  secondStream.close();
});

test('the stream opens once per server nonce, signed by the device key', async () => {
  const device = await enrolled();
  const nonce = await device.nonce();
  const stream = await device.streamWith(nonce);
  assert.equal(stream.response.status, 200);
  assert.equal(stream.response.headers.get('content-type'), 'text/event-stream');
  stream.close();
  const replayed = await device.streamWith(nonce);
  assert.equal(replayed.response.status, 401, 'a captured stream request cannot be replayed');

  const forger = new TestDevice(sandbox.urls.approvals);
  forger.deviceId = device.deviceId;
  const fresh = await device.nonce();
  assert.equal((await forger.streamWith(fresh)).response.status, 401, 'another key');
  assert.equal((await device.streamWith(fresh)).response.status, 401, 'a nonce presented once is spent, even with a bad signature');

  const stale = await device.nonce();
  clock.advance(30_000);
  assert.equal((await device.streamWith(stale)).response.status, 401, 'a nonce lives 30 seconds');
  forger.deviceId = randomUUID();
  assert.equal((await fetch(`${sandbox.urls.approvals}/devices/${forger.deviceId}/stream-nonce`, { method: 'POST' })).status, 404);
});

test('Weavr push step-up: the device is never told the number; typing the requester\'s number steps the token up', async () => {
  const device = await enrolled();
  const stream = await device.stream();
  const push = await weavrPush();
  const event = await nextEvent(stream, 'challenge');
  assert.deepEqual(Object.keys(event.data).sort(), ['account', 'action', 'challengeId', 'createdAt', 'expiresAt', 'numberDigits', 'origin', 'provider']);
  assert.equal(event.data.provider, 'weavr');
  assert.match(event.data.action, /Example Trading Ltd/);
  assert.equal(event.data.numberDigits, 3);
  assert.equal(event.data.expiresAt - event.data.createdAt, 5 * 60_000);
  const number = await requesterNumber(push.id);
  assert.match(number, /^[1-9][0-9]{2}$/);
  assert.ok(!JSON.stringify(event.data).includes(`:${number}`) && !JSON.stringify(event.data).includes(`"${number}"`));
  const decided = await device.decide(event.data.challengeId, 'APPROVE', number, clock.now());
  assert.deepEqual(await body(decided), { challengeId: event.data.challengeId, status: 'APPROVED', reason: null, flagged: false });
  const resolved = await nextEvent(stream, 'resolved');
  assert.deepEqual(resolved.data, { challengeId: event.data.challengeId, status: 'APPROVED', reason: null, flagged: false, decidedBy: device.deviceId, decidedAt: clock.now() });
  assert.equal(await hookStatus(push.id), 'VERIFIED');
  const again = await fetch(`${sandbox.urls.weavr}/access_token`, {
    method: 'POST', headers: { 'api-key': sandbox.seed.weavr.apiKey, 'content-type': 'application/json', authorization: `Bearer ${push.auth}` },
    body: JSON.stringify({ identity: { type: 'CORPORATE', id: '3001' } }),
  });
  assert.equal(((await again.json()) as { status: string }).status, 'STEPPED_UP');
  stream.close();
});

test('a wrong typed number denies the request and flags it; report denies and flags too', async () => {
  const device = await enrolled();
  const stream = await device.stream();
  const push = await weavrPush();
  const event = await nextEvent(stream, 'challenge');
  const number = await requesterNumber(push.id);
  const mismatch = await device.decide(event.data.challengeId, 'APPROVE', otherThan(number), clock.now());
  assert.equal(mismatch.status, 409);
  assert.deepEqual(await body(mismatch), {
    error: 'NUMBER_MISMATCH', message: 'The number typed is not the one on the requesting screen, so the request was denied and flagged.',
    challengeId: event.data.challengeId, status: 'DENIED', reason: 'NUMBER_MISMATCH', flagged: true,
  });
  const resolved = await nextEvent(stream, 'resolved');
  assert.deepEqual([resolved.data.status, resolved.data.reason, resolved.data.flagged], ['DENIED', 'NUMBER_MISMATCH', true]);
  assert.equal(await hookStatus(push.id), 'DECLINED');
  const late = await device.decide(event.data.challengeId, 'APPROVE', number, clock.now());
  assert.equal(late.status, 409, 'no second try');
  assert.equal((await body(late)).error, 'ALREADY_DECIDED');
  assert.equal((await body(await fetch(`${sandbox.urls.approvals}/requests/weavr/${push.id}`))).flagged, true, 'the requester sees it flagged');

  clock.advance(60_000);
  const reported = await weavrPush();
  const challenge = await nextEvent(stream, 'challenge');
  const response = await device.decide(challenge.data.challengeId, 'REPORT', null, clock.now());
  assert.deepEqual(await body(response), { challengeId: challenge.data.challengeId, status: 'REPORTED', reason: null, flagged: true });
  assert.equal(await hookStatus(reported.id), 'DECLINED');
  stream.close();
});

test('a replayed decision is refused with 409, a tampered one with 403', async () => {
  const device = await enrolled();
  const stranger = await enrolled(PUSHY);
  const stream = await device.stream();
  const push = await weavrPush();
  const id = (await nextEvent(stream, 'challenge')).data.challengeId as string;
  const number = await requesterNumber(push.id);
  const now = clock.now();
  const tampered = [
    ['signed for DENY, sent as APPROVE', device.signText(`authdesk-approval-v2\n${id}\nDENY\n\n${now}`)],
    ['signed over another number', device.signText(`authdesk-approval-v2\n${id}\nAPPROVE\n${otherThan(number)}\n${now}`)],
    ['signed for another challenge', device.signText(`authdesk-approval-v2\n${randomUUID()}\nAPPROVE\n${number}\n${now}`)],
    ['signed for another time', device.signText(`authdesk-approval-v2\n${id}\nAPPROVE\n${number}\n${now - 1}`)],
    ['a v1 signature', device.signText(`authdesk-approval-v1\n${id}\nAPPROVE\n${number}\n${now}`)],
  ] as const;
  for (const [what, signature] of tampered) {
    const refused = await device.decide(id, 'APPROVE', number, now, signature);
    assert.equal(refused.status, 403, what);
    assert.equal((await body(refused)).error, 'BAD_SIGNATURE', what);
  }
  assert.equal((await stranger.decide(id, 'APPROVE', number, now)).status, 403, 'a device of another account');
  assert.equal((await device.decide(id, 'APPROVE', number, now - 6 * 60_000)).status, 403, 'a stale signed time');
  const signature = device.signText(`authdesk-approval-v2\n${id}\nAPPROVE\n${number}\n${now}`);
  assert.equal((await device.decide(id, 'APPROVE', number, now, signature)).status, 200);
  const replayed = await device.decide(id, 'APPROVE', number, now, signature);
  assert.equal(replayed.status, 409);
  assert.deepEqual(await body(replayed), { error: 'ALREADY_DECIDED', message: 'The challenge is already APPROVED.', challengeId: id, status: 'APPROVED', reason: null, flagged: false });
  stream.close();
});

test('challenges expire after 5 minutes: the device is told, answers are refused with 410, Weavr reports EXPIRED', async () => {
  const device = await enrolled();
  const stream = await device.stream();
  const push = await weavrPush();
  const event = await nextEvent(stream, 'challenge');
  clock.advance(5 * 60_000);
  sandbox.approvals.sweep();
  const resolved = await nextEvent(stream, 'resolved');
  assert.deepEqual([resolved.data.status, resolved.data.flagged, resolved.data.decidedBy], ['EXPIRED', false, null]);
  assert.equal((await device.decide(event.data.challengeId, 'APPROVE', await requesterNumber(push.id), clock.now())).status, 410);
  assert.equal(await hookStatus(push.id), 'EXPIRED');
  stream.close();
});

test('a stream dropped in the middle of a challenge resumes with that challenge exactly once', async () => {
  const { device, handled } = await offlineAfterOneChallenge();
  // While the device is away a second challenge starts, and its first reconnect is cut by the network.
  const push = await weavrPush();
  sandbox.faults.add({ route: '/approvals/v2/devices', method: 'GET', kind: 'drop', times: 1 });
  await assert.rejects(device.stream(handled.id));
  const resumed = await device.stream(handled.id);
  const challenge = await nextEvent(resumed, 'challenge');
  assert.notEqual(challenge.data.challengeId, handled.data.challengeId, 'the challenge already handled is not sent again');
  assert.equal(await resumed.next(300), undefined, 'the pending challenge arrives once');
  assert.equal((await device.decide(challenge.data.challengeId, 'APPROVE', await requesterNumber(push.id), clock.now())).status, 200);
  const resolved = await nextEvent(resumed, 'resolved');
  resumed.close();
  // Dropped again after seeing the challenge but before its resolution was handled.
  const again = await device.stream(challenge.id);
  assert.deepEqual(await again.next(), resolved);
  assert.equal(await again.next(300), undefined, 'nothing is delivered twice');
  again.close();
});

test('a cursor the server cannot place gets a reset, then the whole retained log', async () => {
  const { device, handled: old } = await offlineAfterOneChallenge();
  // The challenge's expiry, after the device's cursor, is dropped with the log's first hour.
  clock.advance(5 * 60_000);
  sandbox.approvals.sweep();
  clock.advance(2 * 60 * 60_000);
  await weavrPush();
  const resumed = await device.stream(old.id);
  const reset = await nextEvent(resumed, 'reset');
  assert.equal(reset.data.reason, 'CURSOR_UNKNOWN');
  const challenge = await nextEvent(resumed, 'challenge');
  assert.equal(reset.data.firstEventId, challenge.id, 'events older than an hour were dropped');
  resumed.close();
  const future = await device.stream(Number.MAX_SAFE_INTEGER);
  assert.equal((await nextEvent(future, 'reset')).data.reason, 'CURSOR_UNKNOWN');
  future.close();
});

test('revoking a device closes its stream, tells the other devices, and forgets its key', async () => {
  const keeper = await enrolled(ALICE, 'Desk');
  const lost = await enrolled(ALICE, 'Lost laptop');
  const keeperStream = await keeper.stream();
  assert.equal((await nextEvent(keeperStream, 'enrolled')).data.deviceId, lost.deviceId);
  const lostStream = await lost.stream();
  const stranger = await enrolled(PUSHY);
  assert.equal((await stranger.revoke(lost.deviceId, clock.now())).status, 403, 'not by a device of another account');
  assert.equal((await keeper.revoke(lost.deviceId, clock.now())).status, 204);
  const own = await nextEvent(lostStream, 'revoked');
  assert.deepEqual(own.data, { deviceId: lost.deviceId, name: 'Lost laptop', revokedAt: clock.now() });
  assert.equal(await lostStream.next(1000), undefined);
  assert.ok(lostStream.ended, 'the server closed the revoked device\'s stream');
  assert.deepEqual((await nextEvent(keeperStream, 'revoked')).data, own.data);
  assert.equal((await fetch(`${sandbox.urls.approvals}/devices/${lost.deviceId}/stream-nonce`, { method: 'POST' })).status, 410);
  const listed = (await body(await keeper.list(clock.now()))).devices as { deviceId: string }[];
  assert.ok(!listed.some((d) => d.deviceId === lost.deviceId));
  const push = await weavrPush();
  const challenge = await nextEvent(keeperStream, 'challenge');
  assert.equal((await lost.decide(challenge.data.challengeId, 'APPROVE', await requesterNumber(push.id), clock.now())).status, 403, 'a revoked key decides nothing');
  assert.equal((await keeper.revoke(lost.deviceId, clock.now())).status, 404);

  const byService = await fetch(`${sandbox.urls.approvals}/devices/${stranger.deviceId}`, { method: 'DELETE', headers: serviceHeaders() });
  assert.equal(byService.status, 204, 'the pairing authority revokes too');
  const serviceList = await body(await fetch(`${sandbox.urls.approvals}/devices?account=${encodeURIComponent(PUSHY)}`, { headers: serviceHeaders() }));
  assert.ok(!(serviceList.devices as { deviceId: string }[]).some((d) => d.deviceId === stranger.deviceId));
  keeperStream.close();
});

test('an idle stream carries heartbeats, so a device can tell a live connection from a dead one', async () => {
  const quick = await startSandbox({ clock, approvalsHeartbeatMs: 50 });
  try {
    const device = await TestDevice.enrolled(quick, ALICE);
    const stream = await device.stream();
    assert.equal(await stream.next(400), undefined, 'no events, only comments');
    assert.ok(stream.comments >= 4, `": connected" and a keep-alive every 50 ms (saw ${stream.comments})`);
    stream.close();
  } finally {
    await quick.close();
  }
});

test('push fatigue: a burst of requests for one account is refused after three a minute', async () => {
  const results = [];
  for (let i = 0; i < 4; i += 1) {
    clock.advance(1000);
    const { id } = await weavrPush();
    results.push(id === undefined ? 'refused' : 'sent');
  }
  assert.deepEqual(results, ['sent', 'sent', 'sent', 'refused']);
});

test('Appgate Push MFA: the OTP call waits for the device; the typed 4-digit number completes it, denial fails it', async () => {
  const device = await enrolled(PUSHY);
  const stream = await device.stream();
  const headers = { accept: 'application/vnd.appgate.peer-v23+json', 'content-type': 'application/json' };
  const signIn = async () => {
    const auth = await (await fetch(`${sandbox.urls.appgate}/authentication`, { method: 'POST', headers, body: JSON.stringify({ providerName: 'local', username: 'pushy', password: 'appgate-pushy', deviceId: randomUUID() }) })).json() as { token: string };
    const bearer = { ...headers, authorization: `Bearer ${auth.token}` };
    const init = await (await fetch(`${sandbox.urls.appgate}/authentication/otp/initialize`, { method: 'POST', headers: bearer })).json() as { type: string; responseMessage: string };
    assert.equal(init.type, 'Push');
    const number = /^Approve on your device and type (\d{4})\.$/.exec(init.responseMessage)![1]!;
    const pending = fetch(`${sandbox.urls.appgate}/authentication/otp`, { method: 'POST', headers: bearer, body: JSON.stringify({ otp: 'push' }) });
    return { number, pending, bearer };
  };

  const approved = await signIn();
  let event = await nextEvent(stream, 'challenge');
  assert.deepEqual([event.data.provider, event.data.numberDigits], ['appgate', 4]);
  await device.decide(event.data.challengeId, 'APPROVE', approved.number, clock.now());
  const ok = await approved.pending;
  assert.equal(ok.status, 200);
  const token = ((await ok.json()) as { token: string }).token;
  assert.equal((await fetch(`${sandbox.urls.appgate}/authorization`, { headers: { ...approved.bearer, authorization: `Bearer ${token}` } })).status, 200);

  const denied = await signIn();
  await nextEvent(stream, 'resolved');
  event = await nextEvent(stream, 'challenge');
  await device.decide(event.data.challengeId, 'DENY', null, clock.now());
  const refused = await denied.pending;
  assert.equal(refused.status, 401);
  assert.equal(((await refused.json()) as { reason: string }).reason, 'The push request was denied.');
  stream.close();
});
