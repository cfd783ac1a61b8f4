// Runs in: tests.
//
// One validation for every way into the vault: crafted Authdesk backups, weak secrets,
// invisible characters in names, Aegis names without an issuer and otpauth round trips of
// names holding URI punctuation.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AccountsService } from '../../../electron/core/accounts/accounts.ts';
import { encodeBase32 } from '../../../electron/core/otp/base32.ts';
import { otpParams } from '../../../electron/core/otp/entry.ts';
import { exportAegis, exportGoogleMigration, exportOtpauthList, importData } from '../../../electron/core/transfer/index.ts';
import { emptyVaultData } from '../../../electron/core/vault/model.ts';
import type { Account } from '../../../electron/core/vault/model.ts';
import { sealWithPassword } from '../../../electron/core/vault/password-seal.ts';
import { FakeClock } from '../../support/clock.ts';
import { MemoryVault } from '../../support/memory-vault.ts';
import { CHEAP_KDF, PASSWORD, account } from '../../support/vault.ts';
import { toVault } from './support.ts';

const SECRET = 'JBSWY3DPEHPK3PXP';
// Characters that hide or reorder text: C0 and C1 controls, DEL, bidi embeddings, overrides,
// isolates and marks, zero-width and BOM, line separators.
const INVISIBLE = [
  ...Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(i)),
  '\u007f', '\u0080', '\u0085', '\u009b', '\u009f',
  '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c',
  '\u200b', '\u2060', '\ufeff', '\u2028', '\u2029',
];
const HIDDEN = /[\p{Cc}\u061c\u200b\u200e\u200f\u2028\u2029\u202a-\u202e\u2060\u2066-\u2069\ufeff]/u;

/** An Authdesk backup holding exactly these account objects, sealed like the exporter does. */
function craftedBackup(accounts: readonly unknown[], groups: readonly unknown[] = []): Promise<Buffer> {
  return sealWithPassword({ ...emptyVaultData(), accounts: accounts as Account[], groups: groups as never[] }, PASSWORD, { kdf: CHEAP_KDF });
}

function crafted(id: string, otp: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const good = account(id, SECRET);
  return { ...good, ...extra, otp: { ...good.otp, ...otp } };
}

test('a crafted Authdesk backup: each bad entry is refused with its own reason, the good ones import, nothing bad reaches the vault', async () => {
  const big = 'A'.repeat(5 * 1024 * 1024);
  const bad = [
    { digits: 0 }, { digits: 5 }, { digits: 9 }, { digits: 12 }, { digits: -6 }, { digits: 6.5 }, { digits: 1e9 }, { digits: null }, { digits: 'six' },
    { period: 0 }, { period: -30 }, { period: 0.5 }, { period: 1e12 }, { period: null },
    { algorithm: 'MD5' }, { algorithm: '' }, { algorithm: 1 }, { algorithm: null },
    { type: 'motp' }, { type: '' }, { type: 7 },
    { secret: '' }, { secret: 'not base32!' }, { secret: big }, { secret: 123 }, { secret: null },
    { type: 'hotp', counter: -1 }, { type: 'hotp', counter: 2 ** 53 }, { type: 'hotp', counter: 1.5 }, { type: 'hotp', counter: null },
  ].map((otp, i) => crafted(`bad-otp-${i}`, otp));
  const badNames = [
    crafted('bad-issuer', {}, { issuer: 'x'.repeat(1024 * 1024) }),
    crafted('bad-label', {}, { label: big }),
    crafted('bad-note', {}, { note: 'n'.repeat(1024 * 1024) }),
    crafted('bad-type-of-name', {}, { issuer: { toString: 'x' } }),
    crafted('bad-group', {}, { groupIds: ['g1'] }),
    { id: 'no-otp', issuer: 'x', label: 'y' },
    'not an account',
    null,
  ];
  const goodOnes = [crafted('good-totp', {}, { label: 'first' }), crafted('good-hotp', { type: 'hotp', counter: 2 ** 53 - 1 }, { label: 'second' })];
  const all = [goodOnes[0], ...bad, ...badNames, goodOnes[1]];
  const backup = await craftedBackup(all, [{ id: 'g1', name: 'g'.repeat(100_000) }]);

  const result = await importData(backup, { password: PASSWORD });
  assert.equal(result.format, 'authdesk');
  assert.deepEqual(result.entries.map((e) => e.label), ['first', 'second']);
  assert.deepEqual(result.errors.map((e) => e.index), all.map((_, i) => i).slice(1, -1));
  for (const { message } of result.errors) {
    assert.match(message, /skipped/);
    assert.ok(message.length < 300 && !message.includes(SECRET) && !message.includes('AAAAAAAA'), message);
  }

  const vault = new MemoryVault();
  const { added } = await new AccountsService(vault, new FakeClock(0)).addMany(result.entries);
  assert.equal(added.length, 2);
  for (const stored of vault.data().accounts) assert.deepEqual(stored.otp, otpParams(stored.otp));
  assert.ok(JSON.stringify(vault.data()).length < 4096, 'the vault stays small');
});

test('the vault refuses OTP parameters no parser made, whatever built the entry', async () => {
  const vault = new MemoryVault();
  const accounts = new AccountsService(vault, new FakeClock(0));
  const good = account('x', SECRET).otp;
  const bad = [{ ...good, digits: 12 }, { ...good, period: 0 }, { ...good, algorithm: 'MD5' }, { ...good, secret: 'A'.repeat(100_000) }, { ...good, type: 'hotp', counter: 2 ** 53 }];
  for (const otp of bad) {
    await assert.rejects(accounts.addMany([{ issuer: 'a', label: 'b', otp: otp as typeof good }]), (error: Error & { code?: string }) => /^OTP_/.test(error.code ?? ''));
  }
  assert.equal(vault.saved.length, 0);
});

test('a secret under 80 bits imports with a warning naming the entry, from every format', async () => {
  const lengths = [1, 5, 9, 10, 16, 20];
  const entries = lengths.map((n) => ({ issuer: `Site ${n}`, label: 'me', otp: otpParams({ type: 'totp', secret: encodeBase32(Buffer.alloc(n, n)) }) }));
  const { accounts, groups } = toVault(entries);
  const files: [string, Uint8Array | string, string?][] = [
    ['otpauth', exportOtpauthList(accounts)],
    ['aegis', await exportAegis(accounts, { groups })],
    ['authdesk', await craftedBackup(accounts), PASSWORD],
  ];
  for (const [format, file, password] of files) {
    const result = await importData(file, password === undefined ? {} : { password });
    assert.equal(result.format, format);
    assert.equal(result.entries.length, lengths.length, format);
    assert.deepEqual(result.warnings.map((w) => w.index), [0, 1, 2], format);
    assert.match(result.warnings[0]?.message ?? '', /8 bits/);
    for (const { message } of result.warnings) assert.doesNotMatch(message, new RegExp(entries[0]?.otp.secret ?? '-'));
  }
});

test('invisible and reordering characters are removed from issuer, name, group and note on every way in', async () => {
  const dirty = (text: string, c: string) => `${text.slice(0, 2)}${c}${text.slice(2)}${c}`;
  // A line break or tab in a name becomes a space; a note keeps its lines and tabs.
  const inName = (text: string, c: string) => (/[\t\n\v\f\r\u2028\u2029]/.test(c) ? dirty(text, ' ').trim() : text);
  const inNote = (text: string, c: string) => (c === '\n' || c === '\t' ? dirty(text, c) : /[\r\u2028\u2029]/.test(c) ? dirty(text, '\n') : text);
  const vault = new MemoryVault();
  const accounts = new AccountsService(vault, new FakeClock(0));
  for (const [i, c] of INVISIBLE.entries()) {
    const what = `U+${c.codePointAt(0)?.toString(16)}`;
    const otp = otpParams({ type: 'totp', secret: encodeBase32(Buffer.alloc(20, i + 1)) });
    const entry = { issuer: dirty('PayPal', c), label: dirty('alice', c), otp, groups: [dirty('Work', c)], note: dirty('note', c) };
    const expected = [inName('PayPal', c), inName('alice', c), inNote('note', c), inName('Work', c)];
    const { account: added } = await accounts.add(entry);
    assert.deepEqual([added.issuer, added.label, added.note, vault.data().groups.find((g) => g.id === added.groupIds[0])?.name], expected, what);
    const edited = await accounts.edit(added.id, { issuer: entry.issuer, label: entry.label, note: entry.note });
    assert.deepEqual([edited.issuer, edited.label, edited.note], expected.slice(0, 3), what);

    const { accounts: forExport, groups } = toVault([entry]);
    const aegis = await importData(await exportAegis(forExport, { groups }));
    const authdesk = await importData(await craftedBackup(forExport, groups), { password: PASSWORD });
    const link = await importData(`otpauth://totp/${encodeURIComponent(entry.issuer)}:${encodeURIComponent(entry.label)}?secret=${otp.secret}`);
    for (const result of [aegis, authdesk]) {
      const [imported] = result.entries;
      assert.deepEqual(imported && [imported.issuer, imported.label, imported.note ?? '', ...(imported.groups ?? [])], expected, `${result.format} ${what}`);
    }
    assert.deepEqual(link.entries.map((e) => [e.issuer, e.label]), [expected.slice(0, 2)], `otpauth ${what}`);
  }
  for (const stored of vault.data().accounts) assert.doesNotMatch(stored.issuer + stored.label, HIDDEN);
});

test('a note keeps its lines and tabs', async () => {
  const accounts = new AccountsService(new MemoryVault(), new FakeClock(0));
  const { account: added } = await accounts.add({ issuer: 'a', label: 'b', otp: otpParams({ type: 'totp', secret: SECRET }), note: 'line 1\r\nline 2\n\tindented\u202e' });
  assert.equal(added.note, 'line 1\nline 2\n\tindented');
});

test('an Aegis entry with no issuer keeps its name as Aegis shows it', async () => {
  const names = ['alice@example.com', 'Issuer:alice', 'a:b@c', 'account@Issuer', 'plain'];
  const entries = names.flatMap((name, i) =>
    [null, ''].map((issuer) => ({ type: 'totp', uuid: `0000000${i}-0000-4000-8000-000000000000`, name, issuer, info: { secret: SECRET, algo: 'SHA1', digits: 6, period: 30 } })),
  );
  const file = JSON.stringify({ version: 1, header: { slots: null, params: null }, db: { version: 2, entries } });
  const { entries: imported } = await importData(file);
  assert.deepEqual(imported.map((e) => [e.issuer, e.label]), names.flatMap((name) => [['', name], ['', name]]));
});

test('issuers and names holding URI punctuation survive an otpauth or Google migration export and re-import', async () => {
  const tricky = ['', 'Acme', 'Acme:Corp', ':lead', 'trail:', 'a@b', '100%', 'R&D', '#1', 'C++', 'two words', ' spaced out ', 'Ünïcödé 東京', '%3A', 'a+b=c?d/e', '😀:😀'];
  // Every pair, and account names that start with their own issuer and a colon.
  const pairs = [...tricky.flatMap((issuer) => tricky.map((label) => [issuer, label])), ...tricky.map((issuer) => [issuer, `${issuer}:bob`]), ['Acme', 'Acme : bob']];
  const entries = pairs
    .filter(([issuer, label]) => issuer !== '' || label !== '')
    .map(([issuer = '', label = ''], i) => ({ issuer, label, otp: otpParams({ type: 'totp', secret: encodeBase32(Buffer.from(`secret-${i}-padding`)) }) }));
  const { accounts } = toVault(entries);
  const google = await exportGoogleMigration(accounts);
  for (const file of [exportOtpauthList(accounts), google.uris.join('\n')]) {
    const result = await importData(file);
    assert.deepEqual(result.errors, []);
    assert.deepEqual(
      result.entries.map((e) => [e.issuer, e.label]),
      entries.map((e) => [e.issuer.trim(), e.label.trim()]),
      result.format,
    );
  }
});

test('the HOTP counter has one limit, 2^53 - 1, in every importer', async () => {
  const aegis = (counter: number | string) => JSON.stringify({ version: 1, header: { slots: null, params: null }, db: { version: 2, entries: [{ type: 'hotp', name: 'x', issuer: 'y', info: { secret: SECRET, algo: 'SHA1', digits: 6, counter } }] } });
  const andotp = (counter: number | string) => JSON.stringify([{ secret: SECRET, issuer: 'y', label: 'x', digits: 6, type: 'HOTP', algorithm: 'SHA1', counter }]);
  const link = (counter: number | string) => `otpauth://hotp/y:x?secret=${SECRET}&counter=${counter}`;
  const authdesk = (counter: number | string) => craftedBackup([crafted('h', { type: 'hotp', counter })]);
  for (const build of [aegis, andotp, link, authdesk]) {
    const options = build === authdesk ? { password: PASSWORD } : {};
    for (const counter of [2 ** 53 - 1, '9007199254740991']) {
      const top = await importData(await build(counter), options);
      assert.deepEqual(top.entries.map((e) => e.otp.counter), [2 ** 53 - 1], `${top.format} ${counter}`);
    }
    for (const counter of [2 ** 53, 2 ** 64, '9007199254740993', -1]) {
      const over = await importData(await build(counter), options);
      assert.deepEqual([over.entries.length, over.errors.map((e) => e.index)], [0, [0]], `${over.format} ${counter}`);
    }
  }
});
