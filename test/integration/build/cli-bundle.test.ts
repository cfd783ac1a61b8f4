// Runs in: tests.
//
// The CLI as it ships: bundled by scripts/build.ts's own options into a folder of its own, it
// must still find its Argon2id worker thread and create and unlock a vault with it.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { electronBundles, workerBundles } from '../../../scripts/build.ts';

const run = promisify(execFile);

test('the bundled CLI creates and unlocks a vault through its bundled worker thread', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'authdesk-cli-bundle-'));
  after(() => rm(dir, { recursive: true, force: true }));
  const cliBundles = [...electronBundles, ...workerBundles].filter((options) => options.outfile?.startsWith('dist/cli/'));
  assert.equal(cliBundles.length, 2, 'the CLI and its worker');
  await Promise.all(cliBundles.map((options) => build({ ...options, outfile: join(dir, 'cli', (options.outfile ?? '').slice('dist/cli/'.length)), sourcemap: false, logLevel: 'silent' })));
  const env = { PATH: process.env['PATH'] ?? '', AUTHDESK_VAULT: join(dir, 'vault.authdesk'), AUTHDESK_PASSWORD: 'correct horse battery staple' };
  const cli = join(dir, 'cli', 'authdesk.mjs');
  await run(process.execPath, [cli, 'init'], { env });
  await run(process.execPath, [cli, 'add', 'otpauth://totp/Example:me?secret=JBSWY3DPEHPK3PXP&issuer=Example'], { env });
  const { stdout } = await run(process.execPath, [cli, 'list', '--json'], { env });
  assert.deepEqual((JSON.parse(stdout) as Array<{ issuer: string }>).map((a) => a.issuer), ['Example']);
});
