// Runs in: tests. What `authdesk` does with files made to exhaust it: each is refused at
// once with a message that says what is wrong and the exit code scripts expect.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { after, describe, it } from 'node:test';
import { encodeEnvelope } from '../../../electron/core/vault/envelope.ts';
import { authdesk, freshVault, PASSWORD } from './support.ts';
import { tempVaultPath } from '../../support/vault.ts';

/** An envelope whose password slot asks Argon2id for 4 GiB and 1,000 passes. */
function greedyEnvelope(): Buffer {
  const kdf = { memoryKiB: 4 * 1024 * 1024, iterations: 1000, parallelism: 1 };
  return encodeEnvelope([{ type: 'password', salt: randomBytes(16), kdf, wrapNonce: randomBytes(12), wrappedKey: randomBytes(48) }], randomBytes(32), Buffer.from('{}'));
}

const GREEDY = /asks for far more key-derivation work than Authdesk ever uses; it is damaged or crafted, and was not opened/;

describe('hostile files', { timeout: 60_000 }, () => {
  it('refuses to import a device that never ends, without reading it', { skip: process.platform === 'win32' }, async () => {
    const { run } = await freshVault(after);
    const result = await run(['import', '/dev/zero']);
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stderr, /not a regular file/);
  });

  it('refuses an Authdesk backup that asks for hours of key derivation', async () => {
    const { path, run } = await freshVault(after);
    const backup = `${path}.backup`;
    await writeFile(backup, greedyEnvelope());
    const result = await run(['import', backup], { AUTHDESK_FILE_PASSWORD: PASSWORD });
    assert.equal(result.code, 6, result.stderr);
    assert.match(result.stderr, GREEDY);
  });

  it('refuses to unlock a vault that asks for hours of key derivation, as a damaged vault', async () => {
    const path = await tempVaultPath(after);
    await writeFile(path, greedyEnvelope());
    const result = await authdesk(['list', '--vault', path], { env: { AUTHDESK_PASSWORD: PASSWORD } });
    assert.equal(result.code, 3, result.stderr);
    assert.match(result.stderr, GREEDY);
  });
});
