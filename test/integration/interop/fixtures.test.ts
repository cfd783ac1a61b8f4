// Runs in: tests.
//
// Interop against third-party fixtures in ../shared (see aegis-fixtures/MANIFEST.md and
// gnome-authenticator-fixtures/EXPECTED.md): every supported file imports, by content
// detection (old andOTP, which has nothing to detect, by name), to exactly the expected entries (matched by secret, with the per-file
// adjustments Aegis's own DatabaseImporterTest applies) and gives the reference codes.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { counterCode, timeCode } from '../../../electron/core/otp/engine.ts';
import type { OtpAlgorithm, OtpParams, OtpType } from '../../../electron/core/otp/params.ts';
import type { FormatId, ImportedEntry } from '../../../electron/core/transfer/index.ts';
import { exportAegis, importData } from '../../../electron/core/transfer/index.ts';
import { toVault, userView } from '../../unit/transfer/support.ts';

const SHARED = new URL('../../../../shared/', import.meta.url);
const AEGIS = new URL('aegis-fixtures/', SHARED);
const GNOME = new URL('gnome-authenticator-fixtures/', SHARED);
const skipAegis = !existsSync(new URL('MANIFEST.md', AEGIS)) && 'skipped: ../shared/aegis-fixtures is not present next to the repository';
const skipGnome = !existsSync(new URL('EXPECTED.md', GNOME)) && 'skipped: ../shared/gnome-authenticator-fixtures is not present next to the repository';

interface Vector {
  readonly type: OtpType;
  readonly name: string;
  readonly issuer: string;
  readonly secret: string;
  readonly algo: OtpAlgorithm;
  readonly digits: number;
  readonly period?: number;
  readonly counter?: number;
  readonly reference_codes: Readonly<Record<string, string>>;
}

function vectors(): Vector[] {
  return (JSON.parse(readFileSync(new URL('expected_entries.json', AEGIS), 'utf8')) as { entries: Vector[] }).entries;
}

type Adjust = (v: Vector) => Vector;
const none: Adjust = (v) => v;
const defaultTotp: Adjust = (v) => ({ ...v, type: 'totp', algo: 'SHA1', digits: 6, period: 30 });
const twoFasV2: Adjust = (v) => ({ ...v, type: 'totp', period: v.type === 'hotp' ? 30 : v.period });
const counterMinusOne: Adjust = (v) => (v.type === 'hotp' ? { ...v, counter: (v.counter ?? 0) - 1 } : v);
const issuerInName: Adjust = (v) => ({ ...v, name: `${v.issuer}:${v.name}` });

interface Case {
  readonly file: string;
  readonly format: FormatId;
  readonly count: number;
  readonly password?: string;
  readonly adjust?: Adjust;
  /** Compare only the secret and type (Aegis: "for the Steam item only the secret is checked"). */
  readonly secretOnly?: (v: Vector) => boolean;
  readonly inOrder?: boolean;
  /** Read only when its format is named: it has nothing to recognise it by (detect.ts, "andOTP without magic"). */
  readonly named?: boolean;
}

// MANIFEST.md's table, restricted to the formats Authdesk imports.
const AEGIS_CASES: readonly Case[] = [
  { file: 'importers/plain.txt', format: 'otpauth', count: 7, inOrder: true },
  { file: 'importers/aegis_plain.json', format: 'aegis', count: 7 },
  { file: 'importers/aegis_encrypted.json', format: 'aegis', count: 7, password: 'test' },
  { file: 'importers/ente_auth.txt', format: 'ente', count: 7 },
  { file: 'importers/andotp_plain.json', format: 'andotp', count: 7 },
  { file: 'importers/andotp_encrypted.bin', format: 'andotp', count: 7, password: 'test' },
  { file: 'importers/andotp_encrypted_old.bin', format: 'andotp', count: 6, password: 'test', adjust: issuerInName, named: true },
  { file: 'importers/stratum_encrypted.bin', format: 'stratum', count: 7, password: 'test' },
  { file: 'importers/stratum_encrypted_legacy.bin', format: 'stratum', count: 7, password: 'test' },
  { file: 'importers/stratum_plain.json', format: 'stratum', count: 7 },
  { file: 'importers/bitwarden.json', format: 'bitwarden', count: 4, secretOnly: (v) => v.type === 'steam' },
  { file: 'importers/bitwarden.csv', format: 'bitwarden', count: 4, secretOnly: (v) => v.type === 'steam' },
  { file: 'importers/freeotp_plus.json', format: 'freeotp-plus', count: 6, adjust: counterMinusOne },
  { file: 'importers/2fas_authenticator.json', format: '2fas', count: 6, adjust: defaultTotp },
  { file: 'importers/2fas_authenticator_plain.2fas', format: '2fas', count: 4, adjust: twoFasV2 },
  { file: 'importers/2fas_authenticator_encrypted.2fas', format: '2fas', count: 4, password: 'test', adjust: twoFasV2 },
  { file: 'importers/2fas_authenticator_plain_v3.2fas', format: '2fas', count: 6 },
  { file: 'importers/2fas_authenticator_encrypted_v3.2fas', format: '2fas', count: 6, password: 'test' },
  { file: 'importers/2fas_authenticator_plain_v4.2fas', format: '2fas', count: 5 },
  { file: 'importers/2fas_authenticator_encrypted_v4.2fas', format: '2fas', count: 5, password: 'test' },
  { file: 'importers/proton_authenticator.json', format: 'proton', count: 3 },
  { file: 'vault/aegis_plain_grouped_v2.json', format: 'aegis', count: 7 },
];

const GNOME_VECTOR_CASES: readonly Case[] = [
  { file: 'aegis_encrypted.json', format: 'aegis', count: 7, password: 'test' },
  { file: 'andotp_plain.json', format: 'andotp', count: 7, inOrder: true },
  { file: 'plain.txt', format: 'otpauth', count: 7, inOrder: true },
  { file: 'freeotp_json.json', format: 'freeotp-plus', count: 6, adjust: counterMinusOne },
];

function sameOtp(a: Vector, b: Vector): boolean {
  return a.type === b.type && a.algo === b.algo && a.digits === b.digits && a.period === b.period && a.counter === b.counter;
}

function assertMatches(entry: ImportedEntry, original: Vector, c: Case, where: string): void {
  const v = (c.adjust ?? none)(original);
  const otp = entry.otp;
  assert.equal(otp.secret, v.secret, where);
  assert.equal(otp.type, v.type, `${where}: type`);
  if (c.secretOnly?.(original) !== true) {
    assert.equal(entry.label, v.name, `${where}: name`);
    assert.equal(entry.issuer, v.issuer, `${where}: issuer`);
    assert.equal(otp.algorithm, v.algo, `${where}: algorithm`);
    assert.equal(otp.digits, v.digits, `${where}: digits`);
    if (v.type === 'hotp') assert.equal(otp.counter, v.counter, `${where}: counter`);
    else assert.equal(otp.period, v.period, `${where}: period`);
  }
  // The reference codes belong to the unadjusted vector; where an adjustment changes the
  // OTP settings, the checks above are what Aegis's test compares too.
  if (!sameOtp(v, original)) return;
  for (const [at, code] of Object.entries(original.reference_codes)) {
    const [kind, value] = at.split('=');
    const n = Number(value);
    const actual = kind === 'counter' ? counterCode(otp, n) : timeCode(otp, n);
    assert.equal(actual, code, `${where}: code at ${at}`);
  }
}

async function checkCase(base: URL, c: Case): Promise<void> {
  const result = await importData(readFileSync(new URL(c.file, base)), { ...(c.named ? { format: c.format } : {}), ...(c.password === undefined ? {} : { password: c.password }) });
  assert.equal(result.format, c.format, `${c.file}: detected format`);
  assert.deepEqual(result.errors, [], `${c.file}: per-entry errors`);
  assert.equal(result.entries.length, c.count, `${c.file}: entry count`);
  const all = vectors().slice(0, 7);
  const seen = new Set<string>();
  result.entries.forEach((entry, i) => {
    const vector = all.find((v) => v.secret === entry.otp.secret);
    assert.ok(vector, `${c.file}[${i}]: its secret matches no vector`);
    assert.ok(!seen.has(vector.secret), `${c.file}[${i}]: imported twice`);
    seen.add(vector.secret);
    if (c.inOrder) assert.equal(vector, all[i], `${c.file}[${i}]: order`);
    assertMatches(entry, vector, c, `${c.file}[${i}]`);
  });
}

for (const c of AEGIS_CASES) {
  test(`aegis-fixtures ${c.file} imports the expected entries`, { skip: skipAegis }, async () => {
    await checkCase(AEGIS, c);
  });
}

for (const c of GNOME_VECTOR_CASES) {
  test(`gnome-authenticator-fixtures ${c.file} imports the expected entries`, { skip: skipGnome }, async () => {
    await checkCase(GNOME, c);
  });
}

test('aegis_plain_grouped_v2.json: the legacy group strings become exactly two groups', { skip: skipAegis }, async () => {
  const { entries } = await importData(readFileSync(new URL('vault/aegis_plain_grouped_v2.json', AEGIS)));
  const inGroup = (name: string) => entries.filter((e) => e.groups?.includes(name)).length;
  assert.deepEqual([...new Set(entries.flatMap((e) => e.groups ?? []))].sort(), ['group1', 'group2']);
  assert.equal(inGroup('group1'), 2);
  assert.equal(inGroup('group2'), 1);
  assert.equal(entries.filter((e) => (e.groups ?? []).length === 0).length, 4);
});

function params(type: OtpType, secret: string, algorithm: OtpAlgorithm, digits: number, periodOrCounter: number): Omit<OtpParams, never> {
  return { type, secret, algorithm, digits, period: type === 'hotp' ? 30 : periodOrCounter, counter: type === 'hotp' ? periodOrCounter : 0 };
}

test('gnome aegis_plain.json (content v2 with notes and icons) imports its three accounts', { skip: skipGnome }, async () => {
  const { entries, errors } = await importData(readFileSync(new URL('aegis_plain.json', GNOME)));
  assert.deepEqual(errors, []);
  assert.deepEqual(
    entries.map((e) => [e.label, e.issuer, e.otp]),
    [
      ['Bob', 'Google', params('totp', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 'SHA1', 6, 30)],
      ['Benjamin', 'Air Canada', params('hotp', 'KUVJJOM753IHTNDSZVCNKL7GII', 'SHA256', 7, 50)],
      ['Sophia', 'Boeing', params('steam', 'JRZCL47CMXVOQMNPZR2F7J4RGI', 'SHA1', 5, 30)],
    ],
  );
});

// GNOME's EXPECTED.md splits the issuer out of the name; Authdesk keeps the name as Aegis shows it.
test('gnome aegis_issuer_from_name.json keeps an entry with no issuer named as Aegis shows it', { skip: skipGnome }, async () => {
  const { entries } = await importData(readFileSync(new URL('aegis_issuer_from_name.json', GNOME)));
  assert.deepEqual(
    entries.map((e) => [e.label, e.issuer]),
    [
      ['missing-issuer@issuer', ''],
      ['missing-issuer@domain.com@issuer', ''],
    ],
  );
});

test('gnome bitwarden.json: three TOTP vectors and the steam:// item named after the login', { skip: skipGnome }, async () => {
  const { entries, errors } = await importData(readFileSync(new URL('bitwarden.json', GNOME)));
  assert.deepEqual(errors, []);
  const all = vectors();
  assert.deepEqual(
    entries.slice(0, 3).map((e) => [e.label, e.issuer, e.otp.secret]),
    all.slice(0, 3).map((v) => [v.name, v.issuer, v.secret]),
  );
  const steam = entries[3];
  assert.deepEqual(steam && [steam.issuer, steam.otp], ['Test Steam', params('steam', 'JRZCL47CMXVOQMNPZR2F7J4RGI', 'SHA1', 5, 30)]);
  assert.equal(steam && timeCode(steam.otp, 1700000000), all[6]?.reference_codes['t=1700000000']);
});

test('the Google migration vectors of otp_vectors.json import as one-line exports', { skip: skipAegis }, async () => {
  const { google_migration: migration } = JSON.parse(readFileSync(new URL('otp_vectors.json', AEGIS), 'utf8')) as { google_migration: { uri: string }[] };
  const results = await Promise.all(migration.map((m) => importData(m.uri)));
  assert.deepEqual(
    results.map((r) => [r.format, r.entries.map((e) => [e.issuer, e.label, e.otp.secret, e.otp.type])]),
    [
      ['google-migration', [['Example', 'alice@google.com', 'JBSWY3DPEHPK3PXP', 'totp']]],
      ['google-migration', [['Example', 'alice@google.com', 'CHGEE4VO72DVNFA76NJS7HL6EREGQ6HU', 'totp']]],
      ['google-migration', [['Discord', 'johndoe@example.com', 'JRZCL47CMXVOQMNPZR2F7J4RGI', 'totp']]],
    ],
  );
});

test('files of apps Authdesk does not import are named in a clear IMPORT_UNKNOWN_FORMAT', { skip: skipAegis }, async () => {
  const cases: [string, RegExp][] = [
    ['importers/authy_plain.xml', /Android app's data file/],
    ['importers/freeotp_v2_api34.xml', /FreeOTP backup/],
    ['importers/duo.json', /Duo Mobile/],
    ['importers/steam.json', /Steam Guard/],
    ['importers/google_authenticator.sqlite', /internal database/],
    ['importers/authenticator_plus.zip', /ZIP archive/],
  ];
  for (const [file, message] of cases) {
    await assert.rejects(importData(readFileSync(new URL(file, AEGIS))), (e: unknown) => {
      assert.ok(e instanceof Error && 'code' in e, file);
      assert.equal(e.code, 'IMPORT_UNKNOWN_FORMAT', file);
      assert.match(e.message, message, file);
      return true;
    });
  }
});

for (const [file, password] of [
  ['vault/aegis_plain_grouped_v2.json', undefined],
  ['importers/aegis_encrypted.json', 'test'],
] as const) {
  test(`${file} survives our Aegis export, plain and encrypted, read back by our importer`, { skip: skipAegis }, async () => {
    const source = await importData(readFileSync(new URL(file, AEGIS)), password === undefined ? {} : { password });
    const { accounts, groups } = toVault(source.entries);
    const plain = await exportAegis(accounts, { groups });
    // Written as content v3: groups by uuid, no legacy `group` field left.
    assert.doesNotMatch(plain, /"group":/);
    const encrypted = await exportAegis(accounts, { groups, password: 'round trip' });
    for (const [text, options] of [[plain, {}], [encrypted, { password: 'round trip' }]] as const) {
      const back = await importData(text, options);
      assert.equal(back.format, 'aegis');
      assert.deepEqual(back.errors, []);
      assert.deepEqual(back.entries.map(userView), source.entries.map(userView));
    }
  });
}
