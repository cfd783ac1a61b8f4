// Runs in: tests.
//
// Every supported format, written from one set of accounts, imports back to those accounts
// (with what the format can carry), by content detection and by name; encrypted ones refuse
// a missing or wrong password; damaged files and bad entries fail clearly.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isAuthdeskError } from '../../../electron/core/errors.ts';
import type { ErrorCode } from '../../../electron/core/errors.ts';
import { exportGoogleMigration, importData } from '../../../electron/core/transfer/index.ts';
import { encodeEnvelope } from '../../../electron/core/vault/envelope.ts';
import { createPasswordSlot, newMasterKey } from '../../../electron/core/vault/key-slots.ts';
import { emptyVaultData } from '../../../electron/core/vault/model.ts';
import { CHEAP_KDF } from '../../support/vault.ts';
import { ENTRIES, PASSWORD, expectedFor, samples } from './samples.ts';
import { toVault, userView } from './support.ts';

const all = await samples();

function rejectsWith(code: ErrorCode, check?: (message: string) => void) {
  return (error: unknown) => {
    assert.ok(isAuthdeskError(error), `expected an AuthdeskError, got ${String(error)}`);
    assert.equal(error.code, code, error.message);
    check?.(error.message);
    return true;
  };
}

for (const sample of all) {
  test(`${sample.name}: ${sample.named ? 'named' : 'detected by content'} and imported with its accounts intact`, async () => {
    const result = await importData(sample.bytes, { ...(sample.named ? { format: sample.format } : {}), ...(sample.password === undefined ? {} : { password: sample.password }) });
    assert.equal(result.format, sample.format);
    assert.deepEqual(result.errors, []);
    assert.deepEqual(result.entries.map(userView), expectedFor(sample.carries).map(userView));
  });
}

test('a named format reads the same file as detection does, and a wrong name fails cleanly', async () => {
  const stratum = all.find((s) => s.name === 'stratum plain');
  assert.ok(stratum);
  assert.equal((await importData(stratum.bytes, { format: 'stratum' })).entries.length, ENTRIES.length);
  await assert.rejects(importData(stratum.bytes, { format: 'aegis' }), rejectsWith('IMPORT_MALFORMED'));
  await assert.rejects(importData(stratum.bytes, { format: 'lastpass' as never }), rejectsWith('IMPORT_UNKNOWN_FORMAT'));
});

test('encrypted backups ask for a password, and refuse a wrong one without quoting it', async () => {
  // The KDF-heavy formats are covered once each; this stays fast.
  for (const sample of all.filter((s) => s.password !== undefined && s.name !== 'stratum encrypted')) {
    const named = sample.named ? { format: sample.format } : {};
    await assert.rejects(importData(sample.bytes, named), rejectsWith('IMPORT_PASSWORD_REQUIRED'), sample.name);
    await assert.rejects(
      importData(sample.bytes, { ...named, password: 'not the password' }),
      rejectsWith('IMPORT_WRONG_PASSWORD', (m) => assert.ok(!m.includes('not the password'))),
      sample.name,
    );
  }
});

test('a truncated or damaged file is IMPORT_MALFORMED and returns nothing', async () => {
  const aegis = all.find((s) => s.name === 'aegis plain');
  assert.ok(aegis);
  await assert.rejects(importData(aegis.bytes.subarray(0, aegis.bytes.length / 2)), rejectsWith('IMPORT_MALFORMED'));
  await assert.rejects(importData('{"version": 1, "header": {"slots": null}, "db": {"version": 1}}'), rejectsWith('IMPORT_MALFORMED'));
  await assert.rejects(importData('{"version": 2, "header": {}, "db": {}}'), rejectsWith('IMPORT_MALFORMED', (m) => assert.match(m, /newer version of Aegis/)));
  await assert.rejects(importData('{"Authenticators": 5}'), rejectsWith('IMPORT_MALFORMED'));
  await assert.rejects(importData('{"services": [], "schemaVersion": 4, "servicesEncrypted": "abc"}', { password: 'x' }), rejectsWith('IMPORT_MALFORMED'));
});

test('a text backup damaged by a few stray bytes is reported damaged, not taken for an encrypted one', async () => {
  const aegis = all.find((s) => s.name === 'aegis plain');
  assert.ok(aegis);
  const damaged = Buffer.from(aegis.bytes);
  damaged[100] = 0;
  damaged[200] = 0xff;
  await assert.rejects(importData(damaged), rejectsWith('IMPORT_MALFORMED', (m) => assert.match(m, /damaged/)));
});

test('an unrecognised file is IMPORT_UNKNOWN_FORMAT, naming what Authdesk can import', async () => {
  await assert.rejects(importData('hello, world\nthis is a letter'), rejectsWith('IMPORT_UNKNOWN_FORMAT', (m) => assert.match(m, /Aegis, 2FAS, andOTP/)));
  await assert.rejects(importData('{"some": "json"}'), rejectsWith('IMPORT_UNKNOWN_FORMAT'));
  await assert.rejects(importData(new Uint8Array(4)), rejectsWith('IMPORT_UNKNOWN_FORMAT'));
  await assert.rejects(importData('{"encrypted": true, "passwordProtected": true, "salt": "c2FsdA==", "data": "x"}'), rejectsWith('IMPORT_UNKNOWN_FORMAT', (m) => assert.match(m, /encrypted Bitwarden export/)));
});

test('unusable entries are skipped and reported by index, never quoting the secret', async () => {
  const file = JSON.stringify([
    { secret: 'JBSWY3DPEHPK3PXP', issuer: 'Good', label: 'one', digits: 6, type: 'TOTP', algorithm: 'SHA1', period: 30 },
    { secret: 'NOT!BASE32SECRETVALUE', issuer: 'Bad', label: 'secret', digits: 6, type: 'TOTP', algorithm: 'SHA1', period: 30 },
    { secret: 'GEZDGNBVGY3TQOJQ', issuer: 'Motp', label: 'pin', digits: 6, type: 'MOTP', algorithm: 'MD5', period: 10 },
    { secret: 'GEZDGNBVGY3TQOJQ', issuer: 'Long', label: 'code', digits: 12, type: 'TOTP', algorithm: 'SHA1', period: 30 },
    'not an entry',
  ]);
  const result = await importData(file);
  assert.equal(result.format, 'andotp');
  assert.deepEqual(result.entries.map((e) => e.issuer), ['Good']);
  assert.deepEqual(result.errors.map((e) => e.index), [1, 2, 3, 4]);
  for (const { message } of result.errors) {
    assert.match(message, /skipped/);
    assert.ok(!message.includes('BASE32') && !message.includes('GEZDGNBV'), message);
  }
});

test('an entry beyond the vault limits (a 300-character name, a huge note) is skipped, not fatal', async () => {
  const line = (label: string) => `otpauth://totp/${label}?secret=JBSWY3DPEHPK3PXP&issuer=Site`;
  const list = await importData([line('ok'), line('x'.repeat(300))].join('\n'));
  assert.deepEqual([list.entries.map((e) => e.label), list.errors.map((e) => e.index)], [['ok'], [1]]);
  const items = [{ name: 'A', notes: 'n'.repeat(20_000), login: { totp: 'JBSWY3DPEHPK3PXP' } }, { name: 'B', notes: 'short', login: { totp: 'JBSWY3DPEHPK3PXP' } }];
  const bitwarden = await importData(JSON.stringify({ encrypted: false, items }));
  assert.deepEqual([bitwarden.entries.map((e) => e.issuer), bitwarden.errors.map((e) => e.index)], [['B'], [0]]);
});

test('old andOTP labels "Issuer - account" keep the issuer, as Aegis reads them', async () => {
  const result = await importData(JSON.stringify([{ secret: 'JBSWY3DPEHPK3PXP', label: 'Deno - Mason', digits: 6, type: 'TOTP', algorithm: 'SHA1', period: 30 }]));
  assert.deepEqual(result.entries.map((e) => [e.issuer, e.label]), [['Deno', 'Mason']]);
});

test('Ente Auth items in its trash are not imported', async () => {
  const ente = all.find((s) => s.format === 'ente');
  assert.ok(ente);
  const { entries } = await importData(ente.bytes);
  assert.ok(!entries.some((e) => e.issuer === 'Old'));
});

test('a Google migration export with a QR code missing is refused as a whole', async () => {
  const { accounts } = toVault(ENTRIES);
  // A tiny URI limit puts each account on its own QR code.
  const { uris } = await exportGoogleMigration(accounts, { maxUriLength: 10 });
  assert.equal(uris.length, 2);
  assert.equal((await importData(uris.join('\n'))).entries.length, 2);
  await assert.rejects(importData(uris[1] ?? ''), rejectsWith('IMPORT_MALFORMED', (m) => assert.match(m, /missing/)));
});

test('the password is never part of an error, even when it is wrong for an encrypted file', async () => {
  const twoFas = all.find((s) => s.name === '2fas encrypted');
  assert.ok(twoFas);
  await assert.rejects(importData(twoFas.bytes, { password: `${PASSWORD}!` }), rejectsWith('IMPORT_WRONG_PASSWORD', (m) => assert.ok(!m.includes(PASSWORD))));
});

test('an Authdesk backup is read like any app\'s file: its accounts go through the same checks', async () => {
  const { accounts } = toVault(ENTRIES);
  const hostile = [{ ...accounts[0], otp: { ...accounts[0]?.otp, type: 'x'.repeat(1000) } }, { ...accounts[1], otp: { ...accounts[1]?.otp, digits: 99 } }, null, accounts[2]];
  const masterKey = newMasterKey();
  const bytes = encodeEnvelope([await createPasswordSlot(PASSWORD, masterKey, CHEAP_KDF)], masterKey, Buffer.from(JSON.stringify({ ...emptyVaultData(), accounts: hostile })));
  const result = await importData(bytes, { password: PASSWORD });
  assert.deepEqual(result.entries.map((e) => e.issuer), [ENTRIES[2]?.issuer]);
  assert.deepEqual(result.errors.map((e) => e.index), [0, 1, 2]);
});

