// Runs in: tests. `authdesk sandbox --json` as a person or script starts it: one JSON line, then serving.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { test } from 'node:test';

const ROOT = resolve(import.meta.dirname, '../../..');

test('authdesk sandbox --json prints its URLs and demo users as one JSON line, serves, and stops on SIGTERM', async () => {
  const child = spawn(process.execPath, ['electron/cli/authdesk.ts', 'sandbox', '--json'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const lines = createInterface({ input: child.stdout });
    const [line] = (await once(lines, 'line')) as [string];
    const printed = JSON.parse(line);
    assert.match(printed.truenas.url, /^ws:\/\/127\.0\.0\.1:\d+\/api\/current$/);
    assert.match(printed.weavr.url, /^http:\/\/127\.0\.0\.1:\d+\/multi$/);
    assert.equal(typeof printed.weavr.apiKey, 'string');
    assert.match(printed.appgate.url, /\/admin$/);
    assert.deepEqual(Object.keys(printed.users[0]).sort(), ['notes', 'otpauth', 'password', 'provider', 'username']);
    assert.deepEqual([...new Set(printed.users.map((u: { provider: string }) => u.provider))], ['truenas', 'weavr', 'appgate']);
    assert.ok(printed.users.some((u: { otpauth: string | null }) => u.otpauth?.startsWith('otpauth://totp/')));
    const version = await fetch(`${printed.appgate.url}/version`);
    assert.equal(version.status, 200);
    child.kill('SIGTERM');
    const [code] = (await once(child, 'exit')) as [number];
    assert.equal(code, 0);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
});

test('authdesk sandbox refuses a bad --port with a usage error', async () => {
  const child = spawn(process.execPath, ['electron/cli/authdesk.ts', 'sandbox', '--port', 'eighty'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  const [code] = (await once(child, 'exit')) as [number];
  assert.equal(code, 1);
  assert.match(stderr, /--port must be a number/);
});
