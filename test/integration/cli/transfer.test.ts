// Runs in: tests. `authdesk import` and `authdesk export` in child processes: foreign
// backups in, every export format out, and an Authdesk backup that round-trips.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { PASSWORD, authdesk, freshVault, parseList, type ListedAccount } from './support.ts';

const FIXTURES = '/work/shared/aegis-fixtures/importers';
const SECRETS = ['GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', 'JBSWY3DPEHPK3PXP', 'KRSXG5CTMVRXEZLU'];
const EXPORT_PASSWORD = 'export password 42';

/** A vault with a TOTP, an HOTP and a Steam account. */
async function vaultWithAccounts() {
  const vault = await freshVault(after);
  for (const args of [
    ['add', `otpauth://totp/ACME:alice?secret=${SECRETS[0]}&issuer=ACME&digits=8&algorithm=SHA256`],
    ['add', '--secret', SECRETS[1] ?? '', '--issuer', 'Bank', '--label', 'bob', '--type', 'hotp', '--counter', '7'],
    ['add', `otpauth://steam/Steam:gamer?secret=${SECRETS[2]}`],
  ]) assert.equal((await vault.run(args)).code, 0);
  return vault;
}

function withoutIds(accounts: readonly ListedAccount[]) {
  return accounts.map(({ id: _id, ...rest }) => rest);
}

describe('authdesk import and export', { timeout: 60_000 }, () => {
  it('imports the Aegis plain fixture once; a second import skips every account', { skip: existsSync(join(FIXTURES, 'aegis_plain.json')) ? false : `${FIXTURES} is absent` }, async () => {
    const { run } = await freshVault(after);
    const first = await run(['import', join(FIXTURES, 'aegis_plain.json')]);
    assert.equal(first.code, 0, first.stderr);
    assert.equal(first.stdout, 'Imported 7 accounts from an Aegis vault (0 already there, skipped).\n');
    assert.equal(first.stderr, '');
    // MANIFEST.md: the same 7 vectors as plain.txt, 3 TOTP, 3 HOTP and 1 Steam.
    const types = parseList(await run(['list', '--json'])).map((a) => a.type).sort();
    assert.deepEqual(types, ['hotp', 'hotp', 'hotp', 'steam', 'totp', 'totp', 'totp']);
    const again = await run(['import', join(FIXTURES, 'aegis_plain.json'), '--json']);
    assert.deepEqual(JSON.parse(again.stdout), { format: 'aegis', imported: 0, skipped: 7, errors: [], warnings: [] });
  });

  it('an encrypted Aegis export: wrong password is exit 2 and adds nothing; the right one imports all', async () => {
    const source = await vaultWithAccounts();
    const dir = join(source.path, '..');
    const file = join(dir, 'aegis.json');
    const exported = await source.run(['export', '--format', 'aegis', '--out', file], { AUTHDESK_EXPORT_PASSWORD: EXPORT_PASSWORD });
    assert.equal(exported.code, 0, exported.stderr);
    assert.doesNotMatch(exported.stderr, /NOT encrypted/);
    const text = await readFile(file, 'utf8');
    assert.ok(SECRETS.every((s) => !text.includes(s)), 'the file is encrypted');

    const target = await freshVault(after);
    const wrong = await target.run(['import', file, '--file-password', 'not the password']);
    assert.equal(wrong.code, 2);
    assert.match(wrong.stderr, /password is wrong/);
    assert.deepEqual(parseList(await target.run(['list', '--json'])), []);
    const missing = await target.run(['import', file]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /No file password: give --file-password/);

    const right = await target.run(['import', file], { AUTHDESK_FILE_PASSWORD: EXPORT_PASSWORD });
    assert.equal(right.code, 0, right.stderr);
    assert.match(right.stdout, /^Imported 3 accounts from an Aegis vault \(0 already there, skipped\)\./);
    assert.deepEqual(withoutIds(parseList(await target.run(['list', '--json']))), withoutIds(parseList(await source.run(['list', '--json']))));
  });

  it('an Authdesk backup (0600, never overwritten without --force) restores the same accounts in a fresh vault', async () => {
    const source = await vaultWithAccounts();
    const file = join(source.path, '..', 'backup.authdesk');
    const exported = await authdesk(['export', '--format', 'authdesk', '--out', file, '--vault', source.path, '--password-stdin', '--json'], { stdin: `${PASSWORD}\n${EXPORT_PASSWORD}\n` });
    assert.equal(exported.code, 0, exported.stderr);
    assert.deepEqual(JSON.parse(exported.stdout), { format: 'authdesk', accounts: 3, files: [file], skipped: [] });
    assert.equal((await stat(file)).mode & 0o777, 0o600);
    const bytes = await readFile(file);
    assert.ok(SECRETS.every((s) => !bytes.includes(s)) && !bytes.includes(EXPORT_PASSWORD));

    const refused = await source.run(['export', '--format', 'authdesk', '--out', file], { AUTHDESK_EXPORT_PASSWORD: 'another password' });
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /already exists.*--force/);
    assert.deepEqual(await readFile(file), bytes);
    const short = await source.run(['export', '--format', 'authdesk', '--out', `${file}.2`], { AUTHDESK_EXPORT_PASSWORD: 'short' });
    assert.equal(short.code, 1);
    assert.ok(!existsSync(`${file}.2`));

    const target = await freshVault(after);
    const wrong = await target.run(['import', file], { AUTHDESK_FILE_PASSWORD: 'not the export password' });
    assert.equal(wrong.code, 2);
    assert.deepEqual(parseList(await target.run(['list', '--json'])), []);
    // Detected by content; the file password is the line after the vault password.
    const restored = await authdesk(['import', file, '--vault', target.path, '--password-stdin'], { stdin: `${PASSWORD}\n${EXPORT_PASSWORD}\n` });
    assert.equal(restored.code, 0, restored.stderr);
    assert.match(restored.stdout, /^Imported 3 accounts from an Authdesk encrypted backup/);
    assert.deepEqual(withoutIds(parseList(await target.run(['list', '--json']))), withoutIds(parseList(await source.run(['list', '--json']))));
  });

  it('plain exports warn on stderr; otpauth and google-migration links import back', async () => {
    const source = await vaultWithAccounts();
    const dir = join(source.path, '..');
    const links = await source.run(['export', '--format', 'otpauth']);
    assert.equal(links.code, 0, links.stderr);
    assert.match(links.stderr, /NOT encrypted/);
    assert.equal(links.stdout.trimEnd().split('\n').length, 3);
    assert.match(links.stdout, /^otpauth:\/\/hotp\/Bank:bob\?.*counter=7/m);

    const plainAegis = await source.run(['export', '--format', 'aegis-plain']);
    assert.match(plainAegis.stderr, /NOT encrypted/);
    assert.equal((JSON.parse(plainAegis.stdout) as { db: { entries: unknown[] } }).db.entries.length, 3);

    const out = join(dir, 'google.txt');
    const google = await source.run(['export', '--format', 'google-migration', '--out', out]);
    assert.equal(google.code, 0, google.stderr);
    assert.match(google.stderr, /NOT encrypted/);
    assert.match(google.stderr, /1 account\(s\) were left out/, 'Steam does not fit Google Authenticator');
    const png = await readFile(join(dir, 'google-1.png'));
    assert.deepEqual([...png.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
    assert.equal((await stat(out)).mode & 0o777, 0o600);
    const [migration] = (await readFile(out, 'utf8')).trimEnd().split('\n');

    const target = await freshVault(after);
    const fromLink = await target.run(['import', migration ?? '']);
    assert.equal(fromLink.code, 0, fromLink.stderr);
    assert.match(fromLink.stdout, /^Imported 2 accounts from a Google Authenticator export/);
    await writeFile(join(dir, 'links.txt'), links.stdout);
    const fromFile = await target.run(['import', join(dir, 'links.txt'), '--json']);
    assert.deepEqual(JSON.parse(fromFile.stdout), { format: 'otpauth', imported: 1, skipped: 2, errors: [], warnings: [] });
    assert.deepEqual(withoutIds(parseList(await target.run(['list', '--json']))).map((a) => a.issuer).sort(), ['ACME', 'Bank', 'Steam']);
  });

  it('a damaged or unknown file adds nothing (exit 6); a missing file is exit 5', async () => {
    const { path, run } = await freshVault(after);
    const junk = join(path, '..', 'junk.json');
    await writeFile(junk, '{"header": {"slots": null}, "db": {"entries": [');
    const damaged = await run(['import', junk]);
    assert.equal(damaged.code, 6);
    assert.match(damaged.stderr, /damaged or incomplete/);
    const missing = await run(['import', join(path, '..', 'nothing-here.json')]);
    assert.equal(missing.code, 5);
    const badFormat = await run(['import', junk, '--format', 'keepass']);
    assert.equal(badFormat.code, 1);
    assert.deepEqual(parseList(await run(['list', '--json'])), []);
  });
});
