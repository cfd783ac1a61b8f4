// Runs in: tests. The files the CLI writes, in child processes: an import that adds nothing
// leaves the vault alone, and exports never land on the vault's own files.
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { backupPathOf } from '../../../electron/core/vault/atomic-file.ts';
import { freshVault } from './support.ts';

const LINKS = [
  'otpauth://totp/ACME:alice?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=ACME',
  'otpauth://hotp/Bank:bob?secret=JBSWY3DPEHPK3PXP&issuer=Bank&counter=7',
];

/** The bytes of the vault and of its backup. */
async function vaultFiles(path: string): Promise<Buffer[]> {
  return [await readFile(path), await readFile(backupPathOf(path))];
}

describe('files the CLI writes', { timeout: 60_000 }, () => {
  it('an import that adds nothing neither rewrites the vault nor rotates its backup', async () => {
    const { path, run } = await freshVault(after);
    const file = join(path, '..', 'links.txt');
    await writeFile(file, `${LINKS.join('\n')}\n`);
    assert.equal((await run(['import', file])).code, 0);
    const before = await vaultFiles(path);
    // The same file again, the same link, and a file holding only repeats of accounts already there.
    await writeFile(join(path, '..', 'repeats.txt'), `${LINKS[1]}\n${LINKS[1]}\n${LINKS[0]}\n`);
    for (const source of [file, LINKS[1] ?? '', join(path, '..', 'repeats.txt')]) {
      const again = await run(['import', source, '--json']);
      assert.equal(again.code, 0, again.stderr);
      assert.equal(JSON.parse(again.stdout).imported, 0);
      assert.deepEqual(await vaultFiles(path), before, source);
    }
  });
});
