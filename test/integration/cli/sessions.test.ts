// Runs in: tests. `authdesk profile, login, logout, status, identities, switch` as a script uses
// them: the real CLI in child processes against the sandbox over real sockets, with the exit
// codes of DESIGN §9 and no secret in any output.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startSandbox, type Sandbox } from '../../sandbox/index.ts';
import { PASSWORD, authdesk, freshVault, parseList, type Run } from './support.ts';

interface SessionJson {
  readonly profile: string;
  readonly provider: string;
  readonly state: string;
  readonly expiresAt: string | null;
  readonly identity: { readonly id: string; readonly name: string } | null;
  readonly token?: string;
}

function user(sandbox: Sandbox, provider: string, username: string) {
  const found = sandbox.users.find((u) => u.provider === provider && u.username === username);
  assert.ok(found, `the sandbox has the ${provider} user ${username}`);
  return found;
}

function ok(run: Run): Run {
  assert.equal(run.code, 0, `exit ${run.code}: ${run.stderr}`);
  return run;
}

/** Everything the CLI wrote, to look for secrets in. */
const printed = (...runs: readonly Run[]): string => runs.map((r) => r.stdout + r.stderr).join('\n');

describe('authdesk profile, login, logout, status, identities, switch, stepup', { timeout: 120_000 }, () => {
  let sandbox: Sandbox;
  before(async () => {
    sandbox = await startSandbox();
  });
  after(() => sandbox.close());

  it('adds profiles with the password from standard input or the environment, never from an argument, and lists them without it', async () => {
    const { path, run } = await freshVault(after);
    const admin = user(sandbox, 'truenas', 'admin');
    const operator = user(sandbox, 'truenas', 'operator');
    const fromStdin = ok(await authdesk(['profile', 'add', 'nas', '--provider', 'truenas', '--url', sandbox.urls.truenas, '--username', 'admin', '--password-stdin', '--vault', path], { stdin: `${PASSWORD}\n${admin.password}\n` }));
    assert.match(fromStdin.stdout, /^Added TrueNAS \(nas\) at ws:\/\/127\.0\.0\.1:\d+\/api\/current, user admin; password saved, codes asked on the terminal\. Log in with: authdesk login nas\n$/);
    const fromEnv = ok(await run(['profile', 'add', 'ops', '--provider', 'TrueNAS', '--url', sandbox.urls.truenas, '--username', 'operator', '--json'], { AUTHDESK_PROFILE_PASSWORD: operator.password }));
    assert.equal((JSON.parse(fromEnv.stdout) as { credential: string }).credential, 'password');

    // A password as an argument is refused, and not repeated back.
    const onArgv = await run(['profile', 'add', 'argv', '--provider', 'truenas', '--url', sandbox.urls.truenas, '--username', 'admin', '--password', 'hunter2-on-argv']);
    assert.equal(onArgv.code, 1);
    assert.ok(!onArgv.stderr.includes('hunter2-on-argv'));
    // Without a terminal, a variable or --password-stdin, nothing is saved and the message says how.
    const noSource = await run(['profile', 'add', 'none', '--provider', 'truenas', '--url', sandbox.urls.truenas, '--username', 'admin']);
    assert.equal(noSource.code, 1);
    assert.match(noSource.stderr, /AUTHDESK_PROFILE_PASSWORD/);

    const listed = ok(await run(['profile', 'list', '--json']));
    const profiles = JSON.parse(listed.stdout) as { name: string; provider: string; url: string; username: string; credential: string }[];
    assert.deepEqual(profiles.map((p) => [p.name, p.provider, p.username, p.credential]), [['nas', 'truenas', 'admin', 'password'], ['ops', 'truenas', 'operator', 'password']]);
    assert.equal(profiles[0]?.url, sandbox.urls.truenas);
    const text = ok(await run(['profile', 'list']));
    assert.match(text.stdout, /^NAME\s+PROVIDER\s+USER\s+URL\s+OTP\nnas\s+truenas\s+admin\s+ws:\S+\s+asked\nops\s+/);
    for (const secret of [admin.password, operator.password]) assert.ok(!printed(fromStdin, fromEnv, listed, text, noSource).includes(secret), 'no password printed');

    const removed = ok(await run(['profile', 'remove', 'ops']));
    assert.match(removed.stdout, /Removed TrueNAS \(ops\) and its saved password/);
    assert.deepEqual((JSON.parse(ok(await run(['profile', 'list', '--json'])).stdout) as { name: string }[]).map((p) => p.name), ['nas']);
  });

  it('logs in to TrueNAS with the code from the linked account, shows it in status, prints a token only when asked, and logs out', async () => {
    const { run } = await freshVault(after);
    const admin = user(sandbox, 'truenas', 'admin');
    ok(await run(['add', admin.otpauth ?? '']));
    const [account] = parseList(await run(['list', '--json']));
    ok(await run(['profile', 'add', 'nas', '--provider', 'truenas', '--url', sandbox.urls.truenas, '--username', 'admin', '--otp-account', account?.id.slice(0, 8) ?? ''], { AUTHDESK_PROFILE_PASSWORD: admin.password }));

    const login = ok(await run(['login', 'nas', '--json']));
    const session = JSON.parse(login.stdout) as SessionJson;
    assert.equal(session.profile, 'nas');
    assert.equal(session.state, 'active');
    assert.ok(session.expiresAt === null || Date.parse(session.expiresAt) > Date.now(), 'expires in the future');
    assert.equal(session.token, undefined, 'no token without --show-token');

    const status = ok(await run(['status', '--json']));
    assert.deepEqual((JSON.parse(status.stdout) as SessionJson[]).map((s) => [s.profile, s.state]), [['nas', 'active']]);
    const statusText = ok(await run(['status']));
    assert.match(statusText.stdout, /^PROFILE\s+PROVIDER\s+SESSION\nnas\s+truenas\s+logged in/);

    const withToken = ok(await run(['login', 'nas', '--json', '--show-token']));
    const token = (JSON.parse(withToken.stdout) as SessionJson).token ?? '';
    assert.ok(token.length >= 16, 'the token is printed on request');
    assert.ok(!printed(login, status, statusText).includes(token), 'and only then');
    assert.ok(!printed(login, status, statusText, withToken).includes(admin.password));

    const logout = ok(await run(['logout', 'nas']));
    assert.equal(logout.stdout, 'TrueNAS (nas): logged out.\n');
    assert.deepEqual((JSON.parse(ok(await run(['status', '--json'])).stdout) as SessionJson[]).map((s) => s.state), ['logged-out']);
  });

  it('with Weavr: logs in, lists identities, switches by name, and status shows who the session acts as', async () => {
    const { run } = await freshVault(after);
    const alice = user(sandbox, 'weavr', 'alice@example.com');
    ok(await run(['profile', 'add', 'money', '--provider', 'weavr', '--url', sandbox.urls.weavr, '--username', alice.username, '--api-key', sandbox.seed.weavr.apiKey], { AUTHDESK_PROFILE_PASSWORD: alice.password }));
    const login = JSON.parse(ok(await run(['login', 'money', '--json'])).stdout) as SessionJson;
    assert.equal(login.state, 'active');

    const listed = JSON.parse(ok(await run(['identities', 'money', '--json'])).stdout) as { current: string | null; identities: { id: string; name: string }[] };
    assert.deepEqual(listed.identities.map((i) => i.name).sort(), ['Alice Example', 'Example Holdings Ltd', 'Example Trading Ltd']);
    const text = ok(await run(['identities', 'money']));
    assert.match(text.stdout, /^\s+ID\s+NAME\n/);
    assert.match(text.stdout, /Switch with: authdesk switch money ID/);

    const switched = JSON.parse(ok(await run(['switch', 'money', 'example trading ltd', '--json'])).stdout) as SessionJson;
    assert.equal(switched.identity?.name, 'Example Trading Ltd');
    const after1 = JSON.parse(ok(await run(['identities', 'money', '--json'])).stdout) as { current: string | null };
    assert.equal(after1.current, switched.identity?.id);
    const status = JSON.parse(ok(await run(['status', '--json'])).stdout) as SessionJson[];
    assert.deepEqual(status.map((s) => [s.profile, s.state, s.identity?.name]), [['money', 'active', 'Example Trading Ltd']]);

    // Without a terminal the SMS code cannot be typed: not stepped up, and the session stays.
    const stepup = await run(['stepup', 'money', 'sms']);
    assert.equal(stepup.code, 1);
    assert.match(stepup.stderr, /was not stepped up: no code was typed\. Run it on a terminal/);
    assert.equal((JSON.parse(ok(await run(['status', '--json'])).stdout) as SessionJson[])[0]?.state, 'active');

    const unknown = await run(['switch', 'money', 'Nobody Ltd']);
    assert.equal(unknown.code, 5);
    assert.match(unknown.stderr, /no identity "Nobody Ltd".*authdesk identities money/);
    ok(await run(['logout', 'money']));
  });

  it('logs in to Appgate SDP, the second factor answered from the linked account', async () => {
    const { run } = await freshVault(after);
    const admin = user(sandbox, 'appgate', 'admin');
    ok(await run(['add', admin.otpauth ?? '']));
    const [account] = parseList(await run(['list', '--json']));
    ok(await run(['profile', 'add', 'gate', '--provider', 'appgate', '--url', sandbox.urls.base, '--username', 'admin', '--otp-account', account?.id ?? ''], { AUTHDESK_PROFILE_PASSWORD: admin.password }));
    const login = ok(await run(['login', 'gate']));
    assert.match(login.stdout, /^Appgate SDP \(gate\): logged in/);
    assert.ok(!login.stdout.includes(admin.password));
  });

  it('a wrong password is exit 4 in words, an unknown profile exit 5, and neither prints a secret', async () => {
    const { run } = await freshVault(after);
    ok(await run(['profile', 'add', 'ops', '--provider', 'truenas', '--url', sandbox.urls.truenas, '--username', 'operator'], { AUTHDESK_PROFILE_PASSWORD: 'not-the-password' }));
    const wrong = await run(['login', 'ops']);
    assert.equal(wrong.code, 4);
    assert.match(wrong.stderr, /^authdesk login: .*(password|username).*\n/i);
    assert.match(wrong.stderr, /authdesk profile edit ops --password/);
    assert.ok(!wrong.stderr.includes('not-the-password'));
    const json = await run(['login', 'ops', '--json']);
    assert.equal(json.code, 4);
    assert.equal((JSON.parse(json.stderr) as { error: { code: string } }).error.code, 'PROVIDER_AUTH_FAILED');

    // The advice works: saving the right password through `profile edit` lets the login through.
    const operator = user(sandbox, 'truenas', 'operator');
    ok(await run(['profile', 'edit', 'ops', '--password'], { AUTHDESK_PROFILE_PASSWORD: operator.password }));
    assert.equal((JSON.parse(ok(await run(['login', 'ops', '--json'])).stdout) as SessionJson).state, 'active');

    const missing = await run(['login', 'nope']);
    assert.equal(missing.code, 5);
    assert.match(missing.stderr, /There is no profile named "nope"\. "authdesk profile list" shows them\./);
  });

  it('refuses a certificate it has not seen without a terminal, saying how to trust it, then logs in once it is trusted', async () => {
    const secure = await startSandbox({ tls: true });
    after(() => secure.close());
    const fingerprint = secure.certificate?.fingerprint256 ?? '';
    const { run } = await freshVault(after);
    const operator = user(secure, 'truenas', 'operator');
    ok(await run(['profile', 'add', 'tls', '--provider', 'truenas', '--url', secure.urls.truenas, '--username', 'operator'], { AUTHDESK_PROFILE_PASSWORD: operator.password }));

    const refused = await run(['login', 'tls']);
    assert.equal(refused.code, 4);
    assert.ok(refused.stderr.includes(`authdesk profile trust tls --fingerprint ${fingerprint}`), refused.stderr);

    const trusted = ok(await run(['profile', 'trust', 'tls', '--fingerprint', fingerprint.toLowerCase()]));
    assert.match(trusted.stdout, /TrueNAS \(tls\) now trusts the certificate/);
    const login = JSON.parse(ok(await run(['login', 'tls', '--json'])).stdout) as SessionJson;
    assert.equal(login.state, 'active');
  });
});
