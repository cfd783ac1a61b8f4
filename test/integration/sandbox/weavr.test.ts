// Runs in: tests. Weavr Multi in the sandbox (CONTRACTS B): behaviour, and every response
// checked against the published OpenAPI files when ../shared/specs is present.

import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, beforeEach, test } from 'node:test';
import { demoSeed, startSandbox, type Sandbox, type SandboxSeed } from '../../sandbox/index.ts';
import { FakeClock } from '../../support/clock.ts';
import { conformingClient, type ApiClient } from './conforming-client.ts';
import { SPECS_MISSING_REASON, specsAvailable, weavrSpecs } from './openapi-validator.ts';
import { WebhookReceiver } from './webhook-receiver.ts';

const specs = specsAvailable() ? weavrSpecs() : undefined;
const counter = { checked: 0 };
const clock = new FakeClock(Date.UTC(2026, 2, 1, 9, 0, 0));
const receiver = new WebhookReceiver();
let sandbox: Sandbox;
let api: ApiClient;
let simulator: ApiClient;
let key: string;

async function start(seed: SandboxSeed = demoSeed()): Promise<Sandbox> {
  return startSandbox({ clock, seed: { ...seed, weavr: { ...seed.weavr, webhookUrl: receiver.url } } });
}

before(async () => {
  await receiver.start();
  sandbox = await start();
  api = conformingClient(sandbox.urls.weavr, specs, counter);
  simulator = conformingClient(sandbox.urls.weavrSimulator, specs, counter);
  key = sandbox.seed.weavr.apiKey;
});
after(async () => {
  await sandbox.close();
  await receiver.close();
});
// Fresh login rate-limit window and no step-up retry wait carried between tests.
beforeEach(() => clock.advance(60_000));

const alice = { email: 'alice@example.com', password: { value: 'weavr-alice' } };

async function login(client = api, body: unknown = alice): Promise<string> {
  const response = await client('POST', '/login_with_password', { headers: { 'api-key': key }, body });
  assert.equal(response.status, 200);
  return response.body.token;
}

async function accessToken(auth: string, identity = { type: 'CORPORATE', id: '3001' }, client = api): Promise<{ token: string; status: string }> {
  const response = await client('POST', '/access_token', { headers: { 'api-key': key, authorization: `Bearer ${auth}` }, body: { identity } });
  assert.equal(response.status, 200);
  return response.body;
}

const as = (token: string) => ({ 'api-key': key, authorization: `Bearer ${token}` });

test('every call needs the api-key: without it, 401 with no body', async () => {
  assert.equal((await api('POST', '/login_with_password', { body: alice })).status, 401);
  assert.equal((await api('POST', '/login_with_password', { headers: { 'api-key': 'wrong' }, body: alice })).status, 401);
});

test('login returns an AUTH token; /identities lists one consumer and two corporate identities, paged', async () => {
  const response = await api('POST', '/login_with_password', { headers: { 'api-key': key }, body: alice });
  assert.equal(response.status, 200);
  assert.equal(response.body.tokenType, 'AUTH');
  assert.deepEqual(response.body.credentials, { type: 'ROOT', id: '1001' });
  assert.ok(response.headers.get('request-ref'));
  const token = response.body.token;
  const all = await api('GET', '/identities', { headers: as(token) });
  assert.equal(all.status, 200);
  assert.equal(all.body.count, 3);
  assert.deepEqual(all.body.identities.map((i: { id: { type: string } }) => i.id.type), ['CONSUMER', 'CORPORATE', 'CORPORATE']);
  const page = await api('GET', '/identities?offset=1&limit=1', { headers: as(token) });
  assert.deepEqual([page.body.count, page.body.responseCount, page.body.identities[0].name], [3, 1, 'Example Trading Ltd']);
  const bad = await api('GET', '/identities?limit=0', { headers: as(token) });
  assert.equal(bad.status, 400);
  assert.equal(bad.body.syntaxErrors.invalidFields[0].fieldName, 'limit');
});

test('wrong credentials are 403 with no body; a malformed body is 400 naming the fields', async () => {
  assert.equal((await api('POST', '/login_with_password', { headers: { 'api-key': key }, body: { ...alice, password: { value: 'nope' } } })).status, 403);
  assert.equal((await api('POST', '/login_with_password', { headers: { 'api-key': key }, body: { email: 'nobody@example.com', password: { value: 'x' } } })).status, 403);
  const bad = await api('POST', '/login_with_password', { headers: { 'api-key': key }, body: { email: 'alice@example.com' } });
  assert.equal(bad.status, 400);
  assert.deepEqual(bad.body.syntaxErrors.invalidFields, [{ params: [], fieldName: 'password.value', error: 'REQUIRED' }]);
});

test('an auth token works only for /identities and /access_token; access tokens are per identity', async () => {
  const auth = await login();
  assert.equal((await api('GET', '/authentication_factors', { headers: as(auth) })).status, 403);
  assert.equal((await api('POST', '/stepup/challenges/otp/SMS', { headers: as(auth) })).status, 403);
  const corporate = await accessToken(auth, { type: 'CORPORATE', id: '3002' });
  assert.equal(corporate.status, 'STANDARD');
  const response = await api('POST', '/access_token', { headers: as(auth), body: { identity: { type: 'CONSUMER', id: '2001' } } });
  assert.deepEqual(response.body.identity, { type: 'CONSUMER', id: '2001' });
  assert.notEqual(response.body.token, corporate.token);
  assert.equal((await api('GET', '/authentication_factors', { headers: as(corporate.token) })).status, 200);
  // Someone else's identity, or none when there are several.
  assert.equal((await api('POST', '/access_token', { headers: as(auth), body: { identity: { type: 'CONSUMER', id: '2002' } } })).status, 403);
  assert.equal((await api('POST', '/access_token', { headers: as(auth), body: {} })).status, 400);
});

test('tokens expire 5 minutes after the last activity, not after login', async () => {
  const auth = await login();
  clock.advance(4 * 60_000);
  assert.equal((await api('GET', '/identities', { headers: as(auth) })).status, 200);
  clock.advance(4 * 60_000);
  assert.equal((await api('GET', '/identities', { headers: as(auth) })).status, 200);
  clock.advance(5 * 60_000);
  assert.equal((await api('GET', '/identities', { headers: as(auth) })).status, 401);
});

test('repeated wrong passwords lock the account: 423 for 30 minutes, even with the right password', async () => {
  const locked = await start();
  const client = conformingClient(locked.urls.weavr, specs, counter);
  try {
    const wrong = { ...alice, password: { value: 'wrong' } };
    for (let i = 0; i < locked.seed.weavr.lockoutAfter; i += 1) {
      assert.equal((await client('POST', '/login_with_password', { headers: { 'api-key': key }, body: wrong })).status, 403);
    }
    assert.equal((await client('POST', '/login_with_password', { headers: { 'api-key': key }, body: alice })).status, 423);
    clock.advance(29 * 60_000);
    assert.equal((await client('POST', '/login_with_password', { headers: { 'api-key': key }, body: alice })).status, 423);
    clock.advance(60_000);
    assert.equal((await client('POST', '/login_with_password', { headers: { 'api-key': key }, body: alice })).status, 200);
  } finally {
    await locked.close();
  }
});

test('too many logins from one address: 429 with x-ratelimit-limit and x-ratelimit-reset', async () => {
  const seed = demoSeed();
  const limited = await start({ ...seed, weavr: { ...seed.weavr, loginRateLimit: 3 } });
  const client = conformingClient(limited.urls.weavr, specs, counter);
  try {
    for (let i = 0; i < 3; i += 1) await login(client);
    const response = await client('POST', '/login_with_password', { headers: { 'api-key': key }, body: alice });
    assert.equal(response.status, 429);
    assert.equal(response.headers.get('x-ratelimit-limit'), '3, 3;w=60');
    assert.match(response.headers.get('x-ratelimit-reset') ?? '', /^\d+$/);
    clock.advance(60_000);
    await login(client);
  } finally {
    await limited.close();
  }
});

test('an expired password answers 409 with a temporary token that opens nothing else', async () => {
  const response = await api('POST', '/login_with_password', { headers: { 'api-key': key }, body: { email: 'bob@example.com', password: { value: 'weavr-bob' } } });
  assert.equal(response.status, 409);
  assert.equal(typeof response.body.token, 'string');
  assert.equal((await api('GET', '/identities', { headers: as(response.body.token) })).status, 401);
});

test('SMS step-up: the sandbox code is 123456, three wrong codes use the challenge up, success steps the token up', async () => {
  const { token } = await accessToken(await login());
  assert.equal((await api('POST', '/stepup/challenges/otp/SMS/verify', { headers: as(token), body: { verificationCode: '123456' } })).body.errorCode, 'STATE_INVALID');
  assert.equal((await api('POST', '/stepup/challenges/otp/SMS', { headers: as(token) })).status, 204);
  assert.equal((await api('POST', '/stepup/challenges/otp/SMS', { headers: as(token) })).body.errorCode, 'RETRY_IN_15SEC');
  const wrong = async () => (await api('POST', '/stepup/challenges/otp/SMS/verify', { headers: as(token), body: { verificationCode: '654321' } })).body.errorCode;
  assert.equal(await wrong(), 'VERIFICATION_CODE_INVALID');
  assert.equal(await wrong(), 'ONE_CHALLENGE_LIMIT_REMAINING');
  assert.equal(await wrong(), 'CHALLENGE_LIMIT_EXCEEDED');
  clock.advance(15_000);
  assert.equal((await api('POST', '/stepup/challenges/otp/SMS', { headers: as(token) })).status, 204);
  assert.equal((await api('POST', '/stepup/challenges/otp/SMS/verify', { headers: as(token), body: { verificationCode: '12345' } })).status, 400);
  assert.equal((await api('POST', '/stepup/challenges/otp/SMS/verify', { headers: as(token), body: { verificationCode: '123456' } })).status, 204);
  assert.equal((await api('POST', '/stepup/challenges/otp/SMS/verify', { headers: as(token), body: { verificationCode: '123456' } })).body.errorCode, 'ALREADY_VERIFIED');
  assert.equal((await accessToken(token)).status, 'STEPPED_UP');
  assert.equal((await api('POST', '/stepup/challenges/otp/EMAIL', { headers: as(token) })).body.errorCode, 'CHANNEL_NOT_SUPPORTED');
});

test('an SMS challenge expires after 5 minutes; a session may issue at most 5', async () => {
  const { token } = await accessToken(await login());
  assert.equal((await api('POST', '/stepup/challenges/otp/SMS', { headers: as(token) })).status, 204);
  clock.advance(4 * 60_000); // keep the token alive
  await api('GET', '/authentication_factors', { headers: as(token) });
  clock.advance(60_000);
  assert.equal((await api('POST', '/stepup/challenges/otp/SMS/verify', { headers: as(token), body: { verificationCode: '123456' } })).body.errorCode, 'VERIFICATION_CODE_EXPIRED');
  for (let i = 0; i < 4; i += 1) {
    clock.advance(15_000);
    assert.equal((await api('POST', '/stepup/challenges/otp/SMS', { headers: as(token) })).status, 204);
  }
  clock.advance(15_000);
  assert.equal((await api('POST', '/stepup/challenges/otp/SMS', { headers: as(token) })).body.errorCode, 'CHALLENGE_LIMIT_EXCEEDED');
});

test('push step-up: one in flight at a time; the simulator approves it, the webhook is signed and the token is STEPPED_UP', async () => {
  const auth = await login();
  const { token } = await accessToken(auth, { type: 'CONSUMER', id: '2001' });
  const push = await api('POST', '/stepup/challenges/push/AUTHY', { headers: as(token) });
  assert.equal(push.status, 200);
  assert.match(push.body.id, /^[0-9]+$/);
  assert.equal((await api('POST', '/stepup/challenges/push/AUTHY', { headers: as(token) })).body.errorCode, 'STATE_INVALID');
  const simulated = await simulator('POST', `/factors/1001/challenges/${push.body.id}/verify_success`, { headers: { 'programme-key': key } });
  assert.deepEqual(simulated.body, { code: 'COMPLETED' });
  const hook = await receiver.waitFor('/stepup/watch', (b) => b.challengeId === push.body.id);
  const body = JSON.parse(hook.text);
  assert.equal(body.status, 'VERIFIED');
  assert.deepEqual(body.identity, { type: 'CONSUMER', id: '2001' });
  const published = String(hook.headers['published-timestamp']);
  assert.equal(body.publishedTimestamp, published);
  const expected = createHmac('sha256', key).update(String(hook.headers['call-ref']) + hook.text + published).digest('base64');
  assert.equal(hook.headers['signature-v2'], expected);
  if (specs) assert.deepEqual(specs.checkSchema('weavr-webhooks-openapi-original.yml#/components/schemas/StepupEvent', body), []);
  await sandbox.webhooksSettled();
  const logged = sandbox.webhooks.find((d) => d.path === '/stepup/watch' && d.body.challengeId === push.body.id);
  assert.deepEqual([logged?.body.status, logged?.status], ['VERIFIED', 204], 'the library API records the delivery and the receiver\'s answer');
  assert.equal((await accessToken(auth, { type: 'CONSUMER', id: '2001' })).status, 'STEPPED_UP');
  assert.equal((await accessToken(auth, { type: 'CORPORATE', id: '3001' })).status, 'STANDARD', 'a step-up covers the identity it was made for');
  assert.deepEqual((await simulator('POST', `/factors/1001/challenges/${push.body.id}/verify_success`, { headers: { 'programme-key': key } })).body, { code: 'DENIED' });
});

test('a repeated step-up POST with the same idempotency-ref gets the first answer, not a second challenge', async () => {
  const { token } = await accessToken(await login());
  const headers = { ...as(token), 'idempotency-ref': 'retry-after-timeout-1' };
  const first = await api('POST', '/stepup/challenges/push/AUTHY', { headers });
  const repeat = await api('POST', '/stepup/challenges/push/AUTHY', { headers });
  assert.equal(first.status, 200);
  assert.deepEqual(repeat.body, first.body);
  assert.equal((await api('POST', '/stepup/challenges/push/AUTHY', { headers: as(token) })).body.errorCode, 'STATE_INVALID');
});

test('push step-up declined or expired: the webhook says DECLINED or EXPIRED and the token stays STANDARD', async () => {
  const auth = await login();
  const { token } = await accessToken(auth);
  const declined = await api('POST', '/stepup/challenges/push/AUTHY', { headers: as(token) });
  await simulator('POST', `/factors/1001/challenges/${declined.body.id}/verify_invalid`, { headers: { 'programme-key': key } });
  assert.equal(JSON.parse((await receiver.waitFor('/stepup/watch', (b) => b.challengeId === declined.body.id)).text).status, 'DECLINED');
  clock.advance(60_000); // push-fatigue window
  const expiring = await api('POST', '/stepup/challenges/push/AUTHY', { headers: as(token) });
  clock.advance(5 * 60_000);
  sandbox.approvals.sweep();
  assert.equal(JSON.parse((await receiver.waitFor('/stepup/watch', (b) => b.challengeId === expiring.body.id)).text).status, 'EXPIRED');
  assert.equal((await accessToken(await login())).status, 'STANDARD');
  assert.equal((await api('POST', '/stepup/challenges/push/BIOMETRIC', { headers: as((await accessToken(await login())).token) })).body.errorCode, 'CHANNEL_NOT_REGISTERED');
});

test('authentication factors: list, unlink push, enrol push only after a step-up, enrol SMS with 123456', async () => {
  const seed = demoSeed();
  const carol = { ...seed.weavr.users[0]!, email: 'carol@example.com', password: 'weavr-carol', smsEnrolled: false, pushEnrolled: false };
  const own = await start({ ...seed, weavr: { ...seed.weavr, users: [...seed.weavr.users, carol] } });
  const client = conformingClient(own.urls.weavr, specs, counter);
  try {
    const { token } = await accessToken(await login(client, { email: carol.email, password: { value: carol.password } }), undefined, client);
    assert.deepEqual((await client('GET', '/authentication_factors', { headers: as(token) })).body, { factors: [] });
    assert.equal((await client('POST', '/stepup/challenges/otp/SMS', { headers: as(token) })).body.errorCode, 'CHANNEL_NOT_REGISTERED');
    assert.equal((await client('POST', '/authentication_factors/otp/SMS', { headers: as(token) })).status, 204);
    assert.deepEqual((await client('GET', '/authentication_factors', { headers: as(token) })).body.factors, [{ type: 'OTP', channel: 'SMS', status: 'PENDING_VERIFICATION' }]);
    assert.equal((await client('POST', '/authentication_factors/otp/SMS/verify', { headers: as(token), body: { verificationCode: '123456' } })).status, 204);
    assert.equal((await client('POST', '/authentication_factors/otp/SMS', { headers: as(token) })).body.errorCode, 'CHANNEL_ALREADY_REGISTERED');
    assert.equal((await client('POST', '/authentication_factors/push/AUTHY', { headers: as(token) })).body.errorCode, 'STEP_UP_REQUIRED');
    await client('POST', '/stepup/challenges/otp/SMS', { headers: as(token) });
    await client('POST', '/stepup/challenges/otp/SMS/verify', { headers: as(token), body: { verificationCode: '123456' } });
    assert.equal((await client('POST', '/authentication_factors/push/AUTHY', { headers: as(token) })).status, 204);
    assert.deepEqual((await client('GET', '/authentication_factors', { headers: as(token) })).body.factors.map((f: { status: string }) => f.status), ['ACTIVE', 'ACTIVE']);
    assert.equal((await client('DELETE', '/authentication_factors/push/AUTHY', { headers: as(token) })).status, 204);
    assert.equal((await client('DELETE', '/authentication_factors/push/AUTHY', { headers: as(token) })).body.errorCode, 'CHANNEL_NOT_REGISTERED');
    assert.equal((await client('POST', '/stepup/challenges/push/AUTHY', { headers: as(token) })).body.errorCode, 'CHANNEL_NOT_REGISTERED');
  } finally {
    await own.close();
  }
});

test('/logout ends the session: its tokens stop working', async () => {
  const auth = await login();
  const { token } = await accessToken(auth);
  assert.equal((await api('POST', '/logout', { headers: as(token) })).status, 204);
  assert.equal((await api('GET', '/identities', { headers: as(auth) })).status, 401);
  assert.equal((await api('GET', '/authentication_factors', { headers: as(token) })).status, 401);
});

test('password logins are reported on /login/watch; a biometric login delivers a stepped-up auth token by webhook', async () => {
  await login();
  const seen = await receiver.waitFor('/login/watch', (b) => b.status === 'VERIFIED' && b.type === 'PASSWORD');
  if (specs) assert.deepEqual(specs.checkSchema('weavr-webhooks-openapi-original.yml#/components/schemas/LoginEvent', JSON.parse(seen.text)), []);
  clock.advance(60_000);
  const started = await api('POST', '/login_via_biometrics', { headers: { 'api-key': key }, body: { email: 'alice@example.com' } });
  assert.equal(started.status, 200);
  await simulator('POST', `/factors/1001/challenges/${started.body.challengeId}/verify_success`, { headers: { 'programme-key': key } });
  const hook = JSON.parse((await receiver.waitFor('/stepup/watch', (b) => b.challengeId === started.body.challengeId)).text);
  assert.equal(hook.status, 'VERIFIED');
  assert.equal((await accessToken(hook.authToken)).status, 'STEPPED_UP');
  await receiver.waitFor('/login/watch', (b) => b.type === 'BIOMETRIC' && b.status === 'VERIFIED');
});

test('responses match the published Weavr OpenAPI schemas', (t) => {
  if (!specs) {
    t.skip(SPECS_MISSING_REASON);
    return;
  }
  assert.ok(counter.checked >= 60, `only ${counter.checked} responses were checked`);
});
