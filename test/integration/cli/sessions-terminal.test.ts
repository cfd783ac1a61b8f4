// Runs in: tests. `authdesk login` on a terminal: the certificate question with its fingerprint
// and the code question when no account is linked, answered as a person types them. The CLI
// runs in-process (runCli) with a terminal stand-in for stdin, the one way to have a TTY here;
// the sandbox is real, over TLS.
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { setTimeout as delay } from 'node:timers/promises';
import { after, it } from 'node:test';
import type { CliIo } from '../../../electron/cli/io.ts';
import { runCli } from '../../../electron/cli/program.ts';
import { startSandbox, totp } from '../../sandbox/index.ts';
import { PASSWORD, authdesk, freshVault } from './support.ts';

function terminal(env: Record<string, string>) {
  const stdin = Object.assign(new PassThrough(), { isTTY: true });
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const seen = { out: '', err: '' };
  stdout.on('data', (chunk: Buffer) => (seen.out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (seen.err += chunk.toString()));
  const io: CliIo = { stdin, stdout, stderr, env };
  /** Types `line` once the terminal shows `question`; fails, showing the terminal, if it never does. */
  const answer = async (question: RegExp, line: string) => {
    const deadline = Date.now() + 20_000;
    while (!question.test(seen.err)) {
      if (Date.now() > deadline) assert.fail(`The terminal never asked ${question}; it shows: ${seen.err}`);
      await delay(20);
    }
    stdin.write(`${line}\n`);
  };
  return { io, seen, answer };
}

it('asks to trust a new certificate with its fingerprint, pins it, then asks for the code nothing links', { timeout: 60_000 }, async () => {
  const sandbox = await startSandbox({ tls: true });
  after(() => sandbox.close());
  const admin = sandbox.users.find((u) => u.provider === 'truenas' && u.username === 'admin')!;
  const secret = new URL(admin.otpauth!).searchParams.get('secret')!;
  const { path, run } = await freshVault(after);
  const added = await run(['profile', 'add', 'nas', '--provider', 'truenas', '--url', sandbox.urls.truenas, '--username', 'admin'], { AUTHDESK_PROFILE_PASSWORD: admin.password });
  assert.equal(added.code, 0, added.stderr);

  const { io, seen, answer } = terminal({ AUTHDESK_PASSWORD: PASSWORD });
  const login = runCli(['login', 'nas', '--json', '--vault', path], io);
  const fingerprint = sandbox.certificate!.fingerprint256;
  await answer(/Continue\? \[y\/N\]/, 'y');
  assert.ok(seen.err.includes(fingerprint), 'the fingerprint is shown to compare');
  await answer(/Code \(empty to cancel\):/, totp(secret, Date.now()));
  assert.equal(await login, 0, seen.err);
  assert.equal((JSON.parse(seen.out) as { state: string }).state, 'active');
  assert.match(seen.err, /TrueNAS \(nas\): .*authenticator app/);

  const listed = await run(['profile', 'list', '--json']);
  assert.equal((JSON.parse(listed.stdout) as { certificate: string }[])[0]?.certificate, fingerprint);
});

it('steps a Weavr session up with the SMS code typed on the terminal', { timeout: 60_000 }, async () => {
  const sandbox = await startSandbox();
  after(() => sandbox.close());
  const alice = sandbox.users.find((u) => u.provider === 'weavr' && u.username === 'alice@example.com')!;
  const { path, run } = await freshVault(after);
  // The programme key given as -: the next line of standard input, off the command line.
  const env = { AUTHDESK_PASSWORD: PASSWORD, AUTHDESK_PROFILE_PASSWORD: alice.password };
  const added = await authdesk(['profile', 'add', 'money', '--provider', 'weavr', '--url', sandbox.urls.weavr, '--username', alice.username, '--api-key', '-', '--vault', path], { env, stdin: `${sandbox.seed.weavr.apiKey}\n` });
  assert.equal(added.code, 0, added.stderr);
  assert.equal((await run(['login', 'money'])).code, 0);

  const { io, seen, answer } = terminal({ AUTHDESK_PASSWORD: PASSWORD });
  const stepup = runCli(['stepup', 'money', 'sms', '--vault', path], io);
  // The sandbox's SMS code is always 123456 (test/sandbox/demo-users.ts).
  await answer(/Code \(empty to cancel\):/, '123456');
  assert.equal(await stepup, 0, seen.err);
  assert.match(seen.out, /^Weavr Multi \(money\): stepped up by SMS; logged in as Alice Example, until /);
  assert.match(seen.err, /Type the code Weavr Multi sent you/);
});
