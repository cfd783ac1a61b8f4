// Runs in: tests. The files the CLI writes, in child processes: an import that adds nothing
// leaves the vault alone, and exports never land on the vault's own files.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { chmod, link, mkdir, mkdtemp, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { backupPathOf } from '../../../electron/core/vault/atomic-file.ts';
import { throttlePathOf } from '../../../electron/core/vault/throttle.ts';
import { lockPathOf, Vault } from '../../../electron/core/vault/vault.ts';
import { CHEAP_KDF } from '../../support/vault.ts';
import { PASSWORD, authdesk, freshVault } from './support.ts';

const LINKS = [
  'otpauth://totp/ACME:alice?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=ACME',
  'otpauth://hotp/Bank:bob?secret=JBSWY3DPEHPK3PXP&issuer=Bank&counter=7',
];

const NOT_ENCRYPTED = /NOT encrypted/;

/** A vault with two accounts, so every export format has something to write. */
async function vaultWithAccounts() {
  const vault = await freshVault(after);
  for (const uri of LINKS) assert.equal((await vault.run(['add', uri])).code, 0);
  return vault;
}

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'authdesk-out-'));
  after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** The bytes of the vault and of its backup. */
async function vaultFiles(path: string): Promise<Buffer[]> {
  return [await readFile(path), await readFile(backupPathOf(path))];
}

describe('files the CLI writes', { timeout: 120_000 }, () => {
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

  it('export refuses the vault, its backup, lock and throttle files, by any path, even with --force', async () => {
    const { path, run } = await vaultWithAccounts();
    // A wrong password first, so the throttle file exists.
    assert.equal((await run(['list'], { AUTHDESK_PASSWORD: 'not the password' })).code, 2);
    const dir = join(path, '..');
    const elsewhere = await tempDir();
    await symlink(dir, join(elsewhere, 'folder'));
    const own = [path, backupPathOf(path), lockPathOf(path), throttlePathOf(path)];
    const before = await Promise.all(own.filter((f) => existsSync(f)).map((f) => readFile(f)));
    await symlink(path, join(elsewhere, 'vault-link'));
    await symlink(lockPathOf(path), join(elsewhere, 'lock-link'));
    await link(path, join(elsewhere, 'vault-hard-link'));
    await link(backupPathOf(path), join(elsewhere, 'backup-hard-link'));
    const targets = [
      ...own,
      join(dir, '.', basename(path)),
      join(elsewhere, 'folder', basename(path)),
      join(elsewhere, 'folder', basename(throttlePathOf(path))),
      ...['vault-link', 'lock-link', 'vault-hard-link', 'backup-hard-link'].map((name) => join(elsewhere, name)),
    ];
    const formats = ['otpauth', 'aegis-plain', 'authdesk'];
    for (const [i, target] of targets.entries()) {
      const format = formats[i % formats.length] ?? 'otpauth';
      const refused = await run(['export', '--format', format, '--out', target, '--force'], { AUTHDESK_EXPORT_PASSWORD: 'export password 42' });
      assert.equal(refused.code, 1, `${format} ${target}: ${refused.stderr}`);
      // A symlink to the lock, which exists only while a process writes, leads nowhere yet.
      assert.match(refused.stderr, /(one of the vault's own files|is a symbolic link); nothing was written/, target);
      assert.doesNotMatch(refused.stderr, NOT_ENCRYPTED);
    }
    assert.deepEqual(await Promise.all(own.filter((f) => existsSync(f)).map((f) => readFile(f))), before);
    assert.ok(!existsSync(lockPathOf(path)));
    assert.equal((await run(['list'])).code, 0);
  });

  it('the QR images of a Google export follow the same rules', async () => {
    const dir = await tempDir();
    // A vault named like the first QR image of `codes.txt`.
    const path = join(dir, 'codes-1.png');
    (await Vault.create(path, PASSWORD, { kdf: CHEAP_KDF })).lock();
    const run = (args: string[]) => authdesk([...args, '--vault', path], { env: { AUTHDESK_PASSWORD: PASSWORD } });
    for (const uri of LINKS) assert.equal((await run(['add', uri])).code, 0);
    const vaultBytes = await readFile(path);
    const refused = await run(['export', '--format', 'google-migration', '--out', join(dir, 'codes.txt'), '--force']);
    assert.equal(refused.code, 1, refused.stderr);
    assert.match(refused.stderr, /codes-1\.png is one of the vault's own files/);
    assert.doesNotMatch(refused.stderr, NOT_ENCRYPTED);
    assert.ok(!existsSync(join(dir, 'codes.txt')), 'no half export');
    assert.deepEqual(await readFile(path), vaultBytes);

    await writeFile(join(dir, 'target'), 'not to be touched');
    await symlink(join(dir, 'target'), join(dir, 'other-1.png'));
    const linked = await run(['export', '--format', 'google-migration', '--out', join(dir, 'other.txt'), '--force']);
    assert.equal(linked.code, 1);
    assert.match(linked.stderr, /other-1\.png is a symbolic link; nothing was written/);
    assert.ok(!existsSync(join(dir, 'other.txt')));
    assert.equal(await readFile(join(dir, 'target'), 'utf8'), 'not to be touched');
  });

  it('--force replaces the file with a new 0600 one instead of writing into it, and never follows a symlink', async () => {
    const { run } = await vaultWithAccounts();
    const dir = await tempDir();
    const out = join(dir, 'codes.txt');
    await writeFile(out, 'an older export');
    await chmod(out, 0o644);
    // Another name for the old file: writing into the file would change it too.
    await link(out, join(dir, 'old-name.txt'));
    const { ino } = await stat(out);
    const kept = await run(['export', '--format', 'otpauth', '--out', out]);
    assert.equal(kept.code, 1);
    assert.match(kept.stderr, /already exists; nothing was written\. Add --force/);
    assert.doesNotMatch(kept.stderr, NOT_ENCRYPTED);

    const replaced = await run(['export', '--format', 'otpauth', '--out', out, '--force']);
    assert.equal(replaced.code, 0, replaced.stderr);
    assert.match(replaced.stderr, NOT_ENCRYPTED);
    assert.match(await readFile(out, 'utf8'), /^otpauth:\/\/totp\/ACME:alice/);
    const now = await stat(out);
    assert.equal(now.mode & 0o777, 0o600);
    assert.notEqual(now.ino, ino);
    assert.equal(await readFile(join(dir, 'old-name.txt'), 'utf8'), 'an older export');
    assert.deepEqual((await readFile(join(dir, 'old-name.txt'))).length, 'an older export'.length);

    await writeFile(join(dir, 'precious'), 'not to be touched');
    await symlink(join(dir, 'precious'), join(dir, 'link.txt'));
    await symlink(join(dir, 'nowhere'), join(dir, 'dangling.txt'));
    for (const target of ['link.txt', 'dangling.txt']) {
      const refused = await run(['export', '--format', 'otpauth', '--out', join(dir, target), '--force']);
      assert.equal(refused.code, 1);
      assert.match(refused.stderr, /is a symbolic link; nothing was written/);
    }
    assert.equal(await readFile(join(dir, 'precious'), 'utf8'), 'not to be touched');
    assert.ok(!existsSync(join(dir, 'nowhere')));
  });

  it('prints the "NOT encrypted" warning only after the export is written', async () => {
    const { run } = await vaultWithAccounts();
    const dir = await tempDir();
    await mkdir(join(dir, 'a-folder'));
    // The first QR image cannot be written: the list of links written before it goes too.
    await mkdir(join(dir, 'google-1.png'));
    for (const [format, target, force] of [
      ['aegis-plain', join(dir, 'no-such-folder', 'codes.txt'), false],
      ['otpauth', join(dir, 'a-folder'), true],
      ['google-migration', join(dir, 'google.txt'), true],
    ] as const) {
      const failed = await run(['export', '--format', format, '--out', target, ...(force ? ['--force'] : [])]);
      assert.doesNotMatch(failed.stderr, NOT_ENCRYPTED);
      assert.equal(failed.code, 6, failed.stderr);
      assert.match(failed.stderr, /Could not write .*; nothing was exported\./);
    }
    assert.ok(!existsSync(join(dir, 'google.txt')));
  });
});
