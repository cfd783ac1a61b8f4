// Runs in: tests. The TrueNAS client against the sandbox over real sockets (ws and wss): what
// the person is told for each answer and failure, and what the server received, so that a
// password or an OTP is never seen twice.

import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { WebSocketServer } from 'ws';
import { createTruenasProvider } from '../../../electron/core/providers/truenas/index.ts';
import { PIN_OPTION } from '../../../electron/core/providers/net/index.ts';
import type { LoginCredential, Provider } from '../../../electron/core/providers/index.ts';
import type { Profile } from '../../../electron/core/vault/model.ts';
import { demoSeed, startSandbox, totp, type Sandbox, type SandboxSeed } from '../../sandbox/index.ts';
import { FakeClock } from '../../support/clock.ts';
import { RecordedSteps } from '../../support/providers/recorded-steps.ts';

const clock = new FakeClock(Date.UTC(2026, 2, 1, 12, 0, 0));
const NO_DELAYS = { otpFailureMs: 0, rateLimitMs: 0 };
const seed = demoSeed();
const user = (name: string) => seed.truenas.users.find((u) => u.username === name)!;
const password = (name: string): LoginCredential => ({ kind: 'password', secret: user(name).password });
const apiKey: LoginCredential = { kind: 'api-key', secret: `${seed.truenas.apiKeys[0]!.id}-${seed.truenas.apiKeys[0]!.key}` };
const adminCode = () => totp(user('admin').totp!.secret, clock.now());
const wrongCode = () => (adminCode() === '000000' ? '111111' : '000000');
const OTHER_PIN = Array.from({ length: 32 }, () => 'AB').join(':');

let sandbox: Sandbox;
const truenas: Provider = createTruenasProvider();

before(async () => {
  sandbox = await startSandbox({ clock, truenasDelays: NO_DELAYS });
});
after(() => sandbox.close());
beforeEach(() => {
  // A fresh rate-limit window and a fresh record of what was received, per test.
  clock.advance(60_000);
  sandbox.truenasReceived.reset();
});

function profile(url: string, username: string, options: Record<string, string> = {}): Profile {
  return { id: `p-${username}`, name: 'nas', provider: 'truenas', baseUrl: truenas.baseUrl(url), username, credentialId: 'c', otpAccountId: null, options };
}

const signal = () => new AbortController().signal;

/** Sockets close asynchronously on the server's side; wait for it to see every one gone. */
async function allSocketsClosed(target: Sandbox): Promise<void> {
  for (let i = 0; i < 100 && target.truenasReceived.openSockets > 0; i += 1) await new Promise((resolve) => setTimeout(resolve, 10));
  assert.equal(target.truenasReceived.openSockets, 0, 'the client left a socket open');
}

function rejectsWith(code: string, message: RegExp): (error: { code: string; message: string }) => boolean {
  return (error) => {
    assert.equal(error.code, code, error.message);
    assert.match(error.message, message);
    return true;
  };
}

function withUser(base: SandboxSeed, name: string, change: Record<string, unknown>): SandboxSeed {
  return { ...base, truenas: { ...base.truenas, users: base.truenas.users.map((u) => (u.username === name ? { ...u, ...change } : u)) } };
}

describe('addresses', () => {
  test('what a person pastes is completed to the JSON-RPC endpoint; anything else is refused with words', () => {
    assert.equal(truenas.baseUrl('ws://127.0.0.1:8080/api/current'), 'ws://127.0.0.1:8080/api/current');
    assert.equal(truenas.baseUrl('wss://nas.lan/api/current/'), 'wss://nas.lan/api/current');
    assert.equal(truenas.baseUrl('https://nas.lan'), 'wss://nas.lan/api/current');
    assert.equal(truenas.baseUrl('http://nas.lan:8080/'), 'ws://nas.lan:8080/api/current');
    assert.equal(truenas.baseUrl(' nas.lan:8443 '), 'wss://nas.lan:8443/api/current');
    assert.throws(() => truenas.baseUrl('ftp://nas.lan'), rejectsWith('INVALID_INPUT', /https:\/\/, wss:\/\/, http:\/\/ or ws:\/\//));
    assert.throws(() => truenas.baseUrl('https://nas.lan/ui/dashboard'), rejectsWith('INVALID_INPUT', /without a path/));
    assert.throws(() => truenas.baseUrl('https://root:pw@nas.lan'), rejectsWith('INVALID_INPUT', /without a user name or password/));
    assert.throws(() => truenas.baseUrl('  '), rejectsWith('INVALID_INPUT', /Enter the address/));
  });
});

describe('login over ws', () => {
  test('password and an automatic OTP give a session as the user, with a token for the next login; the socket is closed', async () => {
    const steps = new RecordedSteps({ credential: password('admin'), otp: () => adminCode() });
    const before = Date.now();
    const result = await truenas.login({ profile: profile(sandbox.urls.truenas, 'admin'), steps, resume: null }, signal());
    assert.deepEqual(result.identity, { id: 'admin', name: 'Sandbox Administrator' });
    assert.match(result.token, /^[A-Za-z0-9_-]{64}$/);
    assert.ok(result.expiresAt! >= before + 3_600_000 && result.expiresAt! <= Date.now() + 3_600_000, 'the token lapses an hour after its last use');
    assert.deepEqual(steps.otpRequests, [{ from: 'authenticator' }]);
    assert.deepEqual(sandbox.truenasReceived.frames.map((f) => f.method), ['auth.login_ex', 'auth.login_ex_continue', 'auth.generate_token']);
    await allSocketsClosed(sandbox);
  });

  test('the next login resumes with the token and asks for nothing; a spent token falls back to the password once', async () => {
    const first = await truenas.login({ profile: profile(sandbox.urls.truenas, 'admin'), steps: new RecordedSteps({ credential: password('admin'), otp: () => adminCode() }), resume: null }, signal());
    sandbox.truenasReceived.reset();
    const quiet = new RecordedSteps({ credential: password('admin') });
    const resumed = await truenas.login({ profile: profile(sandbox.urls.truenas, 'admin'), steps: quiet, resume: first.token }, signal());
    assert.equal(quiet.credentialRequests, 0);
    assert.equal(quiet.otpRequests.length, 0);
    assert.deepEqual(resumed.identity, { id: 'admin', name: 'Sandbox Administrator' });
    assert.notEqual(resumed.token, first.token, 'a single-use token is spent by resuming, so a new one is issued');
    assert.equal(sandbox.truenasReceived.count('TOKEN_PLAIN'), 1);
    assert.equal(sandbox.truenasReceived.count('PASSWORD_PLAIN'), 0);

    sandbox.truenasReceived.reset();
    const fallback = new RecordedSteps({ credential: password('admin'), otp: () => adminCode() });
    await truenas.login({ profile: profile(sandbox.urls.truenas, 'admin'), steps: fallback, resume: first.token }, signal());
    assert.equal(fallback.credentialRequests, 1);
    assert.deepEqual([sandbox.truenasReceived.count('TOKEN_PLAIN'), sandbox.truenasReceived.count('PASSWORD_PLAIN'), sandbox.truenasReceived.count('OTP_TOKEN')], [1, 1, 1]);
  });

  test('logout spends the token on the server: resuming with it afterwards asks for the password', async () => {
    const session = await truenas.login({ profile: profile(sandbox.urls.truenas, 'operator'), steps: new RecordedSteps({ credential: password('operator') }), resume: null }, signal());
    await truenas.logout({ profile: profile(sandbox.urls.truenas, 'operator'), token: session.token }, signal());
    assert.ok(sandbox.truenasReceived.frames.some((f) => f.method === 'auth.logout'));
    const steps = new RecordedSteps({ credential: password('operator') });
    await truenas.login({ profile: profile(sandbox.urls.truenas, 'operator'), steps, resume: session.token }, signal());
    assert.equal(steps.credentialRequests, 1, 'the logged-out token no longer works');
    await truenas.logout({ profile: profile(sandbox.urls.truenas, 'operator'), token: session.token }, signal());
    await allSocketsClosed(sandbox);
  });

  test('in STIG mode (no TOKEN_PLAIN) resuming falls back to password and OTP, and logout has nothing left to end', async () => {
    const stig = await startSandbox({ clock, seed: { ...seed, truenas: { ...seed.truenas, aal: 2 } }, truenasDelays: NO_DELAYS });
    try {
      const first = await truenas.login({ profile: profile(stig.urls.truenas, 'admin'), steps: new RecordedSteps({ credential: password('admin'), otp: () => adminCode() }), resume: null }, signal());
      const steps = new RecordedSteps({ credential: password('admin'), otp: () => adminCode() });
      const second = await truenas.login({ profile: profile(stig.urls.truenas, 'admin'), steps, resume: first.token }, signal());
      assert.deepEqual([steps.credentialRequests, steps.otpRequests.length], [1, 1]);
      assert.deepEqual(second.identity, { id: 'admin', name: 'Sandbox Administrator' });
      await truenas.logout({ profile: profile(stig.urls.truenas, 'admin'), token: second.token }, signal());
      assert.equal(stig.truenasReceived.count('PASSWORD_PLAIN'), 2);
    } finally {
      await stig.close();
    }
  });

  test('a wrong password says so, asks for no OTP and is sent once', async () => {
    const steps = new RecordedSteps({ credential: { kind: 'password', secret: 'not-the-password' }, otp: () => adminCode() });
    await assert.rejects(truenas.login({ profile: profile(sandbox.urls.truenas, 'operator'), steps, resume: null }, signal()), rejectsWith('PROVIDER_AUTH_FAILED', /refused the user name operator or the password/));
    assert.equal(steps.otpRequests.length, 0);
    assert.equal(sandbox.truenasReceived.count('PASSWORD_PLAIN'), 1);
  });

  test('four wrong OTPs: each refusal asks again, the fourth ends the login with words; the password went once', async () => {
    const steps = new RecordedSteps({ credential: password('admin'), otp: () => wrongCode() });
    await assert.rejects(truenas.login({ profile: profile(sandbox.urls.truenas, 'admin'), steps, resume: null }, signal()), rejectsWith('PROVIDER_AUTH_FAILED', /refused the one-time code four times and ended the login/));
    assert.equal(steps.otpRequests.length, 4);
    assert.deepEqual([sandbox.truenasReceived.count('PASSWORD_PLAIN'), sandbox.truenasReceived.count('OTP_TOKEN')], [1, 4]);
  });

  test('an expired password is named as such', async () => {
    await assert.rejects(
      truenas.login({ profile: profile(sandbox.urls.truenas, 'retired'), steps: new RecordedSteps({ credential: password('retired') }), resume: null }, signal()),
      rejectsWith('PROVIDER_PASSWORD_EXPIRED', /password of retired has expired or must be changed/),
    );
  });

  test('too many attempts from this computer: rate limited, with when to try again', async () => {
    const limited = await startSandbox({ clock, seed: { ...seed, truenas: { ...seed.truenas, rateLimit: 0 } }, truenasDelays: NO_DELAYS });
    try {
      await assert.rejects(truenas.login({ profile: profile(limited.urls.truenas, 'operator'), steps: new RecordedSteps({ credential: password('operator') }), resume: null }, signal()), (error: { code: string; message: string; details: { retryAt: number } }) => {
        assert.equal(error.code, 'PROVIDER_RATE_LIMITED');
        assert.match(error.message, /too many attempts in the last minute\. Wait a minute/);
        assert.ok(error.details.retryAt > Date.now());
        return true;
      });
      assert.equal(limited.truenasReceived.count('PASSWORD_PLAIN'), 1);
    } finally {
      await limited.close();
    }
  });

  test('REDIRECT is followed once to the active controller; a second REDIRECT is an error', async () => {
    const active = await startSandbox({ clock, seed: withUser(seed, 'standby', { redirectUrls: undefined }), truenasDelays: NO_DELAYS });
    const standby = await startSandbox({ clock, seed: withUser(seed, 'standby', { redirectUrls: [`127.0.0.1:${new URL(active.urls.base).port}`] }), truenasDelays: NO_DELAYS });
    const bouncing = await startSandbox({ clock, seed: withUser(seed, 'standby', { redirectUrls: [`127.0.0.1:${new URL(sandbox.urls.base).port}`] }), truenasDelays: NO_DELAYS });
    try {
      const result = await truenas.login({ profile: profile(standby.urls.truenas, 'standby'), steps: new RecordedSteps({ credential: password('standby') }), resume: null }, signal());
      assert.deepEqual(result.identity, { id: 'standby', name: 'Standby Node Account' });
      assert.deepEqual([standby.truenasReceived.count('PASSWORD_PLAIN'), active.truenasReceived.count('PASSWORD_PLAIN')], [1, 1]);

      // The demo sandbox's standby account redirects again (to 127.0.0.2).
      await assert.rejects(
        truenas.login({ profile: profile(bouncing.urls.truenas, 'standby'), steps: new RecordedSteps({ credential: password('standby') }), resume: null }, signal()),
        rejectsWith('PROVIDER_ERROR', /passed the login to its other controller, and that one passed it on again/),
      );
      assert.deepEqual([bouncing.truenasReceived.count('PASSWORD_PLAIN'), sandbox.truenasReceived.count('PASSWORD_PLAIN')], [1, 1]);
      await allSocketsClosed(sandbox);
      await allSocketsClosed(active);
    } finally {
      await Promise.all([active.close(), standby.close(), bouncing.close()]);
    }
  });

  test('an API key is refused before anything is sent over plain ws', async () => {
    const steps = new RecordedSteps({ credential: apiKey });
    await assert.rejects(truenas.login({ profile: profile(sandbox.urls.truenas, 'operator'), steps, resume: null }, signal()), rejectsWith('INVALID_INPUT', /only over an encrypted connection.*Authdesk sent nothing/));
    assert.deepEqual(sandbox.truenasReceived.frames, []);
  });
});

describe('failures on the wire', () => {
  test('the server killed after the password arrived: the person is told it may have counted, and nothing is resent', async () => {
    sandbox.faults.add({ route: '/api/current', method: 'WS', kind: 'drop', times: 1 });
    await assert.rejects(
      truenas.login({ profile: profile(sandbox.urls.truenas, 'operator'), steps: new RecordedSteps({ credential: password('operator') }), resume: null }, signal()),
      rejectsWith('NETWORK_ERROR', /cut after Authdesk sent the login, so TrueNAS \(nas\) may or may not have counted the attempt\. Authdesk did not send it again/),
    );
    assert.equal(sandbox.truenasReceived.count('PASSWORD_PLAIN'), 1);
  });

  test('the server killed after the OTP arrived: the code is not sent again', async () => {
    const steps = new RecordedSteps({
      credential: password('admin'),
      otp: () => (sandbox.faults.add({ route: '/api/current', method: 'WS', kind: 'drop', times: 1 }), adminCode()),
    });
    await assert.rejects(truenas.login({ profile: profile(sandbox.urls.truenas, 'admin'), steps, resume: null }, signal()), rejectsWith('NETWORK_ERROR', /may or may not have counted/));
    assert.deepEqual([sandbox.truenasReceived.count('PASSWORD_PLAIN'), sandbox.truenasReceived.count('OTP_TOKEN'), steps.otpRequests.length], [1, 1, 1]);
  });

  test('the whole server gone while the person reads the OTP: nothing is sent into the closed socket', async () => {
    const doomed = await startSandbox({ clock, truenasDelays: NO_DELAYS });
    const received = doomed.truenasReceived;
    const steps = new RecordedSteps({ credential: password('admin'), otp: async () => (await doomed.close(), adminCode()) });
    await assert.rejects(truenas.login({ profile: profile(doomed.urls.truenas, 'admin'), steps, resume: null }, signal()), rejectsWith('NETWORK_ERROR', /connection to TrueNAS \(nas\) was cut/));
    assert.deepEqual([received.count('PASSWORD_PLAIN'), received.count('OTP_TOKEN')], [1, 0]);
  });

  test('a slow server times out with words, and the login is not sent again', async () => {
    const hurried = createTruenasProvider({ timeoutMs: 300 });
    sandbox.faults.add({ route: '/api/current', method: 'WS', kind: 'latency', ms: 800, times: 1 });
    await assert.rejects(
      hurried.login({ profile: profile(sandbox.urls.truenas, 'operator'), steps: new RecordedSteps({ credential: password('operator') }), resume: null }, signal()),
      rejectsWith('NETWORK_TIMEOUT', /did not answer the login within 300 ms, so it may or may not have counted the attempt/),
    );
    await new Promise((resolve) => setTimeout(resolve, 900));
    assert.equal(sandbox.truenasReceived.count('PASSWORD_PLAIN'), 1);
    await allSocketsClosed(sandbox);
  });

  for (const [kind, words] of [['malformed', 'an HTML error page'], ['truncate', 'a frame cut in half']] as const) {
    test(`${words} instead of an answer is reported as unreadable and nothing is sent after it`, async () => {
      sandbox.faults.add({ route: '/api/current', method: 'WS', kind, times: 1 });
      await assert.rejects(
        truenas.login({ profile: profile(sandbox.urls.truenas, 'admin'), steps: new RecordedSteps({ credential: password('admin'), otp: () => adminCode() }), resume: null }, signal()),
        rejectsWith('PROVIDER_ERROR', /TrueNAS \(nas\) sent an answer Authdesk could not read/),
      );
      assert.deepEqual(sandbox.truenasReceived.frames.map((f) => f.mechanism), ['PASSWORD_PLAIN']);
      await allSocketsClosed(sandbox);
    });
  }

  test('cancelled at the OTP step: the socket is closed and no code is sent', async () => {
    const controller = new AbortController();
    const cancelled = Object.assign(new Error('cancelled'), { code: 'LOGIN_CANCELLED' });
    const steps = new RecordedSteps({
      credential: password('admin'),
      otp: () => {
        controller.abort(cancelled);
        throw cancelled;
      },
    });
    await assert.rejects(truenas.login({ profile: profile(sandbox.urls.truenas, 'admin'), steps, resume: null }, controller.signal), (error) => error === cancelled);
    await allSocketsClosed(sandbox);
    assert.deepEqual(sandbox.truenasReceived.frames.map((f) => f.mechanism), ['PASSWORD_PLAIN']);
  });

  test('cancelled while the server thinks: the call ends at once with the cancel, and the socket is closed', async () => {
    sandbox.faults.add({ route: '/api/current', method: 'WS', kind: 'latency', ms: 1_000, times: 1 });
    const controller = new AbortController();
    const reason = new Error('cancelled by the person');
    setTimeout(() => controller.abort(reason), 50);
    const started = performance.now();
    await assert.rejects(truenas.login({ profile: profile(sandbox.urls.truenas, 'operator'), steps: new RecordedSteps({ credential: password('operator') }), resume: null }, controller.signal), (error) => error === reason);
    assert.ok(performance.now() - started < 800, 'the cancel waited for the server');
    await allSocketsClosed(sandbox);
  });
});

describe('over wss', () => {
  let secure: Sandbox;
  before(async () => {
    secure = await startSandbox({ clock, tls: true, truenasDelays: NO_DELAYS });
  });
  after(() => secure.close());
  const pinned = (username: string, pin = secure.certificate!.fingerprint256) => profile(secure.urls.truenas, username, { [PIN_OPTION]: pin });

  test('first contact shows the certificate fingerprint and asks for nothing', async () => {
    const steps = new RecordedSteps({ credential: password('admin') });
    await assert.rejects(truenas.login({ profile: profile(secure.urls.truenas, 'admin'), steps, resume: null }, signal()), (error: { code: string; details: { fingerprint: string } }) => {
      assert.equal(error.code, 'CERT_UNTRUSTED');
      assert.equal(error.details.fingerprint, secure.certificate!.fingerprint256);
      return true;
    });
    assert.equal(steps.credentialRequests, 0);
    assert.deepEqual(secure.truenasReceived.frames, []);
  });

  test('with the pin the full login works; a changed certificate is refused before the password is sent', async () => {
    const result = await truenas.login({ profile: pinned('admin'), steps: new RecordedSteps({ credential: password('admin'), otp: () => adminCode() }), resume: null }, signal());
    assert.equal(result.identity?.id, 'admin');
    secure.truenasReceived.reset();
    const steps = new RecordedSteps({ credential: password('admin') });
    await assert.rejects(truenas.login({ profile: pinned('admin', OTHER_PIN), steps, resume: null }, signal()), rejectsWith('CERT_CHANGED', /different certificate from the one you trusted/));
    assert.equal(steps.credentialRequests, 0);
    assert.deepEqual(secure.truenasReceived.frames, []);
  });

  test('an API key is accepted over TLS', async () => {
    const result = await truenas.login({ profile: pinned('operator'), steps: new RecordedSteps({ credential: apiKey }), resume: null }, signal());
    assert.deepEqual(result.identity, { id: 'operator', name: 'Sandbox Operator' });
    assert.equal(secure.truenasReceived.count('API_KEY_PLAIN'), 1);
  });
});

// The sandbox speaks 25.04 exactly; a newer or odder middleware is played by a bare socket
// server that answers auth.login_ex with what each test sets.
describe('answers the sandbox never gives', () => {
  let reply: (id: number) => unknown = () => null;
  let server: WebSocketServer;
  let url = '';
  before(async () => {
    server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    server.on('connection', (ws) => ws.on('message', (data) => ws.send(JSON.stringify(reply((JSON.parse(data.toString()) as { id: number }).id)))));
    await new Promise((resolve) => server.once('listening', resolve));
    url = `ws://127.0.0.1:${(server.address() as { port: number }).port}/api/current`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const attempt = () => truenas.login({ profile: profile(url, 'operator'), steps: new RecordedSteps({ credential: password('operator') }), resume: null }, signal());

  test('a response type from a newer server is named and called unsupported', async () => {
    reply = (id) => ({ jsonrpc: '2.0', id, result: { response_type: 'SCRAM_RESPONSE' } });
    await assert.rejects(attempt(), rejectsWith('PROVIDER_UNSUPPORTED', /answered the login with "SCRAM_RESPONSE" this version of Authdesk does not know/));
  });

  test('a request the server cannot validate points at the API version', async () => {
    reply = (id) => ({ jsonrpc: '2.0', id, error: { code: -32602, message: 'Invalid params', data: { errname: 'EINVAL', reason: '[EINVAL] login_data: bad' } } });
    await assert.rejects(attempt(), rejectsWith('PROVIDER_UNSUPPORTED', /did not understand Authdesk's login request.*TrueNAS 25\.04/));
  });

  test('the server\'s own words are quoted, unless they repeat the password', async () => {
    reply = (id) => ({ jsonrpc: '2.0', id, error: { code: -32001, message: 'Method call error', data: { errname: 'EFAULT', reason: '[EFAULT] Directory service is not ready' } } });
    await assert.rejects(attempt(), rejectsWith('PROVIDER_ERROR', /^TrueNAS \(nas\) refused the login: Directory service is not ready$/));
    reply = (id) => ({ jsonrpc: '2.0', id, error: { code: -32001, message: 'Method call error', data: { errname: 'EINVAL', reason: `[EINVAL] bad password ${user('operator').password}` } } });
    await assert.rejects(attempt(), (error: Error) => {
      assert.ok(!error.message.includes(user('operator').password), error.message);
      assert.match(error.message, /refused the login \(error -32001\)/);
      return true;
    });
  });
});
