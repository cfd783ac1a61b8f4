// Runs in: tests. `authdesk` in a pipeline whose reader leaves early, as `authdesk list | head -1`.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { after, describe, it } from 'node:test';
import { Vault } from '../../../electron/core/vault/vault.ts';
import { account, CHEAP_KDF, PASSWORD, tempVaultPath } from '../../support/vault.ts';
import { AUTHDESK } from './support.ts';

// Far more output than a pipe holds (64 KiB on Linux), so the CLI is still writing when the reader leaves.
const ACCOUNTS = 3000;

async function bigVault(): Promise<string> {
  const path = await tempVaultPath(after);
  const vault = await Vault.create(path, PASSWORD, { kdf: CHEAP_KDF });
  await vault.mutate((data) => ({ ...data, accounts: Array.from({ length: ACCOUNTS }, (_, i) => account(`${i}`.padStart(12, '0'), 'JBSWY3DPEHPK3PXP')) }));
  vault.lock();
  return path;
}

/** `authdesk ARGS | head -1` in bash, with authdesk's own exit status (PIPESTATUS). */
async function pipedIntoHead(args: readonly string[]): Promise<{ line: string; code: number; stderr: string }> {
  const script = '"$@" | head -1; echo "status ${PIPESTATUS[0]}"';
  const child = spawn('bash', ['-c', script, 'bash', process.execPath, AUTHDESK, ...args], { env: { ...process.env, AUTHDESK_PASSWORD: PASSWORD }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  await once(child, 'exit');
  const [line = '', status = ''] = stdout.split('\n');
  return { line, code: Number(status.replace('status ', '')), stderr };
}

describe('authdesk in a pipe', { timeout: 60_000, skip: process.platform === 'win32' ? 'needs bash and head' : false }, () => {
  it('ends quietly with 0 when the reader closes the pipe early (list, list --json, code)', async () => {
    const path = await bigVault();
    for (const args of [['list'], ['list', '--json'], ['code']]) {
      const { line, code, stderr } = await pipedIntoHead([...args, '--vault', path]);
      assert.ok(line.length > 0, `${args.join(' ')} printed something first`);
      assert.equal(stderr, '', `${args.join(' ')} printed nothing on stderr`);
      assert.equal(code, 0, `${args.join(' ')} exit code`);
    }
  });
});
