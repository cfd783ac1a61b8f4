// Runs in: tests. The Weavr Multi client against the sandbox over real sockets: login with an
// identity, switching, SMS and push step-up, keep-alive of the sliding window, logout, and each
// documented failure in the words a person sees, with what the server received counted so
// that no password or code is ever sent twice.

import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { AuthdeskError } from '../../../electron/core/errors.ts';
import type { ApprovalNotice, LoginResult, LoginSteps, OtpRequest, Provider } from '../../../electron/core/providers/index.ts';
import { APPROVALS_OPTION, createWeavrProvider, IDENTITY_OPTION, PROGRAMME_KEY_OPTION } from '../../../electron/core/providers/weavr/index.ts';
import { PIN_OPTION } from '../../../electron/core/providers/net/index.ts';
import type { Profile } from '../../../electron/core/vault/model.ts';
import { demoSeed, startSandbox, type Sandbox, type SandboxSeed } from '../../sandbox/index.ts';
import { FakeClock } from '../../support/clock.ts';
import { TestDevice } from '../sandbox/device.ts';

const clock = new FakeClock(Date.UTC(2026, 2, 1, 9, 0, 0));
const ALICE_PASSWORD = 'weavr-alice';
let sandbox: Sandbox;
let weavr: Provider;
/** Every message the client produced, checked at the end for secrets. */
const messages: string[] = [];

const open = (seed?: SandboxSeed) => startSandbox({ clock, ...(seed ? { seed } : {}) });
const provider = (timeoutMs?: number) => createWeavrProvider({ now: () => clock.now(), pollMs: 5, ...(timeoutMs ? { timeoutMs } : {}) });

before(async () => {
  sandbox = await open();
  weavr = provider();
});
after(async () => {
  await sandbox.close();
  const secrets = [ALICE_PASSWORD, demoSeed().weavr.apiKey, '123456'];
  for (const message of messages) for (const secret of secrets) assert.ok(!message.includes(secret), `a message quotes a secret: ${message}`);
});
// A fresh login rate-limit window for each test.
beforeEach(() => clock.advance(60_000));

function profile(target: Sandbox = sandbox, overrides: { username?: string; options?: Record<string, string> } = {}): Profile {
  return {
    id: 'p1', name: 'work', provider: 'weavr', baseUrl: weavr.baseUrl(target.urls.weavr), username: overrides.username ?? 'alice@example.com',
    credentialId: 'c1', otpAccountId: null, options: { [PROGRAMME_KEY_OPTION]: target.seed.weavr.apiKey, ...overrides.options },
  };
}

/** The LoginSteps sessions would hand over, recording what the client asked. */
class Steps implements LoginSteps {
  readonly asked: OtpRequest[] = [];
  readonly notices: ApprovalNotice[] = [];
  readonly #password: string;
  readonly #codes: string[];
  readonly #onApproval: (notice: ApprovalNotice) => Promise<void>;

  constructor(password = ALICE_PASSWORD, codes: string[] = [], onApproval: (notice: ApprovalNotice) => Promise<void> = async () => {}) {
    this.#password = password;
    this.#codes = [...codes];
    this.#onApproval = onApproval;
  }

  async credential() {
    return { kind: 'password' as const, secret: this.#password };
  }

  async otp(request: OtpRequest): Promise<string> {
    this.asked.push(request);
    const code = this.#codes.shift();
    if (code === undefined) throw new AuthdeskError('LOGIN_CANCELLED', 'No more codes.');
    return code;
  }

  async approval<T>(notice: ApprovalNotice, pending: Promise<T>): Promise<T> {
    this.notices.push(notice);
    await this.#onApproval(notice);
    return pending;
  }

  async offerSeed() {
    return false;
  }
}

/** How many requests the sandbox received on a route from now on (a zero-latency fault counts them). */
function received(target: Sandbox, route: string, method = 'POST'): () => number {
  const times = 1_000_000;
  target.faults.add({ route, method, kind: 'latency', ms: 0, times });
  const rule = target.faults.list().at(-1)!;
  return () => times - rule.remaining;
}

const signal = () => new AbortController().signal;

async function failure(work: Promise<unknown>): Promise<AuthdeskError> {
  const error = await work.then(() => assert.fail('expected a failure'), (e: unknown) => e);
  assert.ok(error instanceof AuthdeskError, String(error));
  messages.push(error.message);
  return error;
}

const login = (steps = new Steps(), target = sandbox, client = weavr, options?: Record<string, string>) =>
  client.login({ profile: profile(target, options ? { options } : {}), steps, resume: null }, signal());

/** What the sandbox says about the session's access token when asked again. */
async function status(result: LoginResult, target = sandbox): Promise<number | string> {
  const { auth, identity } = JSON.parse(result.token) as { auth: string; identity: { type: string; id: string } };
  const response = await fetch(`${target.urls.weavr}/access_token`, {
    method: 'POST', headers: { 'api-key': target.seed.weavr.apiKey, authorization: `Bearer ${auth}`, 'content-type': 'application/json' },
    body: JSON.stringify({ identity: { type: identity.type, id: identity.id } }),
  });
  return response.status === 200 ? ((await response.json()) as { status: string }).status : response.status;
}

describe('address', () => {
  test('the sandbox URL is kept, a bare https host gains /multi, anything else is refused with words', () => {
    assert.equal(weavr.baseUrl(sandbox.urls.weavr), sandbox.urls.weavr);
    assert.equal(weavr.baseUrl(' https://sandbox.weavr.io '), 'https://sandbox.weavr.io/multi');
    assert.equal(weavr.baseUrl('https://api.weavr.io/multi/'), 'https://api.weavr.io/multi');
    assert.throws(() => weavr.baseUrl('http://weavr.example.com'), { code: 'INVALID_INPUT', message: /https:\/\// });
    assert.throws(() => weavr.baseUrl('weavr'), { code: 'INVALID_INPUT', message: /not a web address/ });
    assert.throws(() => weavr.baseUrl('https://host/other'), { code: 'INVALID_INPUT', message: /ending in \/multi/ });
  });
});

describe('login and identities', () => {
  test('login acts as the first identity, lists them all, switches with one call; the window is 5 minutes from the last call', async () => {
    const logins = received(sandbox, '/multi/login_with_password');
    const exchanges = received(sandbox, '/multi/access_token');
    const result = await login();
    assert.deepEqual(result.identity, { id: 'CONSUMER:2001', name: 'Alice Example' });
    assert.equal(result.expiresAt, clock.now() + 5 * 60_000);
    assert.equal(await status(result), 'STANDARD');
    const request = { profile: profile(), token: result.token };
    assert.deepEqual((await weavr.identities!(request, signal())).map((i) => i.name), ['Alice Example', 'Example Trading Ltd', 'Example Holdings Ltd']);
    clock.advance(30_000);
    const before = exchanges();
    const switched = await weavr.switchIdentity!({ ...request, identityId: 'CORPORATE:3002' }, signal());
    assert.equal(exchanges() - before, 1, 'a switch is one /access_token call');
    assert.deepEqual(switched.identity, { id: 'CORPORATE:3002', name: 'Example Holdings Ltd' });
    assert.equal(switched.expiresAt, clock.now() + 5 * 60_000);
    const factors = await fetch(`${sandbox.urls.weavr}/authentication_factors`, { headers: { 'api-key': sandbox.seed.weavr.apiKey, authorization: `Bearer ${(JSON.parse(switched.token) as { access: string }).access}` } });
    assert.equal(factors.status, 200, 'the new access token works');
    assert.equal(logins(), 1);
  });

  test('the profile\'s identity is used; one the login cannot act as is refused by name', async () => {
    assert.deepEqual((await login(new Steps(), sandbox, weavr, { [IDENTITY_OPTION]: '3001' })).identity, { id: 'CORPORATE:3001', name: 'Example Trading Ltd' });
    const error = await failure(login(new Steps(), sandbox, weavr, { [IDENTITY_OPTION]: 'CORPORATE:9999' }));
    assert.equal(error.code, 'NOT_FOUND');
    assert.match(error.message, /cannot act as "CORPORATE:9999".*Example Trading Ltd \(CORPORATE:3001\)/);
  });
});

describe('step-up', () => {
  test('SMS: the code is asked from the person (6 digits, from the service) and the session is STEPPED_UP', async () => {
    const session = await login();
    const steps = new Steps(ALICE_PASSWORD, ['123456']);
    const result = await weavr.stepUp!({ profile: profile(), token: session.token, method: 'sms', steps }, signal());
    assert.deepEqual(steps.asked, [{ from: 'service', digits: 6 }]);
    assert.equal(await status(result), 'STEPPED_UP');
    assert.equal(result.expiresAt, clock.now() + 5 * 60_000);
    const again = new Steps(ALICE_PASSWORD, ['123456']);
    await weavr.stepUp!({ profile: profile(), token: result.token, method: 'sms', steps: again }, signal());
    assert.equal(again.asked.length, 0, 'a session already stepped up sends no second SMS');
  });

  test('SMS: a step-up begun late in the window and typed slowly still ends with a live session', async () => {
    const session = await login();
    clock.advance(4.5 * 60_000);
    const slow = new (class extends Steps {
      override async otp(request: OtpRequest): Promise<string> {
        clock.advance(2 * 60_000);
        return super.otp(request);
      }
    })(ALICE_PASSWORD, ['123456']);
    const result = await weavr.stepUp!({ profile: profile(), token: session.token, method: 'sms', steps: slow }, signal());
    assert.equal(await status(result), 'STEPPED_UP');
  });

  test('SMS: a wrong code is asked again with words; three wrong codes end the step-up, each code sent once', async () => {
    const verifies = received(sandbox, '/multi/stepup/challenges/otp/SMS/verify');
    const steps = new Steps(ALICE_PASSWORD, ['12 34', '111111', '123456']);
    const stepped = await weavr.stepUp!({ profile: profile(), token: (await login()).token, method: 'sms', steps }, signal());
    assert.match(steps.asked[1]?.message ?? '', /6 digits; that was not sent/);
    assert.match(steps.asked[2]?.message ?? '', /not right/);
    assert.equal(await status(stepped), 'STEPPED_UP');
    assert.equal(verifies(), 2, 'the slip was never sent');

    clock.advance(60_000);
    const wrong = new Steps(ALICE_PASSWORD, ['111111', '222222', '333333', '123456']);
    const session = await login();
    const error = await failure(weavr.stepUp!({ profile: profile(), token: session.token, method: 'sms', steps: wrong }, signal()));
    assert.equal(error.code, 'PROVIDER_AUTH_FAILED');
    assert.match(error.message, /Three wrong codes used up the SMS code.*Step up again/);
    assert.match(wrong.asked[2]?.message ?? '', /One try is left/);
    assert.equal(wrong.asked.length, 3);
    assert.equal(verifies(), 5);
    assert.equal(await status(session), 'STANDARD');
  });

  test('push through Authdesk approvals: the notice shows the number and 5 minutes; approving with it steps the session up', async () => {
    const device = new TestDevice(sandbox.urls.approvals);
    assert.equal((await device.enrol('weavr:alice@example.com', '314159')).status, 201);
    const stream = await device.stream(clock.now());
    try {
      const steps = new Steps(ALICE_PASSWORD, [], async (notice) => {
        const event = (await stream.next())!;
        const number = Number(/pick (\d+)/.exec(notice.message)?.[1]);
        assert.ok(event.data.numbers.includes(number), 'the notice shows the number the device offers');
        assert.equal((await device.decide(event.data.challengeId, 'APPROVE', number, clock.now())).status, 200);
      });
      const options = { [APPROVALS_OPTION]: sandbox.urls.approvals };
      const session = await login(new Steps(), sandbox, weavr, options);
      const result = await weavr.stepUp!({ profile: profile(sandbox, { options }), token: session.token, method: 'push', steps }, signal());
      assert.match(steps.notices[0]!.message, /Approve the Weavr step-up for Alice Example on your phone and pick \d+\./);
      assert.equal(steps.notices[0]!.until, clock.now() + 5 * 60_000);
      assert.equal(await status(result), 'STEPPED_UP');
    } finally {
      stream.close();
    }
  });

  test('push without the approvals service: the client asks /access_token until the simulator approves', async () => {
    const session = await login();
    const steps = new Steps(ALICE_PASSWORD, [], async () => {
      // The client never shows Weavr's challenge id; the sandbox's approvals know it as the ref of the one pending.
      const challenge = [...Array(50).keys()].map((i) => String(700_001 + i)).map((ref) => sandbox.approvals.findByRef('weavr', ref)).findLast((c) => c?.status === 'PENDING');
      const simulated = await fetch(`${sandbox.urls.weavrSimulator}/factors/1001/challenges/${challenge!.ref}/verify_success`, { method: 'POST', headers: { 'programme-key': sandbox.seed.weavr.apiKey } });
      assert.deepEqual(await simulated.json(), { code: 'COMPLETED' });
    });
    const result = await weavr.stepUp!({ profile: profile(), token: session.token, method: 'push', steps }, signal());
    assert.equal(await status(result), 'STEPPED_UP');
    assert.doesNotMatch(steps.notices[0]!.message, /pick/);
  });

  test('push declined on the device, or left to expire: the person is told, the session stays standard', async () => {
    const device = new TestDevice(sandbox.urls.approvals);
    await device.enrol('weavr:alice@example.com', '314159');
    const stream = await device.stream(clock.now());
    const options = { [APPROVALS_OPTION]: sandbox.urls.approvals };
    try {
      const session = await login(new Steps(), sandbox, weavr, options);
      const deny = new Steps(ALICE_PASSWORD, [], async () => {
        const event = (await stream.next())!;
        await device.decide(event.data.challengeId, 'DENY', null, clock.now());
      });
      const declined = await failure(weavr.stepUp!({ profile: profile(sandbox, { options }), token: session.token, method: 'push', steps: deny }, signal()));
      assert.equal(declined.code, 'PROVIDER_AUTH_FAILED');
      assert.match(declined.message, /the step-up was declined/i);
      assert.equal(await status(session), 'STANDARD');

      clock.advance(60_000);
      const fresh = await login(new Steps(), sandbox, weavr, options);
      const ignore = new Steps(ALICE_PASSWORD, [], async () => {
        clock.advance(5 * 60_000);
        sandbox.approvals.sweep();
      });
      const expired = await failure(weavr.stepUp!({ profile: profile(sandbox, { options }), token: fresh.token, method: 'push', steps: ignore }, signal()));
      assert.equal(expired.code, 'PROVIDER_AUTH_FAILED');
      assert.match(expired.message, /No one approved .* within 5 minutes, so it expired/);
    } finally {
      stream.close();
    }
  });

  test('push with an approvals address that is not one: refused before any push reaches the phone', async () => {
    const options = { [APPROVALS_OPTION]: 'approvals please' };
    const pushes = received(sandbox, '/multi/stepup/challenges/push');
    const session = await login(new Steps(), sandbox, weavr, options);
    const error = await failure(weavr.stepUp!({ profile: profile(sandbox, { options }), token: session.token, method: 'push', steps: new Steps() }, signal()));
    assert.equal(error.code, 'INVALID_INPUT');
    assert.match(error.message, /approvals address is not a web address/);
    assert.equal(pushes(), 0);
  });

  test('push cancelled while waiting: the person\'s cancel comes back and Weavr is asked no more', async () => {
    const session = await login();
    const exchanges = received(sandbox, '/multi/access_token');
    const cancelling = new (class extends Steps {
      override async approval<T>(): Promise<T> {
        await new Promise((resolve) => setTimeout(resolve, 30));
        throw new AuthdeskError('LOGIN_CANCELLED', 'Cancelled.');
      }
    })();
    const error = await failure(weavr.stepUp!({ profile: profile(), token: session.token, method: 'push', steps: cancelling }, signal()));
    assert.equal(error.code, 'LOGIN_CANCELLED');
    // A poll already on the wire when the cancel came may still land; none starts after it.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const polled = exchanges();
    assert.ok(polled >= 2, 'it was polling before the cancel');
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(exchanges(), polled);
  });
});

describe('failures', () => {
  test('TLS: an unknown certificate is shown by fingerprint before any password goes out; the pinned one works, a changed one is refused', async () => {
    const tls = await startSandbox({ clock, tls: true });
    try {
      const logins = received(tls, '/multi/login_with_password');
      const pinned = (pin: string | null) => weavr.login({ profile: profile(tls, pin ? { options: { [PIN_OPTION]: pin } } : {}), steps: new Steps(), resume: null }, signal());
      const untrusted = await failure(pinned(null));
      assert.deepEqual([untrusted.code, untrusted.details?.fingerprint], ['CERT_UNTRUSTED', tls.certificate!.fingerprint256]);
      assert.equal(logins(), 0);
      assert.deepEqual((await pinned(tls.certificate!.fingerprint256)).identity?.name, 'Alice Example');
      const changed = await failure(pinned(Array.from({ length: 32 }, () => 'AB').join(':')));
      assert.equal(changed.code, 'CERT_CHANGED');
      assert.equal(logins(), 1);
    } finally {
      await tls.close();
    }
  });

  test('a wrong password is refused once, in words', async () => {
    const logins = received(sandbox, '/multi/login_with_password');
    const error = await failure(login(new Steps('wrong')));
    assert.equal(error.code, 'PROVIDER_AUTH_FAILED');
    assert.match(error.message, /did not accept the email and password/);
    assert.equal(logins(), 1);
  });

  test('a wrong programme key is named without quoting it', async () => {
    const error = await failure(weavr.login({ profile: { ...profile(), options: { [PROGRAMME_KEY_OPTION]: 'not-the-key' } }, steps: new Steps(), resume: null }, signal()));
    assert.equal(error.code, 'PROVIDER_AUTH_FAILED');
    assert.match(error.message, /programme key/);
    assert.doesNotMatch(error.message, /not-the-key/);
  });

  test('a locked account (423) says 30 minutes and when to try again', async () => {
    const locked = await open();
    try {
      for (let i = 0; i < locked.seed.weavr.lockoutAfter; i += 1) await failure(login(new Steps('wrong'), locked));
      const error = await failure(login(new Steps(), locked));
      assert.equal(error.code, 'PROVIDER_LOCKED');
      assert.match(error.message, /locked the account for 30 minutes/);
      assert.equal(error.details?.retryAt, clock.now() + 30 * 60_000);
    } finally {
      await locked.close();
    }
  });

  test('rate limited (429): told how long to wait, and nothing is sent again before then', async () => {
    const seed = demoSeed();
    const limited = await open({ ...seed, weavr: { ...seed.weavr, loginRateLimit: 1 } });
    const client = provider();
    try {
      const logins = received(limited, '/multi/login_with_password');
      await login(new Steps(), limited, client);
      const error = await failure(login(new Steps(), limited, client));
      assert.equal(error.code, 'PROVIDER_RATE_LIMITED');
      assert.match(error.message, /too many requests.*Wait 1 minute, then try again/);
      const retryAt = error.details?.retryAt as number;
      assert.equal(retryAt, clock.now() + 60_000);
      const early = await failure(login(new Steps(), limited, client));
      assert.equal(early.code, 'PROVIDER_RATE_LIMITED');
      assert.match(early.message, /nothing was sent/);
      assert.equal(logins(), 2, 'the early attempt never reached the server');
      clock.set(retryAt);
      await login(new Steps(), limited, client);
      assert.equal(logins(), 3);
    } finally {
      await limited.close();
    }
  });

  test('an expired password (409) is named as such', async () => {
    const error = await failure(weavr.login({ profile: profile(sandbox, { username: 'bob@example.com' }), steps: new Steps('weavr-bob'), resume: null }, signal()));
    assert.equal(error.code, 'PROVIDER_PASSWORD_EXPIRED');
    assert.match(error.message, /password has expired. Change it in Weavr/);
  });

  test('503 and 500 are "unavailable", and the password is not sent again', async () => {
    const logins = received(sandbox, '/multi/login_with_password');
    sandbox.faults.add({ route: '/multi/login_with_password', kind: 'status', status: 503, times: 1 });
    const unavailable = await failure(login());
    assert.equal(unavailable.code, 'PROVIDER_UNAVAILABLE');
    assert.match(unavailable.message, /unavailable right now \(maintenance or overload\)/);
    sandbox.faults.add({ route: '/multi/access_token', kind: 'status', status: 500, times: 1 });
    const broken = await failure(login());
    assert.equal(broken.code, 'PROVIDER_UNAVAILABLE');
    assert.match(broken.message, /internal error/);
    assert.equal(logins(), 2);
  });

  test('a malformed or cut answer is reported and nothing is resent', async () => {
    const logins = received(sandbox, '/multi/login_with_password');
    sandbox.faults.add({ route: '/multi/login_with_password', kind: 'malformed', times: 1 });
    const malformed = await failure(login());
    assert.equal(malformed.code, 'PROVIDER_ERROR');
    assert.match(malformed.message, /could not read/);
    sandbox.faults.add({ route: '/multi/login_with_password', kind: 'truncate', times: 1 });
    const cut = await failure(login());
    assert.equal(cut.code, 'NETWORK_ERROR');
    assert.equal(logins(), 2);
    const exchanges = received(sandbox, '/multi/access_token');
    sandbox.faults.add({ route: '/multi/access_token', kind: 'malformed', times: 1 });
    assert.equal((await failure(login())).code, 'PROVIDER_ERROR');
    assert.equal(exchanges(), 1);
  });

  test('a slow server times out once; the password is not sent a second time', async () => {
    const logins = received(sandbox, '/multi/login_with_password');
    sandbox.faults.add({ route: '/multi/login_with_password', kind: 'latency', ms: 1_500, times: 1 });
    const error = await failure(login(new Steps(), sandbox, provider(300)));
    assert.equal(error.code, 'NETWORK_TIMEOUT');
    assert.match(error.message, /did not answer within/);
    await new Promise((resolve) => setTimeout(resolve, 1_400));
    assert.equal(logins(), 1);
  });
});

describe('session life', () => {
  test('5 idle minutes end the session; keep-alive slides the window', async () => {
    const session = await login();
    clock.advance(4 * 60_000);
    const kept = await weavr.keepAlive!({ profile: profile(), token: session.token }, signal());
    assert.equal(kept.expiresAt, clock.now() + 5 * 60_000);
    assert.deepEqual(kept.identity, session.identity);
    clock.advance(4 * 60_000);
    assert.equal((await weavr.identities!({ profile: profile(), token: kept.token }, signal())).length, 3, 'still alive 8 minutes after login');
    clock.advance(5 * 60_000);
    const error = await failure(weavr.keepAlive!({ profile: profile(), token: kept.token }, signal()));
    assert.equal(error.code, 'PROVIDER_AUTH_FAILED');
    assert.match(error.message, /session has ended \(5 minutes without activity/);
  });

  test('logout revokes the session on the server', async () => {
    const session = await login();
    await weavr.logout({ profile: profile(), token: session.token }, signal());
    assert.equal(await status(session), 401);
    const error = await failure(weavr.switchIdentity!({ profile: profile(), token: session.token, identityId: '3001' }, signal()));
    assert.match(error.message, /session has ended/);
    await weavr.logout({ profile: profile(), token: session.token }, signal());
  });
});
