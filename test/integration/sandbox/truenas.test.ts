// Runs in: tests. Every TrueNAS rule of CONTRACTS A, over a real WebSocket to the sandbox.

import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { startSandbox, totp, demoSeed, type Sandbox } from '../../sandbox/index.ts';
import { FakeClock } from '../../support/clock.ts';
import { RpcClient } from './rpc-client.ts';

const clock = new FakeClock(Date.UTC(2026, 2, 1, 12, 0, 0));
const NO_DELAYS = { otpFailureMs: 0, rateLimitMs: 0 };
let sandbox: Sandbox;

before(async () => {
  sandbox = await startSandbox({ clock, truenasDelays: NO_DELAYS });
});
after(() => sandbox.close());
// Each test starts a fresh rate-limit window; the limit itself has its own test below.
beforeEach(() => clock.advance(60_000));

const adminSecret = () => demoSeed().truenas.users.find((u) => u.username === 'admin')!.totp!.secret;
const password = (username: string) => ({ mechanism: 'PASSWORD_PLAIN', username, password: demoSeed().truenas.users.find((u) => u.username === username)!.password });

async function connect(url = sandbox.urls.truenas): Promise<RpcClient> {
  return RpcClient.connect(url);
}

test('GET /api/versions lists the versioned routes, and each of them speaks JSON-RPC like /api/current', async () => {
  const response = await fetch(`${sandbox.urls.base}/api/versions`);
  const versions = await response.json();
  assert.deepEqual(versions, ['v25.04.0', 'v25.04.1', 'v25.04.2']);
  for (const path of ['/api/current', ...versions.map((v: string) => `/api/${v}`)]) {
    const client = await connect(sandbox.urls.truenas.replace('/api/current', path));
    assert.deepEqual(await client.call('auth.mechanism_choices'), ['API_KEY_PLAIN', 'TOKEN_PLAIN', 'PASSWORD_PLAIN']);
    client.close();
  }
  await assert.rejects(connect(sandbox.urls.truenas.replace('/api/current', '/websocket')), /404/);
});

test('framing errors: -32700 with a null id, -32600 for batches, bad jsonrpc and non-array params', async () => {
  const client = await connect();
  client.sendRaw('{not json');
  const parse = await client.next();
  assert.equal(parse.error.code, -32700);
  assert.equal(parse.id, null);
  client.sendRaw(JSON.stringify([{ jsonrpc: '2.0', id: 1, method: 'auth.me' }]));
  const batch = await client.next();
  assert.equal(batch.error.code, -32600);
  assert.equal(batch.error.message, 'Batch messages are not supported at this time');
  client.sendRaw(JSON.stringify({ jsonrpc: '1.0', id: 7, method: 'auth.me', params: [] }));
  const version = await client.next();
  assert.deepEqual([version.error.code, version.id], [-32600, 7]);
  client.sendRaw(JSON.stringify({ jsonrpc: '2.0', id: 8, method: 'auth.me', params: {} }));
  const params = await client.next();
  assert.deepEqual([params.error.code, params.error.message], [-32600, "'params' member must be of type array"]);
  client.close();
});

test('a request without an id gets no response; missing params default to []', async () => {
  const client = await connect();
  client.sendRaw(JSON.stringify({ jsonrpc: '2.0', method: 'auth.mechanism_choices' }));
  client.sendRaw(JSON.stringify({ jsonrpc: '2.0', id: 'second', method: 'auth.mechanism_choices' }));
  const frame = await client.next();
  assert.equal(frame.id, 'second');
  assert.deepEqual(frame.result, ['API_KEY_PLAIN', 'TOKEN_PLAIN', 'PASSWORD_PLAIN']);
  client.close();
});

test('an unknown method is -32601 "Method does not exist"', async () => {
  const client = await connect();
  const frame = await client.frame('auth.no_such_thing', []);
  assert.deepEqual(frame.error, { code: -32601, message: 'Method does not exist' });
  client.close();
});

test('strict params: unknown keys, wrong types and AUTH_TOKEN_PLAIN are -32602 with every field in extra', async () => {
  const client = await connect();
  const extraKey = await client.frame('auth.login_ex', [{ ...password('operator'), remember: true }]);
  assert.equal(extraKey.error.code, -32602);
  assert.equal(extraKey.error.message, 'Invalid params');
  assert.deepEqual(extraKey.error.data.extra, [['login_data.PASSWORD_PLAIN.remember', 'Extra inputs are not permitted', 22]]);
  assert.equal(extraKey.error.data.errname, 'EINVAL');

  const numeric = await client.frame('auth.login_ex', [{ mechanism: 'OTP_TOKEN', otp_token: 123456 }]);
  assert.equal(numeric.error.code, -32602);
  assert.deepEqual(numeric.error.data.extra[0].slice(0, 2), ['login_data.OTP_TOKEN.otp_token', 'Input should be a valid string']);

  const twoErrors = await client.frame('auth.login_ex', [{ mechanism: 'PASSWORD_PLAIN', username: 5, login_options: { user_info: 'yes' } }]);
  assert.deepEqual(twoErrors.error.data.extra.map((e: unknown[]) => e[0]).sort(), [
    'login_data.PASSWORD_PLAIN.login_options.user_info', 'login_data.PASSWORD_PLAIN.password', 'login_data.PASSWORD_PLAIN.username',
  ]);

  const legacy = await client.frame('auth.login_ex', [{ mechanism: 'AUTH_TOKEN_PLAIN', token: 'x' }]);
  assert.equal(legacy.error.code, -32602);
  assert.match(legacy.error.data.extra[0][1], /AUTH_TOKEN_PLAIN/);
  client.close();
});

test('methods that need a login answer -32001 ENOTAUTHENTICATED (207) before login', async () => {
  const client = await connect();
  const frame = await client.frame('auth.me', []);
  assert.equal(frame.error.code, -32001);
  assert.equal(frame.error.data.error, 207);
  assert.equal(frame.error.data.errname, 'ENOTAUTHENTICATED');
  assert.equal(frame.error.data.reason, '[ENOTAUTHENTICATED] Not authenticated');
  client.close();
});

test('PASSWORD_PLAIN for an account without 2FA: SUCCESS with a complete AuthUserInfo and LEVEL_1', async () => {
  const client = await connect();
  const result = await client.call('auth.login_ex', [password('operator')]);
  assert.equal(result.response_type, 'SUCCESS');
  assert.equal(result.authenticator, 'LEVEL_1');
  const info = result.user_info;
  assert.deepEqual(Object.keys(info).sort(), [
    'account_attributes', 'attributes', 'grouplist', 'local', 'privilege', 'pw_dir', 'pw_gecos', 'pw_gid', 'pw_name', 'pw_shell', 'pw_uid', 'sid', 'source', 'two_factor_config',
  ]);
  assert.equal(info.pw_name, 'operator');
  assert.equal(typeof info.pw_uid, 'number');
  assert.equal(info.source, 'LOCAL');
  assert.deepEqual(Object.keys(info.two_factor_config).sort(), ['interval', 'otp_digits', 'provisioning_uri', 'secret_configured']);
  assert.deepEqual(Object.keys(info.privilege).sort(), ['allowlist', 'roles', 'web_shell', 'webui_access']);
  assert.deepEqual(await client.call('auth.me'), info);
  client.close();

  const quiet = await connect();
  const bare = await quiet.call('auth.login_ex', [{ ...password('operator'), login_options: { user_info: false } }]);
  assert.deepEqual(bare, { response_type: 'SUCCESS', user_info: null, authenticator: 'LEVEL_1' });
  quiet.close();
});

test('a wrong password and an unknown user give the same AUTH_ERR', async () => {
  const client = await connect();
  assert.deepEqual(await client.call('auth.login_ex', [{ ...password('operator'), password: 'nope' }]), { response_type: 'AUTH_ERR' });
  assert.deepEqual(await client.call('auth.login_ex', [{ mechanism: 'PASSWORD_PLAIN', username: 'ghost', password: 'nope' }]), { response_type: 'AUTH_ERR' });
  client.close();
});

test('2FA account: OTP_REQUIRED with the username, then login_ex_continue with the TOTP gives SUCCESS', async () => {
  const client = await connect();
  assert.deepEqual(await client.call('auth.login_ex', [password('admin')]), { response_type: 'OTP_REQUIRED', username: 'admin' });
  const result = await client.call('auth.login_ex_continue', [{ mechanism: 'OTP_TOKEN', otp_token: totp(adminSecret(), clock.now()) }]);
  assert.equal(result.response_type, 'SUCCESS');
  assert.ok(result.user_info.account_attributes.includes('2FA'));
  assert.equal(result.user_info.two_factor_config.secret_configured, true);
  assert.equal((await client.call('auth.me')).pw_name, 'admin');
  client.close();
});

test('wrong OTPs: three answer OTP_REQUIRED, the fourth AUTH_ERR, then "no authentication in progress"', async () => {
  const client = await connect();
  await client.call('auth.login_ex', [password('admin')]);
  const wrong = { mechanism: 'OTP_TOKEN', otp_token: '000000' === totp(adminSecret(), clock.now()) ? '111111' : '000000' };
  for (let i = 0; i < 3; i += 1) assert.deepEqual(await client.call('auth.login_ex_continue', [wrong]), { response_type: 'OTP_REQUIRED', username: 'admin' });
  assert.deepEqual(await client.call('auth.login_ex_continue', [wrong]), { response_type: 'AUTH_ERR' });
  const after = await client.frame('auth.login_ex_continue', [{ mechanism: 'OTP_TOKEN', otp_token: totp(adminSecret(), clock.now()) }]);
  assert.equal(after.error.code, -32001);
  assert.equal(after.error.data.errname, 'EINVAL');
  assert.equal(after.error.data.reason, '[EINVAL] OTP_TOKEN: no authentication in progress');
  client.close();
});

test('OTP_TOKEN with no prompt outstanding is EINVAL, and the OTP step cannot move to another socket', async () => {
  const first = await connect();
  await first.call('auth.login_ex', [password('admin')]);
  const second = await connect();
  const frame = await second.frame('auth.login_ex', [{ mechanism: 'OTP_TOKEN', otp_token: totp(adminSecret(), clock.now()) }]);
  assert.equal(frame.error.data.reason, '[EINVAL] OTP_TOKEN: no authentication in progress');
  assert.equal((await first.call('auth.login_ex_continue', [{ mechanism: 'OTP_TOKEN', otp_token: totp(adminSecret(), clock.now()) }])).response_type, 'SUCCESS');
  first.close();
  second.close();
});

test('another mechanism while an OTP is pending silently drops the pending attempt', async () => {
  const client = await connect();
  await client.call('auth.login_ex', [password('admin')]);
  assert.equal((await client.call('auth.login_ex', [{ ...password('operator'), password: 'wrong' }])).response_type, 'AUTH_ERR');
  const frame = await client.frame('auth.login_ex_continue', [{ mechanism: 'OTP_TOKEN', otp_token: totp(adminSecret(), clock.now()) }]);
  assert.equal(frame.error.data.errname, 'EINVAL');
  client.close();
});

test('login_ex_continue accepts only OTP_TOKEN', async () => {
  const client = await connect();
  const frame = await client.frame('auth.login_ex_continue', [password('operator')]);
  assert.equal(frame.error.code, -32602);
  client.close();
});

test('the OTP must be from the current 30-second step (window 0)', async () => {
  const client = await connect();
  await client.call('auth.login_ex', [password('admin')]);
  const stale = totp(adminSecret(), clock.now() - 30_000);
  if (stale !== totp(adminSecret(), clock.now())) {
    assert.equal((await client.call('auth.login_ex_continue', [{ mechanism: 'OTP_TOKEN', otp_token: stale }])).response_type, 'OTP_REQUIRED');
  }
  assert.equal((await client.call('auth.login_ex_continue', [{ mechanism: 'OTP_TOKEN', otp_token: totp(adminSecret(), clock.now()) }])).response_type, 'SUCCESS');
  client.close();
});

test('an expired account answers EXPIRED; an account on the standby node answers REDIRECT with urls', async () => {
  const client = await connect();
  assert.deepEqual(await client.call('auth.login_ex', [password('retired')]), { response_type: 'EXPIRED' });
  assert.deepEqual(await client.call('auth.login_ex', [password('standby')]), { response_type: 'REDIRECT', urls: ['127.0.0.2'] });
  assert.equal((await client.frame('auth.me', [])).error.data.errname, 'ENOTAUTHENTICATED');
  client.close();
});

test('auth.logout returns true, ends the session and keeps the socket open', async () => {
  const client = await connect();
  await client.call('auth.login_ex', [password('operator')]);
  assert.equal(await client.call('auth.logout'), true);
  assert.equal((await client.frame('auth.me', [])).error.data.errname, 'ENOTAUTHENTICATED');
  assert.equal(client.ws.readyState, client.ws.OPEN);
  client.close();
});

test('TOKEN_PLAIN: a generated token logs in on another socket; single-use tokens work once', async () => {
  const owner = await connect();
  await owner.call('auth.login_ex', [password('operator')]);
  const multi = await owner.call('auth.generate_token', []);
  assert.match(multi, /^[A-Za-z0-9_-]{64}$/);
  const once = await owner.call('auth.generate_token', [600, {}, true, true]);
  const other = await connect();
  assert.equal((await other.call('auth.login_ex', [{ mechanism: 'TOKEN_PLAIN', token: multi }])).response_type, 'SUCCESS');
  assert.equal((await other.call('auth.login_ex', [{ mechanism: 'TOKEN_PLAIN', token: multi }])).response_type, 'SUCCESS');
  assert.equal((await other.call('auth.login_ex', [{ mechanism: 'TOKEN_PLAIN', token: once }])).response_type, 'SUCCESS');
  assert.deepEqual(await other.call('auth.login_ex', [{ mechanism: 'TOKEN_PLAIN', token: once }]), { response_type: 'AUTH_ERR' });
  assert.deepEqual(await other.call('auth.login_ex', [{ mechanism: 'TOKEN_PLAIN', token: 'made-up' }]), { response_type: 'AUTH_ERR' });
  owner.close();
  other.close();
});

test('TOKEN_PLAIN: the TTL is an inactivity window; each use moves it', async () => {
  const owner = await connect();
  await owner.call('auth.login_ex', [password('operator')]);
  const token = await owner.call('auth.generate_token', [60]);
  const idleToken = await owner.call('auth.generate_token', [60]);
  const client = await connect();
  clock.advance(50_000);
  assert.equal((await client.call('auth.login_ex', [{ mechanism: 'TOKEN_PLAIN', token }])).response_type, 'SUCCESS');
  clock.advance(50_000);
  assert.equal((await client.call('auth.login_ex', [{ mechanism: 'TOKEN_PLAIN', token }])).response_type, 'SUCCESS', 'used 50 s ago: still valid');
  assert.deepEqual(await client.call('auth.login_ex', [{ mechanism: 'TOKEN_PLAIN', token: idleToken }]), { response_type: 'AUTH_ERR' }, 'idle 100 s with a 60 s TTL');
  owner.close();
  client.close();
});

test('TOKEN_PLAIN: a match_origin token is refused from another address', async () => {
  const owner = await connect();
  await owner.call('auth.login_ex', [password('operator')]);
  const matched = await owner.call('auth.generate_token', [600, {}, true]);
  const open = await owner.call('auth.generate_token', [600, {}, false]);
  const elsewhere = await RpcClient.connect(sandbox.urls.truenas, { localAddress: '127.0.0.2' } as never);
  assert.deepEqual(await elsewhere.call('auth.login_ex', [{ mechanism: 'TOKEN_PLAIN', token: matched }]), { response_type: 'AUTH_ERR' });
  assert.equal((await elsewhere.call('auth.login_ex', [{ mechanism: 'TOKEN_PLAIN', token: open }])).response_type, 'SUCCESS');
  owner.close();
  elsewhere.close();
});

test('auth.generate_token params are strict too', async () => {
  const client = await connect();
  await client.call('auth.login_ex', [password('operator')]);
  const frame = await client.frame('auth.generate_token', ['600']);
  assert.equal(frame.error.code, -32602);
  assert.deepEqual(frame.error.data.extra[0].slice(0, 2), ['ttl', 'Input should be a valid integer']);
  client.close();
});

test('API_KEY_PLAIN over plain ws answers EXPIRED and revokes the key', async () => {
  const seed = demoSeed();
  const key = seed.truenas.apiKeys[0]!;
  const plain = await startSandbox({ seed, truenasDelays: NO_DELAYS });
  const secure = await startSandbox({ seed, tls: true, truenasDelays: NO_DELAYS });
  try {
    const login = { mechanism: 'API_KEY_PLAIN', username: key.username, api_key: `${key.id}-${key.key}` };
    const overTls = await RpcClient.connect(secure.urls.truenas, { rejectUnauthorized: false });
    const success = await overTls.call('auth.login_ex', [login]);
    assert.equal(success.response_type, 'SUCCESS');
    assert.equal(success.user_info.pw_name, 'operator');
    assert.deepEqual(await overTls.call('auth.login_ex', [{ ...login, api_key: `${key.id}-wrong` }]), { response_type: 'AUTH_ERR' });
    overTls.close();

    const client = await RpcClient.connect(plain.urls.truenas);
    assert.deepEqual(await client.call('auth.login_ex', [login]), { response_type: 'EXPIRED' });
    client.close();
    // Revoked: the same key is refused from then on.
    const again = await RpcClient.connect(plain.urls.truenas);
    assert.deepEqual(await again.call('auth.login_ex', [login]), { response_type: 'EXPIRED' });
    again.close();
  } finally {
    await plain.close();
    await secure.close();
  }
});

test('unauthenticated calls are rate limited per method: the 21st in 60 s is EBUSY; the window resets', async () => {
  const limitedClock = new FakeClock(Date.UTC(2026, 0, 1));
  const limited = await startSandbox({ clock: limitedClock, truenasDelays: NO_DELAYS });
  try {
    const client = await RpcClient.connect(limited.urls.truenas);
    const bad = { mechanism: 'PASSWORD_PLAIN', username: 'ghost', password: 'x' };
    for (let i = 0; i < 20; i += 1) assert.equal((await client.call('auth.login_ex', [bad])).response_type, 'AUTH_ERR');
    const busy = await client.frame('auth.login_ex', [bad]);
    assert.equal(busy.error.code, -32001);
    assert.equal(busy.error.data.error, 16);
    assert.equal(busy.error.data.reason, '[EBUSY] Rate Limit Exceeded');
    // Counted separately per method.
    assert.equal((await client.frame('auth.login_ex_continue', [{ mechanism: 'OTP_TOKEN', otp_token: '1' }])).error.data.errname, 'EINVAL');
    limitedClock.advance(60_000);
    assert.equal((await client.call('auth.login_ex', [bad])).response_type, 'AUTH_ERR');
    client.close();
  } finally {
    await limited.close();
  }
});

test('a connection may hold 20 calls in flight; the 21st is -32000 at once', async () => {
  const seed = demoSeed();
  const busy = await startSandbox({ clock, seed: { ...seed, truenas: { ...seed.truenas, rateLimit: 0 } }, truenasDelays: { rateLimitMs: 300 } });
  try {
    const client = await RpcClient.connect(busy.urls.truenas);
    for (let id = 1; id <= 21; id += 1) client.sendRaw(JSON.stringify({ jsonrpc: '2.0', id, method: 'auth.mechanism_choices' }));
    const first = await client.next();
    assert.equal(first.id, 21);
    assert.deepEqual(first.error, { code: -32000, message: 'Maximum number of concurrent calls (20) has exceeded' });
    const rest = await Promise.all(Array.from({ length: 20 }, () => client.next()));
    assert.ok(rest.every((frame) => frame.error.data.errname === 'EBUSY'));
    client.close();
  } finally {
    await busy.close();
  }
});

test('messages over 8 KiB before login close the socket with 1007; after login up to 64 KiB pass, more closes with 1009', async () => {
  const anonymous = await connect();
  anonymous.sendRaw(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'auth.mechanism_choices', params: [], pad: 'x'.repeat(9000) }));
  const closed = await anonymous.closed;
  assert.equal(closed.code, 1007);
  assert.equal(closed.reason, 'Anonymous connection max message length is 8 kB');

  const client = await connect();
  await client.call('auth.login_ex', [password('operator')]);
  client.sendRaw(JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'auth.me', params: [], pad: 'x'.repeat(20_000) }));
  assert.equal((await client.next()).result.pw_name, 'operator');
  client.sendRaw('x'.repeat(70_000));
  assert.equal((await client.closed).code, 1009);
});

test('wrong OTPs are slowed down by 1-2 s, as on the real server', async () => {
  const slow = await startSandbox({ clock });
  try {
    const client = await RpcClient.connect(slow.urls.truenas);
    await client.call('auth.login_ex', [password('admin')]);
    const started = performance.now();
    const code = totp(adminSecret(), clock.now()) === '000000' ? '111111' : '000000';
    assert.equal((await client.call('auth.login_ex_continue', [{ mechanism: 'OTP_TOKEN', otp_token: code }])).response_type, 'OTP_REQUIRED');
    assert.ok(performance.now() - started >= 990, 'the failure was answered at once');
    client.close();
  } finally {
    await slow.close();
  }
});

test('a session ends after its maximum age (30 days at LEVEL_1): the next call is ENOTAUTHENTICATED', async () => {
  const client = await connect();
  await client.call('auth.login_ex', [password('operator')]);
  clock.advance(29 * 24 * 3600_000);
  assert.equal((await client.call('auth.me')).pw_name, 'operator');
  clock.advance(2 * 24 * 3600_000);
  assert.equal((await client.frame('auth.me', [])).error.data.errname, 'ENOTAUTHENTICATED');
  client.close();
});

test('at LEVEL_2 (STIG) only PASSWORD_PLAIN is offered, other mechanisms and multi-use tokens are EOPNOTSUPP', async () => {
  const seed = demoSeed();
  const stig = await startSandbox({ clock, seed: { ...seed, truenas: { ...seed.truenas, aal: 2 } }, truenasDelays: NO_DELAYS });
  try {
    const client = await RpcClient.connect(stig.urls.truenas);
    assert.deepEqual(await client.call('auth.mechanism_choices'), ['PASSWORD_PLAIN']);
    const key = seed.truenas.apiKeys[0]!;
    const refused = await client.frame('auth.login_ex', [{ mechanism: 'API_KEY_PLAIN', username: key.username, api_key: `${key.id}-${key.key}` }]);
    assert.equal(refused.error.data.errname, 'EOPNOTSUPP');
    await client.call('auth.login_ex', [password('admin')]);
    const result = await client.call('auth.login_ex_continue', [{ mechanism: 'OTP_TOKEN', otp_token: totp(adminSecret(), clock.now()) }]);
    assert.equal(result.authenticator, 'LEVEL_2');
    assert.equal((await client.frame('auth.generate_token', [600, {}, true, false])).error.data.errname, 'EOPNOTSUPP');
    assert.equal(typeof (await client.call('auth.generate_token', [600, {}, true, true])), 'string');
    client.close();
  } finally {
    await stig.close();
  }
});
