// Runs in: tests. The CLI with odd input, in child processes: names from the vault never act
// on the terminal, weak secrets are warned about, and the HOTP counter has the core's limit.
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { Vault } from '../../../electron/core/vault/vault.ts';
import { account } from '../../support/vault.ts';
import { PASSWORD, freshVault } from './support.ts';

// C0 (ESC, BEL, CR), DEL, C1 (CSI), bidi override, isolate and mark, zero-width space, BOM.
const RAW = ['\u001b[31m', '\u0007', '\r', '\u007f', '\u009b', '\u202e', '\u2066', '\u200f', '\u200b', '\ufeff'];
const UNPRINTABLE = /[\p{Cc}\p{Cf}\u2028\u2029]/u;
const WEAK_SECRET = 'JBSWY3DPEE'; // 6 bytes: 48 bits

describe('authdesk with odd names, weak secrets and huge counters', { timeout: 60_000 }, () => {
  it('list, code and remove escape what an older vault may hold in its names', async () => {
    const { path, run } = await freshVault(after);
    const vault = await Vault.open(path);
    await vault.unlockWithPassword(PASSWORD);
    // Written straight into the vault, as an Authdesk from before names were cleaned would have.
    const stored = RAW.map((c, i) => ({ ...account(`raw-${i}-0000-4000-8000-000000000000`, 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ'), issuer: `Pay${c}Pal`, label: `al${c}ice` }));
    await vault.mutate((data) => ({ ...data, accounts: stored }));
    vault.lock();

    for (const args of [['list'], ['code'], ['list', '--json'], ['code', '--json'], ['remove', 'raw-1']]) {
      const result = await run(args);
      assert.equal(result.code, 0, result.stderr);
      assert.doesNotMatch(result.stdout.replace(/\n$/, '').replaceAll('\n', ''), UNPRINTABLE, args.join(' '));
    }
    const names = (JSON.parse((await run(['list', '--json'])).stdout) as { issuer: string; label: string }[]).map((a) => [a.issuer, a.label]);
    assert.deepEqual(names, stored.filter((_, i) => i !== 1).map((a) => [a.issuer, a.label]), 'a script still gets the names as stored');
    const listed = (await run(['list'])).stdout;
    assert.match(listed, /Pay\\u\{202E\}Pal/);
    assert.match(listed, /al\\u\{1B\}\[31mice/);
  });

  it('code shows an account whose stored settings make no code as an error on its row, and the others as usual', async () => {
    const { path, run } = await freshVault(after);
    const vault = await Vault.open(path);
    await vault.unlockWithPassword(PASSWORD);
    const good = account('good0000-0000-4000-8000-000000000000', 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    const bad = { ...account('bad00000-0000-4000-8000-000000000000', 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ'), label: 'damaged', otp: { ...good.otp, period: 0 } };
    await vault.mutate((data) => ({ ...data, accounts: [bad, good] }));
    vault.lock();

    const text = await run(['code']);
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /^-+\s+Example \(damaged\)\s+.*damaged/m);
    assert.match(text.stdout, /^\d{6}\s+Example \(user-good/m);
    const json = JSON.parse((await run(['code', '--json'])).stdout) as { code: string | null; error?: string }[];
    assert.deepEqual(json.map((c) => [c.code === null, c.error !== undefined]), [[true, true], [false, false]]);
  });

  it('add and import warn on stderr about a secret under 80 bits, and still add the account', async () => {
    const { path, run } = await freshVault(after);
    const added = await run(['add', '--secret', WEAK_SECRET, '--issuer', 'Old', '--label', 'me']);
    assert.equal(added.code, 0, added.stderr);
    assert.match(added.stderr, /48 bits/);
    const strong = await run(['add', '--secret', 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', '--issuer', 'New', '--label', 'me']);
    assert.equal(strong.stderr, '');

    const file = join(dirname(path), 'links.txt');
    await writeFile(file, [`otpauth://totp/A:a?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ`, `otpauth://totp/B:b?secret=${WEAK_SECRET}`].join('\n'));
    const imported = await run(['import', file]);
    assert.equal(imported.code, 0, imported.stderr);
    assert.match(imported.stdout, /Imported 2 accounts/);
    assert.match(imported.stderr, /^Entry 2, imported with a warning: .*48 bits/m);
    assert.doesNotMatch(imported.stderr, /Entry 1/);
    const json = await run(['import', file, '--json']);
    assert.deepEqual((JSON.parse(json.stdout) as { warnings: { index: number }[] }).warnings.map((w) => w.index), [1]);
  });

  it('add takes an HOTP counter up to 2^53 - 1 and refuses one more, as every importer does', async () => {
    const { run } = await freshVault(after);
    const add = (counter: string) => run(['add', '--secret', 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', '--issuer', 'Bank', '--label', counter, '--type', 'hotp', '--counter', counter, '--json']);
    const top = await add('9007199254740991');
    assert.equal(top.code, 0, top.stderr);
    assert.equal((JSON.parse(top.stdout) as { account: { counter: number } }).account.counter, 2 ** 53 - 1);
    const over = await add('9007199254740992');
    assert.equal(over.code, 1);
    assert.match(over.stderr, /counter/);
  });
});
