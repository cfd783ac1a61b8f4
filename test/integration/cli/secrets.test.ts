// Runs in: tests. Every secret the CLI takes can come from standard input (or a terminal with
// echo off) instead of the command line, where other users of the machine can read it (ps).
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { PASSWORD, authdesk, freshVault, parseList } from './support.ts';

// RFC 6238's key: SHA1, 8 digits, 94287082 at T=59.
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const LINK = `otpauth://totp/ACME:alice?secret=${RFC_SECRET}&issuer=ACME&digits=8`;
const EXPORT_PASSWORD = 'export password 42';

/** A Google Authenticator export link holding LINK's account. */
async function migrationLink(): Promise<string> {
  const { run } = await freshVault(after);
  assert.equal((await run(['add', LINK])).code, 0);
  const exported = await run(['export', '--format', 'google-migration']);
  assert.equal(exported.code, 0, exported.stderr);
  return exported.stdout.trim();
}

interface Code {
  readonly issuer: string;
  readonly code: string | null;
}

async function codesAt59(path: string): Promise<Code[]> {
  const run = await authdesk(['code', '--at', '59', '--json', '--vault', path], { env: { AUTHDESK_PASSWORD: PASSWORD } });
  assert.equal(run.code, 0, run.stderr);
  return JSON.parse(run.stdout) as Code[];
}

describe('secrets off the command line', { timeout: 60_000 }, () => {
  it('add - reads the link from standard input, before the vault password with --password-stdin', async () => {
    const { path } = await freshVault(after);
    const alone = await authdesk(['add', '-', '--vault', path], { stdin: `${LINK}\n`, env: { AUTHDESK_PASSWORD: PASSWORD } });
    assert.equal(alone.code, 0, alone.stderr);
    const both = await authdesk(['add', '-', '--vault', path, '--password-stdin'], { stdin: `${LINK.replace(/ACME/g, 'Other')}\n${PASSWORD}\n` });
    assert.equal(both.code, 0, both.stderr);
    assert.deepEqual((await codesAt59(path)).map(({ issuer, code }) => ({ issuer, code })), [{ issuer: 'ACME', code: '94287082' }, { issuer: 'Other', code: '94287082' }]);
  });

  it('--secret - reads the Base32 secret from standard input', async () => {
    const { path } = await freshVault(after);
    const added = await authdesk(['add', '--secret', '-', '--issuer', 'Bank', '--label', 'bob', '--digits', '8', '--vault', path], { stdin: `${RFC_SECRET}\n`, env: { AUTHDESK_PASSWORD: PASSWORD } });
    assert.equal(added.code, 0, added.stderr);
    assert.equal((await codesAt59(path))[0]?.code, '94287082');
    const missing = await authdesk(['add', '--secret', '-', '--issuer', 'Bank', '--vault', path], { stdin: '', env: { AUTHDESK_PASSWORD: PASSWORD } });
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /no line for the secret/);
  });

  it('import - reads a link, or a whole backup file, from standard input', async () => {
    const { path } = await freshVault(after);
    const link = await authdesk(['import', '-', '--vault', path], { stdin: `${await migrationLink()}\n`, env: { AUTHDESK_PASSWORD: PASSWORD } });
    assert.equal(link.code, 0, link.stderr);
    assert.match(link.stdout, /Imported 1 account/);

    const backup = join(dirname(path), 'backup.authdesk');
    const exported = await authdesk(['export', '--format', 'authdesk', '--out', backup, '--export-password', '-', '--vault', path], { stdin: `${EXPORT_PASSWORD}\n`, env: { AUTHDESK_PASSWORD: PASSWORD } });
    assert.equal(exported.code, 0, exported.stderr);
    const target = await freshVault(after);
    const file = await authdesk(['import', '-', '--vault', target.path], { stdin: await readFile(backup), env: { AUTHDESK_PASSWORD: PASSWORD, AUTHDESK_FILE_PASSWORD: EXPORT_PASSWORD } });
    assert.equal(file.code, 0, file.stderr);
    assert.equal(parseList(await target.run(['list', '--json'])).length, 1);

    const clash = await authdesk(['import', '-', '--vault', target.path, '--password-stdin'], { stdin: `${PASSWORD}\n` });
    assert.equal(clash.code, 1);
    assert.match(clash.stderr, /set AUTHDESK_PASSWORD instead of --password-stdin/);
  });

  it('--file-password - takes the line after the vault password', async () => {
    const { path, run } = await freshVault(after);
    assert.equal((await run(['add', LINK])).code, 0);
    const backup = join(dirname(path), 'backup.authdesk');
    assert.equal((await run(['export', '--format', 'authdesk', '--out', backup, '--export-password', EXPORT_PASSWORD])).code, 0);
    const target = await freshVault(after);
    const imported = await authdesk(['import', backup, '--file-password', '-', '--password-stdin', '--vault', target.path], { stdin: `${PASSWORD}\n${EXPORT_PASSWORD}\n` });
    assert.equal(imported.code, 0, imported.stderr);
    assert.match(imported.stdout, /Imported 1 account/);
  });

  it('add given a Google export link points to import, quoting none of it', async () => {
    const { run } = await freshVault(after);
    const migration = await migrationLink();
    for (const args of [['add', migration], ['add', ` ${migration.replace('otpauth-migration', 'OTPAUTH-MIGRATION')}`]]) {
      const added = await run(args);
      assert.equal(added.code, 1);
      assert.match(added.stderr, /authdesk import/);
      assert.ok(!added.stderr.includes(migration.slice(-20)), 'the link is not quoted');
    }
  });
});
