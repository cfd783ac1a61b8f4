// Runs in: tests. Appgate SDP admin login in the sandbox (CONTRACTS C): behaviour, and every
// response checked against the published OpenAPI files when ../shared/specs is present.

import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { demoSeed, startSandbox, totp, type Sandbox } from '../../sandbox/index.ts';
import { FakeClock } from '../../support/clock.ts';
import { conformingClient, type ApiClient, type JsonReply } from './conforming-client.ts';
import { SPECS_MISSING_REASON, appgateSpecs, specsAvailable } from './openapi-validator.ts';

const specs = specsAvailable() ? appgateSpecs() : undefined;
const counter = { checked: 0 };
const clock = new FakeClock(Date.UTC(2026, 2, 1, 9, 0, 0));
const ACCEPT = { accept: 'application/vnd.appgate.peer-v23+json' };
const seed = demoSeed();
const secret = (username: string) => (seed.appgate.users.find((u) => u.username === username)!.mfa as { secret: string }).secret;
let sandbox: Sandbox;
let api: ApiClient;

before(async () => {
  sandbox = await startSandbox({ clock });
  api = conformingClient(sandbox.urls.appgate, specs, counter);
});
after(() => sandbox.close());

const bearer = (token: string) => ({ ...ACCEPT, authorization: `Bearer ${token}` });

async function authenticate(username: string, password = seed.appgate.users.find((u) => u.username === username)!.password): Promise<JsonReply> {
  const response = await api('POST', '/authentication', { headers: ACCEPT, body: { providerName: 'local', username, password, deviceId: randomUUID() } });
  assert.equal(response.status, 200);
  return response.body;
}

test('/version needs no peer Accept header and names the supported range', async () => {
  const response = await api('GET', '/version', { headers: { accept: 'application/json' } });
  assert.deepEqual(response.body, { peerVersion: 23, lowestPeerVersionSupported: 18 });
});

test('a peer version outside the range is 406 with min and max, as sdpctl probes with v5', async () => {
  const response = await api('POST', '/authentication', { headers: { accept: 'application/vnd.appgate.peer-v5+json' }, body: { providerName: 'local', deviceId: randomUUID() } });
  assert.equal(response.status, 406);
  assert.equal(response.body.minSupportedVersion, 18);
  assert.equal(response.body.maxSupportedVersion, 23);
  assert.equal(response.body.message, "Invalid 'Accept' header. Current version: application/vnd.appgate.peer-v23+json, Received: application/vnd.appgate.peer-v5+json");
  assert.equal((await api('POST', '/authentication', { headers: { accept: 'application/vnd.appgate.peer-v18+json' }, body: { providerName: 'local', username: 'auditor', password: 'appgate-auditor', deviceId: randomUUID() } })).status, 200);
});

test('identity providers are listed for the login screen', async () => {
  const response = await api('GET', '/identity-providers/names', { headers: ACCEPT });
  assert.deepEqual(response.body.data, [{ name: 'local', type: 'Credentials' }]);
});

test('validation errors are 422 with the fields; bad JSON is 400; bad credentials are 401 AuthenticationError', async () => {
  const invalid = await api('POST', '/authentication', { headers: ACCEPT, body: { deviceId: 'not-a-uuid' } });
  assert.equal(invalid.status, 422);
  assert.deepEqual(invalid.body.errors.map((e: { field: string }) => e.field), ['providerName', 'deviceId']);
  assert.equal((await api('POST', '/authentication', { headers: ACCEPT, body: '{oops' })).status, 400);
  const wrong = await api('POST', '/authentication', { headers: ACCEPT, body: { providerName: 'local', username: 'admin', password: 'nope', deviceId: randomUUID() } });
  assert.equal(wrong.status, 401);
  assert.equal(wrong.body.reason, 'Invalid username or password.');
});

test('TOTP (AlreadySeeded): partial token, 412 otpRequired, OTP, then the final token', async () => {
  const partial = await authenticate('admin');
  assert.equal(partial.user.needTwoFactorAuth, true);
  const pending = await api('GET', '/authorization', { headers: bearer(partial.token), undocumented: true });
  assert.equal(pending.status, 412);
  assert.deepEqual(pending.body, { id: 'precondition failed', message: 'Administrative authorization requires two-factor authentication.', otpRequired: true, username: 'admin' });
  assert.deepEqual((await api('POST', '/authentication/otp/initialize', { headers: bearer(partial.token), body: {} })).body, { type: 'AlreadySeeded' });
  const wrong = await api('POST', '/authentication/otp', { headers: bearer(partial.token), body: { otp: totp(secret('admin'), clock.now() + 10 * 60_000) } });
  assert.equal(wrong.status, 401);
  assert.equal((await api('POST', '/authentication/otp', { headers: bearer(partial.token), body: {} })).status, 422);
  const mfa = await api('POST', '/authentication/otp', { headers: bearer(partial.token), body: { otp: totp(secret('admin'), clock.now()) } });
  assert.equal(mfa.status, 200);
  const final = await api('GET', '/authorization', { headers: bearer(mfa.body.token) });
  assert.equal(final.status, 200);
  assert.equal(final.body.user.needTwoFactorAuth, false);
  assert.ok(Date.parse(final.body.expires) > clock.now());
  assert.notEqual(final.body.token, partial.token);
});

test('first-time enrolment (Secret) hands out the seed, otpAuthUrl and barcode once; then it is AlreadySeeded', async () => {
  const partial = await authenticate('newadmin');
  const init = await api('POST', '/authentication/otp/initialize', { headers: bearer(partial.token) });
  assert.equal(init.body.type, 'Secret');
  assert.equal(init.body.secret, secret('newadmin'));
  assert.match(init.body.otpAuthUrl, /^otpauth:\/\/totp\/.*secret=/);
  assert.ok(Buffer.from(init.body.barcode, 'base64').length > 100);
  assert.equal((await api('POST', '/authentication/otp', { headers: bearer(partial.token), body: { otp: totp(secret('newadmin'), clock.now()) } })).status, 200);
  const again = await authenticate('newadmin');
  assert.deepEqual((await api('POST', '/authentication/otp/initialize', { headers: bearer(again.token) })).body, { type: 'AlreadySeeded' });
});

test('RADIUS Challenge: the state must be echoed with the OTP', async () => {
  const partial = await authenticate('radius');
  const init = await api('POST', '/authentication/otp/initialize', { headers: bearer(partial.token) });
  assert.equal(init.body.type, 'Challenge');
  assert.equal(typeof init.body.responseMessage, 'string');
  assert.equal(typeof init.body.timeout, 'number');
  const otp = totp(secret('radius'), clock.now());
  assert.equal((await api('POST', '/authentication/otp', { headers: bearer(partial.token), body: { otp } })).status, 401);
  assert.equal((await api('POST', '/authentication/otp', { headers: bearer(partial.token), body: { otp, state: init.body.state } })).status, 200);
});

test('a user without admin rights gets 403 at authorization', async () => {
  const partial = await authenticate('auditor');
  assert.equal(partial.user.needTwoFactorAuth, false);
  const response = await api('GET', '/authorization', { headers: bearer(partial.token) });
  assert.equal(response.status, 403);
});

test('logout revokes the tokens: 204, then 401 TokenError', async () => {
  const partial = await authenticate('admin');
  await api('POST', '/authentication/otp', { headers: bearer(partial.token), body: { otp: totp(secret('admin'), clock.now()) } });
  const final = (await api('GET', '/authorization', { headers: bearer(partial.token) })).body;
  assert.equal((await api('POST', '/authentication/logout', { headers: bearer(final.token) })).status, 204);
  const after = await api('POST', '/authentication/logout', { headers: bearer(final.token) });
  assert.equal(after.status, 401);
  assert.equal(after.body.message, 'Login again.');
  assert.equal((await api('GET', '/authorization', { headers: bearer(partial.token) })).status, 401);
});

test('a partial token that has expired is refused', async () => {
  const partial = await authenticate('admin');
  clock.advance(11 * 60_000);
  assert.equal((await api('POST', '/authentication/otp/initialize', { headers: bearer(partial.token) })).status, 401);
});

test('responses match the published Appgate OpenAPI schemas', (t) => {
  if (!specs) {
    t.skip(SPECS_MISSING_REASON);
    return;
  }
  assert.ok(counter.checked >= 30, `only ${counter.checked} responses were checked`);
});
