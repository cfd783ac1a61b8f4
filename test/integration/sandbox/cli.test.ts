// Runs in: tests. `npm run sandbox` as a person or a script starts it: a page of URLs and demo
// users, or one JSON line, then serving until Ctrl+C or SIGTERM.
//
// Note (no npm in between): each test runs the command of package.json's "sandbox" script itself,
// so a signal reaches the sandbox as it does from a terminal, without npm's own start-up.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { get } from 'node:https';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { TLSSocket } from 'node:tls';
import { test } from 'node:test';
import pkg from '../../../package.json' with { type: 'json' };
import { WebhookReceiver } from './webhook-receiver.ts';

const ROOT = resolve(import.meta.dirname, '../../..');

function startSandboxProcess(...args: string[]) {
  const [program, ...script] = pkg.scripts.sandbox.split(' ');
  assert.equal(program, 'node', 'the sandbox script runs the sandbox with Node');
  const child = spawn(process.execPath, [...script!, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => { stdout += chunk; });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
  // 'close' comes after the last output, where 'exit' may come before it.
  const closed = once(child, 'close') as Promise<[number | null]>;
  const lines = createInterface({ input: child.stdout });
  return {
    child,
    firstLine: async () => ((await once(lines, 'line')) as [string])[0],
    async exit(): Promise<{ code: number | null; stdout: string; stderr: string }> {
      const [code] = await closed;
      return { code, stdout, stderr };
    },
  };
}

async function withSandbox(args: string[], use: (sandbox: ReturnType<typeof startSandboxProcess>) => Promise<void>): Promise<void> {
  const sandbox = startSandboxProcess(...args);
  try {
    await use(sandbox);
  } finally {
    if (sandbox.child.exitCode === null) sandbox.child.kill('SIGKILL');
  }
}

test('npm run sandbox -- --json prints its URLs and demo users as one JSON line, serves, and stops on SIGTERM', async () => {
  await withSandbox(['--json'], async (sandbox) => {
    const printed = JSON.parse(await sandbox.firstLine());
    assert.match(printed.truenas.url, /^ws:\/\/127\.0\.0\.1:\d+\/api\/current$/);
    assert.match(printed.weavr.url, /^http:\/\/127\.0\.0\.1:\d+\/multi$/);
    assert.equal(typeof printed.weavr.apiKey, 'string');
    assert.match(printed.appgate.url, /\/admin$/);
    assert.match(printed.approvals.url, /\/approvals\/v2$/);
    assert.match(printed.faults.url, /\/_sandbox\/faults$/);
    assert.equal(printed.certificate, undefined);
    assert.deepEqual(Object.keys(printed.users[0]).sort(), ['notes', 'otpauth', 'password', 'provider', 'username']);
    assert.deepEqual([...new Set(printed.users.map((u: { provider: string }) => u.provider))], ['truenas', 'weavr', 'appgate']);
    assert.ok(printed.users.some((u: { otpauth: string | null }) => u.otpauth?.startsWith('otpauth://totp/')));
    const version = await fetch(`${printed.appgate.url}/version`);
    assert.equal(version.status, 200);
    const faults = await fetch(printed.faults.url);
    assert.deepEqual(await faults.json(), { faults: [] });

    sandbox.child.kill('SIGTERM');
    const { code, stdout } = await sandbox.exit();
    assert.equal(code, 0);
    assert.equal(stdout.trimEnd().split('\n').length, 1, 'a script reads exactly one line');
  });
});

test('npm run sandbox shows a person its URLs and demo users, and says so when Ctrl+C stops it', async () => {
  await withSandbox([], async (sandbox) => {
    assert.equal(await sandbox.firstLine(), 'Authdesk sandbox is running on this computer only (press Ctrl+C to stop).');
    sandbox.child.kill('SIGINT');
    const { code, stdout } = await sandbox.exit();
    assert.equal(code, 0);
    assert.match(stdout, /^ {2}TrueNAS {7}ws:\/\/127\.0\.0\.1:\d+\/api\/current$/m);
    assert.match(stdout, /^ {2}alice@example\.com {2}password: \S+$/m);
    assert.match(stdout, /^ {4}TOTP: otpauth:\/\/totp\/Appgate%20sandbox:admin\?/m);
    assert.match(stdout, /Sandbox stopped\.\n$/);
  });
});

test('npm run sandbox -- --tls --json serves HTTPS with the certificate whose fingerprint it prints', async () => {
  await withSandbox(['--tls', '--json'], async (sandbox) => {
    const printed = JSON.parse(await sandbox.firstLine());
    assert.match(printed.truenas.url, /^wss:\/\/127\.0\.0\.1:\d+\/api\/current$/);
    assert.match(printed.appgate.url, /^https:\/\//);
    const request = get(`${printed.appgate.url}/version`, { rejectUnauthorized: false });
    const [response] = await once(request, 'response');
    assert.equal(response.statusCode, 200);
    assert.equal((response.socket as TLSSocket).getPeerCertificate().fingerprint256, printed.certificate.sha256);
    response.resume();
    sandbox.child.kill('SIGTERM');
    assert.equal((await sandbox.exit()).code, 0);
  });
});

test('npm run sandbox -- --webhook-url URL sends Weavr\'s webhooks there', async () => {
  const receiver = new WebhookReceiver();
  await receiver.start();
  try {
    await withSandbox(['--webhook-url', receiver.url, '--json'], async (sandbox) => {
      const printed = JSON.parse(await sandbox.firstLine());
      const login = await fetch(`${printed.weavr.url}/login_with_password`, {
        method: 'POST',
        headers: { 'api-key': printed.weavr.apiKey, 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'alice@example.com', password: { value: 'weavr-alice' } }),
      });
      assert.equal(login.status, 200);
      await receiver.waitFor('/login/watch', (body) => body.status === 'VERIFIED' && body.type === 'PASSWORD');
    });
  } finally {
    await receiver.close();
  }
});

test('npm run sandbox -- --help explains every option and starts nothing', async () => {
  const { code, stdout } = await startSandboxProcess('--help').exit();
  assert.equal(code, 0);
  assert.match(stdout, /^Usage: npm run sandbox -- \[--port N\] \[--tls\] \[--webhook-url URL\] \[--json\]$/m);
  for (const option of ['--port N', '--tls', '--webhook-url URL', '--json', '-h, --help']) assert.match(stdout, new RegExp(`^ {2}${option} `, 'm'));
});

for (const [args, message] of [
  [['--port', 'eighty'], /^authdesk sandbox: --port must be a number from 0 to 65535/],
  [['--port', '65536'], /^authdesk sandbox: --port must be a number from 0 to 65535/],
  [['--webhook-url', 'hooks'], /^authdesk sandbox: --webhook-url must be an absolute URL/],
  [['--verbose'], /^authdesk sandbox: Unknown option '--verbose'.*\nUsage: npm run sandbox -- /],
  [['8080'], /^authdesk sandbox: Unexpected argument '8080'.*\nUsage: npm run sandbox -- /],
] as const) {
  test(`npm run sandbox -- ${args.join(' ')} is refused with a usage error`, async () => {
    const { code, stdout, stderr } = await startSandboxProcess(...args).exit();
    assert.equal(code, 1);
    assert.match(stderr, message);
    assert.equal(stdout, '');
  });
}

test('npm run sandbox -- --port N says when that port is taken, with exit code 4', async () => {
  const taken = createServer();
  await new Promise<void>((done) => taken.listen(0, '127.0.0.1', done));
  try {
    const { port } = taken.address() as AddressInfo;
    const { code, stdout, stderr } = await startSandboxProcess('--port', String(port)).exit();
    assert.equal(code, 4);
    assert.equal(stderr, `authdesk sandbox: port ${port} is already in use; pick another or leave --port out.\n`);
    assert.equal(stdout, '');
  } finally {
    taken.close();
  }
});
