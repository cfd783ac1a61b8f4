// Runs in: tests. `authdesk add, list, code, remove` as a person and a script use them, in
// child processes, with the exit codes of DESIGN §9.
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { after, describe, it } from 'node:test';
import { AccountsService } from '../../../electron/core/accounts/accounts.ts';
import { systemClock } from '../../../electron/core/platform/ports.ts';
import { Vault } from '../../../electron/core/vault/vault.ts';
import { PASSWORD, authdesk, freshVault, parseList } from './support.ts';

// RFC 6238 appendix B and RFC 4226 appendix D share this key: "12345678901234567890".
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const TOTP_URI = `otpauth://totp/ACME%20Corp:alice@example.com?secret=${RFC_SECRET}&issuer=ACME%20Corp&digits=8`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface CodeJson {
  id: string;
  issuer: string;
  label: string;
  code: string | null;
  next: string | null;
  validFrom: number;
  validUntil: number | null;
}

describe('authdesk add, list, code, remove', { timeout: 60_000 }, () => {
  it('adds from a link and from options, skips a duplicate, and lists both shapes', async () => {
    const { run } = await freshVault(after);
    const added = await run(['add', TOTP_URI]);
    assert.equal(added.code, 0, added.stderr);
    assert.match(added.stdout, /^Added ACME Corp \(alice@example\.com\), id [0-9a-f]{8}\.\n$/);

    const again = await run(['add', TOTP_URI, '--json']);
    assert.equal(again.code, 0, again.stderr);
    assert.equal((JSON.parse(again.stdout) as { added: boolean }).added, false);
    const againText = await run(['add', TOTP_URI]);
    assert.match(againText.stdout, /already in the vault.*nothing was added/);

    const hotp = await run(['add', '--secret', RFC_SECRET, '--issuer', 'Bank', '--label', 'bob', '--type', 'hotp', '--counter', '5']);
    assert.equal(hotp.code, 0, hotp.stderr);

    const listed = parseList(await run(['list', '--json']));
    assert.equal(listed.length, 2);
    const [totp, counter] = listed;
    assert.match(totp?.id ?? '', UUID);
    assert.deepEqual({ ...totp, id: 'x' }, { id: 'x', type: 'totp', issuer: 'ACME Corp', label: 'alice@example.com', algorithm: 'SHA1', digits: 8, period: 30 });
    assert.deepEqual({ ...counter, id: 'x' }, { id: 'x', type: 'hotp', issuer: 'Bank', label: 'bob', algorithm: 'SHA1', digits: 6, period: 30, counter: 5 });
    assert.ok(!JSON.stringify(listed).includes(RFC_SECRET), 'no secret in the listing');

    const text = await run(['list']);
    assert.equal(text.code, 0, text.stderr);
    const lines = text.stdout.trimEnd().split('\n');
    assert.match(lines[0] ?? '', /^ID\s+ISSUER\s+NAME\s+TYPE$/);
    assert.match(lines[1] ?? '', new RegExp(`^${totp?.id.slice(0, 8)}\\s+ACME Corp\\s+alice@example.com\\s+TOTP$`));
    assert.match(lines[2] ?? '', /^[0-9a-f]{8}\s+Bank\s+bob\s+HOTP$/);
  });

  it('refuses a bad link or secret with exit 1, adding nothing and quoting no secret', async () => {
    const { run } = await freshVault(after);
    const badSecret = await run(['add', 'otpauth://totp/X:y?secret=NOT-BASE32-1890']);
    assert.equal(badSecret.code, 1);
    assert.match(badSecret.stderr, /Base32/);
    assert.ok(!badSecret.stderr.includes('NOT-BASE32-1890'));
    const notALink = await run(['add', 'https://example.com/?secret=JBSWY3DPEHPK3PXP']);
    assert.equal(notALink.code, 1);
    assert.match(notALink.stderr, /otpauth:\/\//);
    assert.ok(!notALink.stderr.includes('JBSWY3DPEHPK3PXP'));
    const noName = await run(['add', '--secret', RFC_SECRET]);
    assert.equal(noName.code, 1);
    assert.match(noName.stderr, /--issuer or --label/);
    assert.deepEqual(parseList(await run(['list', '--json'])), []);
  });

  it('code --at gives the RFC 6238 value, its next code and window; QUERY filters, no match is exit 5', async () => {
    const { run } = await freshVault(after);
    await run(['add', TOTP_URI]);
    await run(['add', '--secret', 'JBSWY3DPEHPK3PXP', '--issuer', 'Other', '--label', 'carol']);
    const at = await run(['code', 'acme', '--at', '1111111109', '--json']);
    assert.equal(at.code, 0, at.stderr);
    const [only, ...rest] = JSON.parse(at.stdout) as CodeJson[];
    assert.deepEqual(rest, []);
    // RFC 6238 SHA1: 07081804 at T=1111111109, 14050471 at T=1111111111 (the next 30 s step).
    assert.deepEqual({ ...only, id: 'x' }, { id: 'x', issuer: 'ACME Corp', label: 'alice@example.com', code: '07081804', next: '14050471', validFrom: 1111111080_000, validUntil: 1111111110_000 });

    const all = await run(['code', '--at', '59', '--json']);
    assert.deepEqual((JSON.parse(all.stdout) as CodeJson[]).map((c) => c.issuer), ['ACME Corp', 'Other']);
    assert.equal((JSON.parse(all.stdout) as CodeJson[])[0]?.code, '94287082');

    const now = await run(['code', 'ALICE']);
    assert.equal(now.code, 0, now.stderr);
    assert.match(now.stdout, /^\d{8}\s+ACME Corp \(alice@example\.com\)\s+\d+ s left\n$/);

    const none = await run(['code', 'nobody-like-this']);
    assert.equal(none.code, 5);
    assert.match(none.stderr, /No account/);
    const badAt = await run(['code', '--at', 'yesterday']);
    assert.equal(badAt.code, 1);
  });

  it('HOTP: a code is made and the counter saved only when QUERY picks that one account', async () => {
    const { run } = await freshVault(after);
    await run(['add', '--secret', RFC_SECRET, '--issuer', 'Bank', '--label', 'bob', '--type', 'hotp']);
    await run(['add', TOTP_URI]);
    const counterNow = async () => parseList(await run(['list', '--json'])).find((a) => a.type === 'hotp')?.counter;

    const list = await run(['code', '--json']);
    const hotpInList = (JSON.parse(list.stdout) as CodeJson[]).find((c) => c.issuer === 'Bank');
    assert.equal(hotpInList?.code, null);
    const listText = await run(['code']);
    assert.match(listText.stdout, /Bank \(bob\)\s+HOTP, press for next: authdesk code [0-9a-f]{8}/);
    // "o" is in "bob" and in "ACME Corp": two accounts whatever their random ids hold.
    const several = await run(['code', 'o']);
    assert.equal(several.code, 0);
    assert.equal(await counterNow(), 0, 'listing, even filtered to several accounts, uses no counter');

    // RFC 4226 appendix D: 755224 for counter 0, 287082 for counter 1.
    const first = await run(['code', 'bank', '--json']);
    assert.equal(first.code, 0, first.stderr);
    assert.equal((JSON.parse(first.stdout) as CodeJson[])[0]?.code, '755224');
    assert.equal(await counterNow(), 1);
    const second = await run(['code', 'bank']);
    assert.match(second.stdout, /^287082\s+Bank \(bob\)/);
    assert.equal(await counterNow(), 2);
    const atTime = await run(['code', 'bank', '--at', '59', '--json']);
    assert.equal((JSON.parse(atTime.stdout) as CodeJson[])[0]?.code, null);
    assert.equal(await counterNow(), 2, '--at never uses a counter');
  });

  it('remove takes an id or a unique start of it; unknown is exit 5, ambiguous exit 1', async () => {
    const { path, run } = await freshVault(after);
    const ids = ['aaaa1111-0000-4000-8000-000000000001', 'aaaa2222-0000-4000-8000-000000000002', 'bbbb3333-0000-4000-8000-000000000003'];
    const vault = await Vault.open(path);
    await vault.unlockWithPassword(PASSWORD);
    const queue = [...ids];
    await new AccountsService(vault, systemClock, () => queue.shift() ?? 'unexpected').addMany(
      ['JBSWY3DPEHPK3PXP', 'KRSXG5CTMVRXEZLU', RFC_SECRET].map((secret, i) => ({ issuer: `Issuer ${i}`, label: 'x', otp: { type: 'totp', secret, algorithm: 'SHA1', digits: 6, period: 30, counter: 0 } })),
    );
    vault.lock();

    const ambiguous = await run(['remove', 'aaaa']);
    assert.equal(ambiguous.code, 1);
    assert.match(ambiguous.stderr, /2 accounts/);
    const unknown = await run(['remove', 'cccc']);
    assert.equal(unknown.code, 5);
    const byPrefix = await run(['remove', 'aaaa2']);
    assert.equal(byPrefix.code, 0, byPrefix.stderr);
    assert.match(byPrefix.stdout, /Removed Issuer 1 \(x\)/);
    const byId = await run(['remove', ids[2] ?? '', '--json']);
    assert.deepEqual(JSON.parse(byId.stdout), { removed: ids[2] });
    assert.deepEqual(parseList(await run(['list', '--json'])).map((a) => a.id), [ids[0]]);
  });

  it('exit 2 for a wrong password, 3 for a damaged vault, 5 for no vault, 1 without a password', async () => {
    const { path, run } = await freshVault(after);
    const wrong = await run(['list'], { AUTHDESK_PASSWORD: 'not the password' });
    assert.equal(wrong.code, 2);
    assert.match(wrong.stderr, /Wrong vault password/);
    assert.ok(!wrong.stderr.includes('not the password'));
    const wrongJson = await run(['code', '--json'], { AUTHDESK_PASSWORD: 'not the password' });
    assert.equal(wrongJson.code, 2);
    assert.equal((JSON.parse(wrongJson.stderr) as { error: { code: string } }).error.code, 'VAULT_WRONG_PASSWORD');
    const fromStdin = await authdesk(['list', '--json', '--vault', path, '--password-stdin'], { stdin: `${PASSWORD}\n` });
    assert.equal(fromStdin.code, 0, fromStdin.stderr);

    const noPassword = await authdesk(['list', '--vault', path]);
    assert.equal(noPassword.code, 1);
    const missing = await authdesk(['list', '--vault', `${path}.missing`], { env: { AUTHDESK_PASSWORD: PASSWORD } });
    assert.equal(missing.code, 5);

    await writeFile(path, 'this is no vault at all, just some garbage bytes\n'.repeat(20));
    const damaged = await run(['add', TOTP_URI]);
    assert.equal(damaged.code, 3);
    assert.match(damaged.stderr, /damaged/);
  });
});
