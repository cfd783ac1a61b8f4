// Runs in: tests. Authdesk's device approval protocol (docs/device-approvals.md) over real
// sockets: enrolment, the resumable event stream, signed decisions, number matching, expiry,
// and the two providers whose pushes it carries (Weavr step-up, Appgate Push MFA).

import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, beforeEach, test } from 'node:test';
import { demoSeed, startSandbox, type Sandbox } from '../../sandbox/index.ts';
import { FakeClock } from '../../support/clock.ts';
import { TestDevice } from './device.ts';
import { WebhookReceiver } from './webhook-receiver.ts';

const clock = new FakeClock(Date.UTC(2026, 2, 1, 9, 0, 0));
const receiver = new WebhookReceiver();
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

async function enrolledDevice(account = 'weavr:alice@example.com', code = '314159'): Promise<TestDevice> {
  const device = new TestDevice(sandbox.urls.approvals);
  assert.equal((await device.enrol(account, code)).status, 201);
  return device;
}

/** Logs alice in to Weavr and starts a push step-up; returns the Weavr challenge id and token. */
async function weavrPush(): Promise<{ id: string; token: string; auth: string }> {
  const headers = { 'api-key': sandbox.seed.weavr.apiKey, 'content-type': 'application/json' };
  const login = await (await fetch(`${sandbox.urls.weavr}/login_with_password`, { method: 'POST', headers, body: JSON.stringify({ email: 'alice@example.com', password: { value: 'weavr-alice' } }) })).json() as { token: string };
  const access = await (await fetch(`${sandbox.urls.weavr}/access_token`, { method: 'POST', headers: { ...headers, authorization: `Bearer ${login.token}` }, body: JSON.stringify({ identity: { type: 'CORPORATE', id: '3001' } }) })).json() as { token: string };
  const push = await (await fetch(`${sandbox.urls.weavr}/stepup/challenges/push/AUTHY`, { method: 'POST', headers: { ...headers, authorization: `Bearer ${access.token}` } })).json() as { id: string };
  return { id: push.id, token: access.token, auth: login.token };
}

async function requesterNumber(provider: string, ref: string): Promise<number> {
  return ((await (await fetch(`${sandbox.urls.approvals}/requests/${provider}/${ref}`)).json()) as { number: number }).number;
}

test('enrolment needs the account\'s code and a P-256 public key', async () => {
  const device = new TestDevice(sandbox.urls.approvals);
  assert.equal((await device.enrol('weavr:alice@example.com', '000000')).status, 403);
  const response = await fetch(`${sandbox.urls.approvals}/devices`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ account: 'weavr:alice@example.com', enrolmentCode: '314159', publicKey: { kty: 'EC', crv: 'P-384', x: 'a', y: 'b' } }),
  });
  assert.equal(response.status, 400);
  const ok = await device.enrol('weavr:alice@example.com', '314159');
  assert.equal(ok.status, 201);
  assert.match(device.deviceId, /^[0-9a-f-]{36}$/);
});

test('the stream needs a signature by the device key', async () => {
  const device = await enrolledDevice();
  const other = new TestDevice(sandbox.urls.approvals);
  other.deviceId = device.deviceId;
  const forged = await other.stream(clock.now());
  assert.equal(forged.response.status, 401);
  const stale = await device.stream(clock.now() - 10 * 60_000);
  assert.equal(stale.response.status, 401);
  const stream = await device.stream(clock.now());
  assert.equal(stream.response.status, 200);
  assert.equal(stream.response.headers.get('content-type'), 'text/event-stream');
  stream.close();
});

test('Weavr push step-up: the device sees three numbers, approves with the requester\'s number, and the token is STEPPED_UP', async () => {
  const device = await enrolledDevice();
  const stream = await device.stream(clock.now());
  const push = await weavrPush();
  const event = await stream.next();
  assert.equal(event?.type, 'challenge');
  assert.equal(event.data.provider, 'weavr');
  assert.match(event.data.action, /Example Trading Ltd/);
  assert.equal(event.data.numbers.length, 3);
  assert.equal(event.data.expiresAt - event.data.createdAt, 5 * 60_000);
  const number = await requesterNumber('weavr', push.id);
  assert.ok(event.data.numbers.includes(number));
  const decided = await device.decide(event.data.challengeId, 'APPROVE', number, clock.now());
  assert.deepEqual(await decided.json(), { challengeId: event.data.challengeId, status: 'APPROVED' });
  const resolved = await stream.next();
  assert.deepEqual([resolved?.type, resolved?.data.status], ['resolved', 'APPROVED']);
  const hook = JSON.parse((await receiver.waitFor('/stepup/watch', (b) => b.challengeId === push.id)).text);
  assert.equal(hook.status, 'VERIFIED');
  const again = await fetch(`${sandbox.urls.weavr}/access_token`, {
    method: 'POST', headers: { 'api-key': sandbox.seed.weavr.apiKey, 'content-type': 'application/json', authorization: `Bearer ${push.auth}` },
    body: JSON.stringify({ identity: { type: 'CORPORATE', id: '3001' } }),
  });
  assert.equal(((await again.json()) as { status: string }).status, 'STEPPED_UP');
  stream.close();
});

test('picking the wrong number denies the request; deny and report decline it too', async () => {
  const device = await enrolledDevice();
  const stream = await device.stream(clock.now());
  const push = await weavrPush();
  const event = (await stream.next())!;
  const number = await requesterNumber('weavr', push.id);
  const wrong = event.data.numbers.find((n: number) => n !== number);
  const mismatch = await device.decide(event.data.challengeId, 'APPROVE', wrong, clock.now());
  assert.equal(mismatch.status, 409);
  assert.equal(((await mismatch.json()) as { error: string }).error, 'NUMBER_MISMATCH');
  assert.equal(JSON.parse((await receiver.waitFor('/stepup/watch', (b) => b.challengeId === push.id)).text).status, 'DECLINED');
  const late = await device.decide(event.data.challengeId, 'APPROVE', number, clock.now());
  assert.equal(late.status, 409);

  clock.advance(60_000);
  const reported = await weavrPush();
  const next = await stream.next();
  assert.equal(next?.type, 'resolved');
  const challenge = (await stream.next())!;
  const response = await device.decide(challenge.data.challengeId, 'REPORT', null, clock.now());
  assert.equal(((await response.json()) as { status: string }).status, 'REPORTED');
  assert.equal(JSON.parse((await receiver.waitFor('/stepup/watch', (b) => b.challengeId === reported.id)).text).status, 'DECLINED');
  stream.close();
});

test('decisions must be signed by the enrolled device, over these exact fields, near the server\'s time', async () => {
  const device = await enrolledDevice();
  const stranger = await enrolledDevice('appgate:pushy', '271828');
  const stream = await device.stream(clock.now());
  const push = await weavrPush();
  const event = (await stream.next())!;
  const number = await requesterNumber('weavr', push.id);
  const id = event.data.challengeId;
  // Signed for DENY but sent as APPROVE: the signature covers the decision.
  const tampered = await device.decide(id, 'APPROVE', number, clock.now(), device.signText(`authdesk-approval-v1\n${id}\nDENY\n\n${clock.now()}`));
  assert.equal(tampered.status, 403);
  assert.equal((await stranger.decide(id, 'APPROVE', number, clock.now())).status, 403, 'a device of another account');
  assert.equal((await device.decide(id, 'APPROVE', number, clock.now() - 6 * 60_000)).status, 403, 'a stale signed time');
  assert.equal((await device.decide(id, 'APPROVE', number, clock.now())).status, 200);
  stream.close();
});

test('challenges expire after 5 minutes: the device is told, answers are refused with 410, Weavr reports EXPIRED', async () => {
  const device = await enrolledDevice();
  const stream = await device.stream(clock.now());
  const push = await weavrPush();
  const event = (await stream.next())!;
  clock.advance(5 * 60_000);
  sandbox.approvals.sweep();
  const resolved = await stream.next();
  assert.deepEqual([resolved?.type, resolved?.data.status], ['resolved', 'EXPIRED']);
  assert.equal((await device.decide(event.data.challengeId, 'APPROVE', await requesterNumber('weavr', push.id), clock.now())).status, 410);
  assert.equal(JSON.parse((await receiver.waitFor('/stepup/watch', (b) => b.challengeId === push.id)).text).status, 'EXPIRED');
  stream.close();
});

test('a reconnecting stream resumes after Last-Event-ID: nothing lost, nothing repeated', async () => {
  const device = await enrolledDevice();
  const first = await device.stream(clock.now());
  await weavrPush();
  const seen = (await first.next())!;
  first.close();
  // While the device is offline: the first challenge expires and a new one arrives.
  clock.advance(5 * 60_000);
  sandbox.approvals.sweep();
  clock.advance(60_000);
  await weavrPush();
  const resumed = await device.stream(clock.now(), seen.id);
  const events = [await resumed.next(), await resumed.next()];
  assert.deepEqual(events.map((e) => e?.type), ['resolved', 'challenge']);
  assert.ok(events.every((e) => e!.id > seen.id));
  assert.equal(await resumed.next(300), undefined, 'no event is delivered twice');
  resumed.close();
  const fresh = await device.stream(clock.now());
  assert.equal((await fresh.next())?.id, seen.id, 'without a cursor, the log replays from enrolment');
  fresh.close();
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

test('Appgate Push MFA: the OTP call waits for the device; approval completes it, denial fails it', async () => {
  const device = await enrolledDevice('appgate:pushy', '271828');
  const stream = await device.stream(clock.now());
  const headers = { accept: 'application/vnd.appgate.peer-v23+json', 'content-type': 'application/json' };
  const signIn = async () => {
    const auth = await (await fetch(`${sandbox.urls.appgate}/authentication`, { method: 'POST', headers, body: JSON.stringify({ providerName: 'local', username: 'pushy', password: 'appgate-pushy', deviceId: randomUUID() }) })).json() as { token: string };
    const bearer = { ...headers, authorization: `Bearer ${auth.token}` };
    const init = await (await fetch(`${sandbox.urls.appgate}/authentication/otp/initialize`, { method: 'POST', headers: bearer })).json() as { type: string; responseMessage: string };
    assert.equal(init.type, 'Push');
    const number = Number(/pick (\d+)/.exec(init.responseMessage)![1]);
    const pending = fetch(`${sandbox.urls.appgate}/authentication/otp`, { method: 'POST', headers: bearer, body: JSON.stringify({ otp: 'push' }) });
    return { number, pending, bearer };
  };

  const approved = await signIn();
  let event = (await stream.next())!;
  assert.equal(event.data.provider, 'appgate');
  await device.decide(event.data.challengeId, 'APPROVE', approved.number, clock.now());
  const ok = await approved.pending;
  assert.equal(ok.status, 200);
  const token = ((await ok.json()) as { token: string }).token;
  assert.equal((await fetch(`${sandbox.urls.appgate}/authorization`, { headers: { ...approved.bearer, authorization: `Bearer ${token}` } })).status, 200);

  const denied = await signIn();
  await stream.next();
  event = (await stream.next())!;
  await device.decide(event.data.challengeId, 'DENY', null, clock.now());
  const refused = await denied.pending;
  assert.equal(refused.status, 401);
  assert.equal(((await refused.json()) as { reason: string }).reason, 'The push request was denied.');
  stream.close();
});
