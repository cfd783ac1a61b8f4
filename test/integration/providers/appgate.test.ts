// Runs in: tests. The Appgate SDP admin client against the sandbox over real sockets: every
// kind of second factor, version negotiation, and what the person is told when the
// controller refuses, breaks or is slow, with the requests the controller received counted
// (through a recording proxy) so no password or code is ever seen twice.

import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { createAppgateProvider } from '../../../electron/core/providers/appgate/index.ts';
import type { ApprovalNotice, LoginCredential, LoginResult, LoginSteps, OtpRequest } from '../../../electron/core/providers/index.ts';
import { PIN_OPTION } from '../../../electron/core/providers/net/index.ts';
import type { Profile } from '../../../electron/core/vault/model.ts';
import { demoSeed, startSandbox, totp, type Sandbox, type SandboxSeed } from '../../sandbox/index.ts';
import { startRecordingProxy, type RecordingProxy } from '../../support/recording-proxy.ts';
import { TestDevice } from '../sandbox/device.ts';

const OTHER_PIN = Array.from({ length: 32 }, () => 'AB').join(':');
const ACCEPT_V23 = 'application/vnd.appgate.peer-v23+json';

/** The demo users plus an administrator exempt from MFA, for the plain login. */
function seedWith(change: (appgate: SandboxSeed['appgate']) => Partial<SandboxSeed['appgate']> = () => ({})): SandboxSeed {
  const seed = demoSeed();
  const users = [...seed.appgate.users, { username: 'ops', password: 'appgate-ops', admin: true, mfa: { type: 'None' as const } }];
  return { ...seed, appgate: { ...seed.appgate, users, ...change(seed.appgate) } };
}

const secretOf = (sandbox: Sandbox, username: string) => (sandbox.seed.appgate.users.find((u) => u.username === username)!.mfa as { secret: string }).secret;
const passwordOf = (sandbox: Sandbox, username: string) => sandbox.seed.appgate.users.find((u) => u.username === username)!.password;

function profile(baseUrl: string, username: string, options: Record<string, string> = {}): Profile {
  return { id: randomUUID(), name: 'lab', provider: 'appgate', baseUrl, username, credentialId: 'cred', otpAccountId: null, options };
}

interface Script {
  readonly password: string;
  /** The n-th code asked for (0-based). */
  readonly code?: (request: OtpRequest, n: number) => string;
  readonly keepSeed?: boolean;
  /** What the person does on their device while the login waits. */
  readonly approve?: (notice: ApprovalNotice) => Promise<void>;
}

/** LoginSteps that answer from a script and record every question, as sessions would meet them. */
class RecordingSteps implements LoginSteps {
  readonly otps: OtpRequest[] = [];
  readonly codes: string[] = [];
  readonly notices: ApprovalNotice[] = [];
  readonly seeds: string[] = [];
  readonly #script: Script;

  constructor(script: Script) {
    this.#script = script;
  }

  async credential(): Promise<LoginCredential> {
    return { kind: 'password', secret: this.#script.password };
  }

  async otp(request: OtpRequest): Promise<string> {
    const code = this.#script.code?.(request, this.otps.length) ?? '000000';
    this.otps.push(request);
    this.codes.push(code);
    return code;
  }

  async approval<T>(notice: ApprovalNotice, pending: Promise<T>): Promise<T> {
    this.notices.push(notice);
    await this.#script.approve?.(notice);
    return pending;
  }

  async offerSeed({ otpauthUri }: { readonly otpauthUri: string }): Promise<boolean> {
    this.seeds.push(otpauthUri);
    return this.#script.keepSeed ?? false;
  }
}

const signal = () => new AbortController().signal;
const provider = createAppgateProvider();

/** The current code of a TOTP seed; `offsetMs` far from now makes a code the controller refuses. */
const codeOf = (secret: string, offsetMs = 0) => totp(secret, Date.now() + offsetMs);

describe('the admin address', () => {
  test('the sandbox URL is kept; a bare https host gets the admin port and path; anything else is refused with words', () => {
    assert.equal(provider.baseUrl('http://127.0.0.1:4321/admin'), 'http://127.0.0.1:4321/admin');
    assert.equal(provider.baseUrl(' https://sdp.example.com/ '), 'https://sdp.example.com:8443/admin');
    assert.equal(provider.baseUrl('https://sdp.example.com/admin/'), 'https://sdp.example.com/admin');
    assert.throws(() => provider.baseUrl('http://sdp.example.com'), { code: 'INVALID_INPUT', message: /must be reached over https:\/\/.*https:\/\/controller\.example\.com/ });
    assert.throws(() => provider.baseUrl('https://sdp.example.com/ui'), { code: 'INVALID_INPUT', message: /ends in \/admin/ });
    assert.throws(() => provider.baseUrl('sdp example'), { code: 'INVALID_INPUT', message: /not a web address/ });
  });
});

describe('logins', () => {
  let sandbox: Sandbox;
  let proxy: RecordingProxy;
  let url: string;
  before(async () => {
    sandbox = await startSandbox({ seed: seedWith() });
    proxy = await startRecordingProxy(sandbox.urls.base);
    url = `${proxy.base}/admin`;
  });
  after(async () => {
    await proxy.close();
    await sandbox.close();
  });

  /**
   * Faults match a route by prefix, so one on /authentication/otp would also hit /initialize:
   * it is switched on when the code is asked for, between the two.
   */
  function faultThen(kind: 'malformed' | 'drop' | 'latency', code: string): string {
    sandbox.faults.add({ route: '/admin/authentication/otp', method: 'POST', kind, times: 1, ...(kind === 'latency' ? { ms: 1_000 } : {}) });
    return code;
  }

  async function login(username: string, script: Partial<Script> = {}, options: Record<string, string> = {}, abort = signal()): Promise<{ steps: RecordingSteps; from: number; result: Promise<LoginResult> }> {
    const steps = new RecordingSteps({ password: passwordOf(sandbox, username), ...script });
    const from = proxy.received.length;
    const result = provider.login({ profile: profile(url, username, options), steps, resume: null }, abort);
    return { steps, from, result };
  }

  test('an administrator without MFA gets the final token with its expiry, asked for nothing more; logout revokes it', async () => {
    const { steps, from, result } = await login('ops');
    const session = await result;
    assert.ok(session.expiresAt! > Date.now() + 23 * 3600_000, 'the controller\'s expiry, a day ahead');
    assert.deepEqual(session.identity, { id: 'ops', name: 'ops' });
    assert.equal(steps.otps.length, 0);
    const [signIn] = proxy.calls('POST', '/admin/authentication', from);
    assert.deepEqual(signIn?.json, { providerName: 'local', deviceId: (signIn?.json as { deviceId: string }).deviceId, username: 'ops', password: 'appgate-ops' });
    assert.match((signIn?.json as { deviceId: string }).deviceId, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.equal(signIn?.headers.accept, ACCEPT_V23);

    const logout = { profile: profile(url, 'ops'), token: session.token };
    await provider.logout(logout, signal());
    await provider.logout(logout, signal()); // already ended: nothing to tell the person
    const refused = await fetch(`${url}/authorization`, { headers: { accept: ACCEPT_V23, authorization: `Bearer ${session.token}` } });
    assert.equal(refused.status, 401, 'the controller no longer accepts the token');
  });

  test('needTwoFactorAuth then AlreadySeeded: one authenticator code, sent once, then the final token', async () => {
    const secret = secretOf(sandbox, 'admin');
    const { steps, from, result } = await login('admin', { code: () => codeOf(secret) });
    const session = await result;
    assert.deepEqual(steps.otps, [{ from: 'authenticator' }]);
    assert.deepEqual(session.identity, { id: 'admin', name: 'admin' });
    assert.equal(proxy.calls('GET', '/admin/authorization', from).length, 1, 'the partial answer said MFA comes first, so only the final call');
    assert.deepEqual(proxy.calls('POST', '/admin/authentication/otp', from).map((r) => r.json), [{ otp: steps.codes[0] }]);
    assert.equal(proxy.calls('POST', '/admin/authentication', from).length, 1);
  });

  test('Secret declined: the login stops with what to do, and no code is asked for or sent', async () => {
    const { steps, from, result } = await login('newadmin', { keepSeed: false });
    await assert.rejects(result, { code: 'PROVIDER_ERROR', message: 'Appgate SDP (lab) issued a new authenticator secret for newadmin, and Authdesk did not keep it, so no app can give its code. Log in again and keep it, or enrol the authenticator in the Appgate admin UI.' });
    assert.equal(steps.seeds.length, 1);
    assert.equal(steps.otps.length, 0);
    assert.equal(proxy.calls('POST', '/admin/authentication/otp', from).length, 0);
  });

  test('Secret: the new seed is offered as a usable otpauth URI and its code is accepted; the next login is AlreadySeeded', async () => {
    // The code comes from the offered URI's secret, as a vault account made from it would give.
    const issued = () => new URL(first.steps.seeds[0]!).searchParams.get('secret')!;
    const first = await login('newadmin', { keepSeed: true, code: () => codeOf(issued()) });
    await first.result;
    assert.equal(first.steps.seeds.length, 1);
    assert.match(first.steps.seeds[0]!, /^otpauth:\/\/totp\/.*[?&]issuer=Appgate/);
    assert.equal(issued(), secretOf(sandbox, 'newadmin'));
    assert.deepEqual(first.steps.otps, [{ from: 'authenticator' }]);

    const again = await login('newadmin', { code: () => codeOf(secretOf(sandbox, 'newadmin')) });
    await again.result;
    assert.equal(again.steps.seeds.length, 0, 'nothing offered once enrolled');
  });

  test('RADIUS Challenge: the controller\'s words are shown and its state is echoed with the code', async () => {
    const { steps, from, result } = await login('radius', { code: () => codeOf(secretOf(sandbox, 'radius')) });
    await result;
    assert.deepEqual(steps.otps, [{ from: 'service', message: 'Enter the code from your authenticator.' }]);
    const [answer] = proxy.calls('POST', '/admin/authentication/otp', from).map((r) => r.json as { otp: string; state: string });
    assert.equal(answer?.otp, steps.codes[0]);
    assert.ok(answer?.state && answer.state.length > 10, 'the state from initialize goes back');
  });

  test('a refused RADIUS answer gets a fresh challenge, and the new state goes with the next code', async () => {
    const secret = secretOf(sandbox, 'radius');
    const { steps, from, result } = await login('radius', { code: (_request, n) => codeOf(secret, n === 0 ? 10 * 60_000 : 0) });
    await result;
    assert.equal(steps.otps.length, 2);
    assert.equal(proxy.calls('POST', '/admin/authentication/otp/initialize', from).length, 2);
    const states = proxy.calls('POST', '/admin/authentication/otp', from).map((r) => (r.json as { state: string }).state);
    assert.equal(states.length, 2);
    assert.notEqual(states[0], states[1]);
  });

  test('Push: the person sees where to approve and until when; the device approves; the dummy OTP went once', async () => {
    const device = new TestDevice(sandbox.urls.approvals);
    assert.equal((await device.enrol('appgate:pushy', '271828')).status, 201);
    const stream = await device.stream(Date.now());
    const { steps, from, result } = await login('pushy', {
      approve: async (notice) => {
        const event = (await stream.next(5_000))!;
        const number = Number(/pick (\d+)/.exec(notice.message)![1]);
        assert.equal((await device.decide(event.data.challengeId, 'APPROVE', number, Date.now())).status, 200);
      },
    });
    const session = await result;
    stream.close();
    assert.equal(session.identity?.name, 'pushy');
    assert.match(steps.notices[0]!.message, /^Approve on your device and pick \d+\.$/);
    assert.ok(Math.abs(steps.notices[0]!.until! - (Date.now() + 60_000)) < 5_000, 'the controller\'s 60 s');
    assert.deepEqual(proxy.calls('POST', '/admin/authentication/otp', from).map((r) => r.json), [{ otp: 'push' }]);
    assert.equal(steps.otps.length, 0);
  });

  test('a login cancelled while the push waits ends at once, with the push asked for once', async () => {
    const controller = new AbortController();
    const reason = new Error('cancelled by the person');
    const started = Date.now();
    const mark = proxy.received.length;
    // The person cancels once the controller holds the push request.
    const approve = async () => {
      while (proxy.calls('POST', '/admin/authentication/otp', mark).length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
      controller.abort(reason);
    };
    const { from, result } = await login('pushy', { approve }, {}, controller.signal);
    await assert.rejects(result, (error) => error === reason);
    assert.ok(Date.now() - started < 5_000, 'not the controller\'s 60 s');
    assert.equal(proxy.calls('POST', '/admin/authentication/otp', from).length, 1);
  });

  test('a wrong password is refused in the controller\'s words, and nothing more is sent', async () => {
    const steps = new RecordingSteps({ password: 'not-the-password' });
    const from = proxy.received.length;
    await assert.rejects(provider.login({ profile: profile(url, 'admin'), steps, resume: null }, signal()), {
      code: 'PROVIDER_AUTH_FAILED', message: 'Appgate SDP (lab) refused the sign-in: "Invalid username or password". Check the profile\'s username, saved password and identity provider, then log in again.',
    });
    assert.equal(proxy.received.length - from, 1);
    assert.equal(steps.otps.length, 0);
  });

  test('an unknown identity provider is named in the refusal', async () => {
    await assert.rejects((await login('admin', {}, { identityProvider: 'corp-ldap' })).result, { code: 'PROVIDER_AUTH_FAILED', message: /"Identity Provider not found"/ });
  });

  test('a user without admin rights is told so after signing in', async () => {
    await assert.rejects((await login('auditor')).result, { code: 'PROVIDER_ERROR', message: /refused administration: "No administration rights"\..*administrative role/ });
  });

  test('two refused codes, then the right one: three different codes, each sent once', async () => {
    const secret = secretOf(sandbox, 'admin');
    const { steps, from, result } = await login('admin', { code: (_request, n) => codeOf(secret, n < 2 ? (n + 1) * 10 * 60_000 : 0) });
    await result;
    assert.equal(steps.otps.length, 3);
    const sent = proxy.calls('POST', '/admin/authentication/otp', from).map((r) => (r.json as { otp: string }).otp);
    assert.deepEqual(sent, steps.codes);
    assert.equal(new Set(sent).size, 3);
  });

  test('three refused codes end the login with what to check, and no fourth code is asked for', async () => {
    const secret = secretOf(sandbox, 'admin');
    const { steps, from, result } = await login('admin', { code: (_request, n) => codeOf(secret, (n + 1) * 10 * 60_000) });
    await assert.rejects(result, { code: 'PROVIDER_AUTH_FAILED', message: 'Appgate SDP (lab) refused 3 codes in a row. Check that the authenticator account linked to this profile is the one enrolled for admin, and that this computer\'s clock is right; then log in again.' });
    assert.equal(steps.otps.length, 3);
    assert.equal(proxy.calls('POST', '/admin/authentication/otp', from).length, 3);
    assert.equal(proxy.calls('GET', '/admin/authorization', from).length, 0);
  });

  test('503 and 500 say the controller is unavailable; the password went once', async () => {
    sandbox.faults.add({ route: '/admin/authentication', method: 'POST', kind: 'status', status: 503, times: 1 });
    const unavailable = await login('admin');
    await assert.rejects(unavailable.result, { code: 'PROVIDER_UNAVAILABLE', message: /Appgate SDP \(lab\) is unavailable \(HTTP 503\), perhaps restarting or under maintenance\. Try again in a few minutes\./ });
    assert.equal(proxy.calls('POST', '/admin/authentication', unavailable.from).length, 1);

    sandbox.faults.add({ route: '/admin/authentication/otp/initialize', kind: 'status', status: 500, times: 1 });
    const broken = await login('admin');
    await assert.rejects(broken.result, { code: 'PROVIDER_UNAVAILABLE', message: /internal error: "An unexpected error occurred"\./ });
    assert.equal(broken.steps.otps.length, 0);
  });

  test('a body that is not JSON is named as unreadable; after the code it is not followed by another', async () => {
    sandbox.faults.add({ route: '/admin/authorization', kind: 'malformed', times: 1 });
    await assert.rejects((await login('ops')).result, { code: 'PROVIDER_ERROR', message: /sent an answer Authdesk could not read/ });

    const secret = secretOf(sandbox, 'admin');
    const { steps, from, result } = await login('admin', { code: () => faultThen('malformed', codeOf(secret)) });
    await assert.rejects(result, { code: 'PROVIDER_ERROR', message: /could not read/ });
    assert.equal(steps.otps.length, 1);
    assert.equal(proxy.calls('POST', '/admin/authentication/otp', from).length, 1);
  });

  test('a connection cut after the code left is reported, and the code is not sent again', async () => {
    const secret = secretOf(sandbox, 'admin');
    const { steps, from, result } = await login('admin', { code: () => faultThen('drop', codeOf(secret)) });
    await assert.rejects(result, { code: 'NETWORK_ERROR', message: /Could not reach Appgate SDP \(lab\) at 127\.0\.0\.1:\d+: the connection was cut/ });
    assert.equal(steps.otps.length, 1);
    assert.equal(proxy.calls('POST', '/admin/authentication/otp', from).length, 1);
  });

  test('a slow controller times out with words; neither the password nor the code is resent', async () => {
    const impatient = createAppgateProvider({ timeoutMs: 300 });
    sandbox.faults.add({ route: '/admin/authentication', method: 'POST', kind: 'latency', ms: 1_000, times: 1 });
    const slowSignIn = new RecordingSteps({ password: 'appgate-admin' });
    let from = proxy.received.length;
    await assert.rejects(impatient.login({ profile: profile(url, 'admin'), steps: slowSignIn, resume: null }, signal()), { code: 'NETWORK_TIMEOUT', message: /Appgate SDP \(lab\) did not answer within 0 s\. Check that it is running and reachable/ });
    assert.equal(proxy.calls('POST', '/admin/authentication', from).length, 1);

    const secret = secretOf(sandbox, 'admin');
    const slowCode = new RecordingSteps({ password: 'appgate-admin', code: () => faultThen('latency', codeOf(secret)) });
    from = proxy.received.length;
    await assert.rejects(impatient.login({ profile: profile(url, 'admin'), steps: slowCode, resume: null }, signal()), { code: 'NETWORK_TIMEOUT' });
    assert.equal(slowCode.otps.length, 1);
    assert.equal(proxy.calls('POST', '/admin/authentication/otp', from).length, 1);
  });
});

describe('peer versions', () => {
  test('the version /version names is used; after an upgrade the 406 gives the new one and only that call is resent', async () => {
    const sandbox = await startSandbox({ seed: seedWith(() => ({ peerVersion: 20, lowestPeerVersion: 18 })) });
    const proxy = await startRecordingProxy(sandbox.urls.base);
    try {
      const url = `${proxy.base}/admin`;
      await provider.login({ profile: profile(url, 'ops'), steps: new RecordingSteps({ password: 'appgate-ops' }), resume: null }, signal());
      assert.deepEqual(proxy.received.map((r) => `${r.path} ${r.headers.accept}`), [
        '/admin/version application/json',
        '/admin/authentication application/vnd.appgate.peer-v20+json',
        '/admin/authorization application/vnd.appgate.peer-v20+json',
      ]);

      Object.assign(sandbox.seed.appgate, { peerVersion: 25, lowestPeerVersion: 21 });
      const from = proxy.received.length;
      await provider.login({ profile: profile(url, 'ops'), steps: new RecordingSteps({ password: 'appgate-ops' }), resume: null }, signal());
      assert.deepEqual(proxy.received.slice(from).map((r) => `${r.path} ${r.headers.accept}`), [
        '/admin/authentication application/vnd.appgate.peer-v20+json',
        '/admin/authentication application/vnd.appgate.peer-v23+json',
        '/admin/authorization application/vnd.appgate.peer-v23+json',
      ], 'refused with 406 before the password was checked, then sent in v23');
    } finally {
      await proxy.close();
      await sandbox.close();
    }
  });

  test('without a usable /version the range comes from a 406 to a probe that carries no password', async () => {
    const sandbox = await startSandbox({ seed: seedWith() });
    const proxy = await startRecordingProxy(sandbox.urls.base);
    try {
      sandbox.faults.add({ route: '/admin/version', kind: 'malformed', times: 1 });
      await provider.login({ profile: profile(`${proxy.base}/admin`, 'ops'), steps: new RecordingSteps({ password: 'appgate-ops' }), resume: null }, signal());
      const [probe, signIn] = proxy.calls('POST', '/admin/authentication');
      assert.equal(probe?.headers.accept, 'application/vnd.appgate.peer-v5+json');
      assert.equal((probe?.json as { password?: string }).password, undefined);
      assert.equal(signIn?.headers.accept, ACCEPT_V23);
    } finally {
      await proxy.close();
      await sandbox.close();
    }
  });

  test('a controller that no longer speaks v23 is named with both ranges, before any password is sent', async () => {
    const sandbox = await startSandbox({ seed: seedWith(() => ({ peerVersion: 26, lowestPeerVersion: 24 })) });
    const proxy = await startRecordingProxy(sandbox.urls.base);
    try {
      await assert.rejects(provider.login({ profile: profile(`${proxy.base}/admin`, 'ops'), steps: new RecordingSteps({ password: 'appgate-ops' }), resume: null }, signal()), {
        code: 'PROVIDER_UNSUPPORTED', message: 'Appgate SDP (lab) speaks admin API versions 24 to 26; this Authdesk speaks 18 to 23. Update Authdesk to log in.',
      });
      assert.deepEqual(proxy.received.map((r) => r.path), ['/admin/version']);
    } finally {
      await proxy.close();
      await sandbox.close();
    }
  });
});

describe('push that nobody approves', () => {
  test('the login waits the controller\'s timeout, then says no approval came; the dummy OTP went once', async () => {
    const sandbox = await startSandbox({ seed: seedWith(() => ({ pushTimeoutSeconds: 1 })) });
    const proxy = await startRecordingProxy(sandbox.urls.base);
    try {
      const steps = new RecordingSteps({ password: 'appgate-pushy' });
      const started = Date.now();
      await assert.rejects(provider.login({ profile: profile(`${proxy.base}/admin`, 'pushy'), steps, resume: null }, signal()), {
        code: 'PROVIDER_AUTH_FAILED', message: 'Appgate SDP (lab) did not get an approval from your device: "No answer from the device in time". Log in again to send a new request.',
      });
      assert.ok(Date.now() - started >= 900, 'it waited for the controller');
      assert.equal(steps.notices.length, 1);
      assert.equal(proxy.calls('POST', '/admin/authentication/otp').length, 1);
    } finally {
      await proxy.close();
      await sandbox.close();
    }
  });
});

describe('pinned certificate', () => {
  test('first contact shows the fingerprint and sends nothing; the pin logs in; another pin is refused', async () => {
    const sandbox = await startSandbox({ tls: true, seed: seedWith() });
    try {
      const fingerprint = sandbox.certificate!.fingerprint256;
      const steps = () => new RecordingSteps({ password: 'appgate-admin', code: () => codeOf(secretOf(sandbox, 'admin')) });
      sandbox.handlingTime.reset();
      await assert.rejects(provider.login({ profile: profile(sandbox.urls.appgate, 'admin'), steps: steps(), resume: null }, signal()), (error: { code: string; details: { fingerprint: string } }) => {
        assert.equal(error.code, 'CERT_UNTRUSTED');
        assert.equal(error.details.fingerprint, fingerprint);
        return true;
      });
      await assert.rejects(provider.login({ profile: profile(sandbox.urls.appgate, 'admin', { [PIN_OPTION]: OTHER_PIN }), steps: steps(), resume: null }, signal()), { code: 'CERT_CHANGED' });
      assert.equal(sandbox.handlingTime.snapshot().count, 0, 'the controller received no request');

      const session = await provider.login({ profile: profile(sandbox.urls.appgate, 'admin', { [PIN_OPTION]: fingerprint }), steps: steps(), resume: null }, signal());
      assert.equal(session.identity?.name, 'admin');
    } finally {
      await sandbox.close();
    }
  });
});

describe('a newer controller', () => {
  test('412 at authorization leads to MFA; an MFA type this client does not know is named, and no code is asked for', async () => {
    const seen: string[] = [];
    const server = createServer((req, res) => {
      const reply = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      req.resume().on('end', () => {
        if (req.url === '/admin/version') return reply(200, { peerVersion: 24, lowestPeerVersionSupported: 20 });
        seen.push(req.url ?? '');
        // A controller whose partial answer does not flag MFA: only the 412 of /authorization says so.
        if (req.url === '/admin/authentication') return reply(200, { user: { name: 'admin' }, token: 'partial', expires: new Date(Date.now() + 600_000).toISOString() });
        if (req.url === '/admin/authorization') return reply(412, { id: 'precondition failed', message: 'Administrative authorization requires two-factor authentication.', otpRequired: true, username: 'admin' });
        return reply(200, { type: 'Fido2' });
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const steps = new RecordingSteps({ password: 'appgate-admin' });
      await assert.rejects(provider.login({ profile: profile(`http://127.0.0.1:${(server.address() as AddressInfo).port}/admin`, 'admin'), steps, resume: null }, signal()), {
        code: 'PROVIDER_UNSUPPORTED', message: 'Appgate SDP (lab) asked for a kind of two-factor authentication this Authdesk does not know ("Fido2"). Update Authdesk, or log in with the Appgate admin UI.',
      });
      assert.equal(steps.otps.length, 0);
      assert.deepEqual(seen, ['/admin/authentication', '/admin/authorization', '/admin/authentication/otp/initialize']);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
