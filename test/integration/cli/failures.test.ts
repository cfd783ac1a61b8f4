// Runs in: tests. What a person meets when something is wrong with the files the CLI uses:
// the documented exit code, and a message that says what to do next, with an errno name
// (if any) only in brackets after words.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, open, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { PASSWORD, authdesk, freshVault } from './support.ts';
import { tempVaultPath } from '../../support/vault.ts';

const LINK = 'otpauth://totp/ACME:alice?secret=JBSWY3DPEHPK3PXP&issuer=ACME';
const asRoot = process.getuid?.() === 0;

function assertNoBareErrno(stderr: string): void {
  for (const match of stderr.matchAll(/E[A-Z]{3,}/g)) assert.match(stderr.slice(Math.max(0, (match.index ?? 0) - 3), (match.index ?? 0) + match[0].length + 1), /[a-z] \(E[A-Z]+\)/, stderr);
}

describe('authdesk when files are missing, damaged or in the way', { timeout: 60_000 }, () => {
  it('no vault: exit 5, and how to create one', async () => {
    const path = await tempVaultPath(after);
    for (const command of [['list'], ['code'], ['add', LINK]]) {
      const run = await authdesk([...command, '--vault', path], { env: { AUTHDESK_PASSWORD: PASSWORD } });
      assert.equal(run.code, 5, run.stderr);
      assert.match(run.stderr, new RegExp(`No vault at|There is no vault at ${path}`));
      assert.match(run.stderr, new RegExp(`Create one with: authdesk init --vault ${path}`));
    }
  });

  it('a damaged vault: exit 3, naming the backup and how to restore it', async () => {
    const { path, run } = await freshVault(after);
    assert.equal((await run(['add', LINK])).code, 0);
    const file = await open(path, 'r+');
    await file.write(Buffer.alloc(16, 0xff), 0, 16, 200);
    await file.close();
    const listed = await run(['list']);
    assert.equal(listed.code, 3);
    assert.match(listed.stderr, /damaged/);
    assert.match(listed.stderr, new RegExp(`copy ${path}\\.bak over ${path}`));
  });

  it('a damaged vault without a backup: exit 3, and what can be done', async () => {
    const { path, run } = await freshVault(after);
    const file = await open(path, 'r+');
    await file.write(Buffer.alloc(16, 0xff), 0, 16, 200);
    await file.close();
    const listed = await run(['list']);
    assert.equal(listed.code, 3);
    assert.match(listed.stderr, new RegExp(`no backup beside it: restore it from a copy of your own, or move it away and create a new vault with: authdesk init --vault ${path}`));
  });

  it('a folder where the vault file should be, or a file where a folder should be: exit 1, naming the default path', async () => {
    const path = await tempVaultPath(after);
    await mkdir(path);
    const inFile = join(dirname(path), 'plain-file');
    await writeFile(inFile, 'not a folder');
    for (const vault of [path, join(inFile, 'vault.authdesk')]) {
      for (const command of [['list'], ['init']]) {
        const run = await authdesk([...command, '--vault', vault], { env: { AUTHDESK_PASSWORD: PASSWORD } });
        assert.equal(run.code, 1, run.stderr);
        assert.match(run.stderr, /--vault FILE \(the default is .*vault\.authdesk\)/);
        assert.doesNotMatch(run.stderr, /unexpected/);
        assertNoBareErrno(run.stderr);
      }
    }
  });

  it('an export that cannot be written: exit 6, in words', async () => {
    const { path, run } = await freshVault(after);
    const out = await run(['export', '--format', 'otpauth', '--out', join(dirname(path), 'no-such-folder', 'codes.txt')]);
    assert.equal(out.code, 6, out.stderr);
    assert.match(out.stderr, /Could not write .*codes\.txt: the file or its folder does not exist \(ENOENT\)/);
    assertNoBareErrno(out.stderr);
  });

  it('an import of a folder: exit 1, in words', async () => {
    const { path, run } = await freshVault(after);
    const imported = await run(['import', dirname(path)]);
    assert.equal(imported.code, 1, imported.stderr);
    assert.match(imported.stderr, /not a regular file \(it is a folder/);
    assertNoBareErrno(imported.stderr);
  });

  it('an import of something that is not a backup (random bytes, a picture): exit 6, saying what it is', async () => {
    const { path, run } = await freshVault(after);
    const png = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), randomBytes(2000)]);
    for (const [name, bytes, said] of [['noise.bin', randomBytes(3000), /does not recognise this file/], ['qr.png', png, /This is a PNG image, not a backup/]] as const) {
      const file = join(dirname(path), name);
      await writeFile(file, bytes);
      const imported = await run(['import', file], { AUTHDESK_FILE_PASSWORD: 'some password' });
      assert.equal(imported.code, 6, imported.stderr);
      assert.match(imported.stderr, said);
      assert.doesNotMatch(imported.stderr, /password/i);
    }
  });

  it('a read-only vault folder: exit 3, in words, the vault unchanged', { skip: asRoot ? 'runs as root, which may write to read-only folders (the mapping is unit-tested in test/unit/cli/program.test.ts)' : false }, async () => {
    const { path, run } = await freshVault(after);
    await chmod(dirname(path), 0o500);
    after(() => chmod(dirname(path), 0o700));
    const added = await run(['add', LINK]);
    assert.equal(added.code, 3, added.stderr);
    assert.match(added.stderr, /permission denied \(EACCES\)/);
    assertNoBareErrno(added.stderr);
  });
});
