// Runs in: tests.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { isAuthdeskError } from '../../../electron/core/errors.ts';
import type { ErrorCode } from '../../../electron/core/errors.ts';
import { MAX_HOTP_COUNTER } from '../../../electron/core/otp/entry.ts';
import { formatOtpauthUri, parseOtpauthUri } from '../../../electron/core/otp/uri.ts';

const FIXTURES = new URL('../../../../shared/aegis-fixtures/', import.meta.url);
const SECRET = 'JBSWY3DPEHPK3PXP';

test("reads Google's Key Uri Format example with defaults filled in", () => {
  assert.deepEqual(parseOtpauthUri('otpauth://totp/Example:alice@google.com?secret=JBSWY3DPEHPK3PXP&issuer=Example'), {
    issuer: 'Example',
    label: 'alice@google.com',
    otp: { type: 'totp', secret: SECRET, algorithm: 'SHA1', digits: 6, period: 30, counter: 0 },
  });
});

test('the issuer parameter wins over the label prefix; the prefix is used when it is absent', () => {
  assert.equal(parseOtpauthUri(`otpauth://totp/Old%20Name:bob?secret=${SECRET}&issuer=New%20Name`).issuer, 'New Name');
  assert.equal(parseOtpauthUri(`otpauth://totp/ACME%20Co:%20john@example.com?secret=${SECRET}`).issuer, 'ACME Co');
  assert.equal(parseOtpauthUri(`otpauth://totp/ACME%20Co:%20john@example.com?secret=${SECRET}`).label, 'john@example.com');
  assert.deepEqual(parseOtpauthUri(`otpauth://totp/john?secret=${SECRET}`).issuer, '');
  assert.deepEqual(parseOtpauthUri(`otpauth://totp/?secret=${SECRET}&issuer=Only`).label, '');
});

test('decodes percent-encoding, encoded colons and "+" in the query', () => {
  const entry = parseOtpauthUri(`otpauth://totp/Air%20Canada%3Ab%C3%A9a?secret=${SECRET}&issuer=Air+Canada`);
  assert.equal(entry.issuer, 'Air Canada');
  assert.equal(entry.label, 'béa');
});

test('parameter names in any case and secrets with spaces, lower case or padding', () => {
  const entry = parseOtpauthUri('OTPAUTH://TOTP/x?SECRET=jbsw%20y3dp%20ehpk%203pxp%3D%3D%3D%3D%3D%3D&Algorithm=sha256&DIGITS=8&Period=60');
  assert.deepEqual(entry.otp, { type: 'totp', secret: SECRET, algorithm: 'SHA256', digits: 8, period: 60, counter: 0 });
});

test('HOTP keeps its counter; Steam comes as otpauth://steam or encoder=steam', () => {
  assert.deepEqual(parseOtpauthUri(`otpauth://hotp/x?secret=${SECRET}&counter=42&algorithm=SHA512&digits=7`).otp, {
    type: 'hotp', secret: SECRET, algorithm: 'SHA512', digits: 7, period: 30, counter: 42,
  });
  for (const uri of [`otpauth://steam/Steam:me?secret=${SECRET}`, `otpauth://totp/Steam:me?secret=${SECRET}&encoder=steam&digits=6`]) {
    assert.deepEqual(parseOtpauthUri(uri).otp, { type: 'steam', secret: SECRET, algorithm: 'SHA1', digits: 5, period: 30, counter: 0 }, uri);
  }
});

test('bad links fail with a clear code and never quote the secret', () => {
  const cases: [string, ErrorCode][] = [
    ['https://example.com/?secret=JBSWY3DPEHPK3PXP', 'OTP_INVALID_URI'],
    ['otpauth://motp/x?secret=JBSWY3DPEHPK3PXP', 'OTP_INVALID_URI'],
    ['otpauth://totp/x?issuer=y', 'OTP_INVALID_SECRET'],
    ['otpauth://totp/x?secret=NOT1BASE32SECRET8', 'OTP_INVALID_SECRET'],
    ['otpauth://totp/x%ZZ?secret=JBSWY3DPEHPK3PXP', 'OTP_INVALID_URI'],
    ['otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&digits=six', 'OTP_INVALID_URI'],
    ['otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&digits=10', 'OTP_UNSUPPORTED'],
    ['otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&period=0', 'OTP_UNSUPPORTED'],
    ['otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&algorithm=MD5', 'OTP_UNSUPPORTED'],
  ];
  for (const [uri, code] of cases) {
    assert.throws(() => parseOtpauthUri(uri), (error: unknown) => isAuthdeskError(error, code) && !/JBSWY3DP|NOT1BASE32/.test(error.message), uri);
  }
});

test('an empty, truncated or repeated parameter is refused, never read as its default', () => {
  const values: Readonly<Record<string, string>> = { secret: SECRET, algorithm: 'SHA256', digits: '8', period: '60', counter: '3', encoder: 'steam' };
  for (const [name, value] of Object.entries(values)) {
    const others = Object.entries(values).filter(([n]) => n !== name && n !== 'encoder' && n !== 'counter').map(([n, v]) => `${n}=${v}`);
    const broken = [`${name}`, `${name}=`, `${name}=%20`, `${name}=+`, `${name}=${value}&${name}=${value}`, `${name}=${value}&${name.toUpperCase()}=${value}`];
    for (const param of broken) {
      const uri = `otpauth://hotp/x?${[...others, param].join('&')}`;
      assert.throws(() => parseOtpauthUri(uri), (error: unknown) => isAuthdeskError(error, 'OTP_INVALID_URI') && !error.message.includes(SECRET), uri);
    }
  }
  assert.throws(() => parseOtpauthUri(`otpauth://totp/x?secret=${SECRET}&issuer=A&issuer=B`), (error: unknown) => isAuthdeskError(error, 'OTP_INVALID_URI'));
  assert.equal(parseOtpauthUri(`otpauth://totp/x?secret=${SECRET}&image=a&image=b`).label, 'x', 'unknown parameters are ignored');
});

test('the HOTP counter reaches 2^53 - 1 and no further', () => {
  const at = (counter: string) => parseOtpauthUri(`otpauth://hotp/x?secret=${SECRET}&counter=${counter}`).otp.counter;
  assert.equal(at(String(MAX_HOTP_COUNTER)), 2 ** 53 - 1);
  for (const counter of ['9007199254740992', '9007199254740993', '9999999999999999', '18446744073709551615']) {
    assert.throws(() => at(counter), (error: unknown) => isAuthdeskError(error) && /^OTP_/.test(error.code), counter);
  }
});

test('format then parse is the identity, with names that need escaping', () => {
  const entries = [
    { issuer: 'Air Canada', label: 'béa@example.com', otp: { type: 'hotp', secret: SECRET, algorithm: 'SHA256', digits: 7, period: 30, counter: 50 } },
    { issuer: 'A&B=C?#', label: 'x:y/z 100%', otp: { type: 'totp', secret: SECRET, algorithm: 'SHA512', digits: 8, period: 45, counter: 0 } },
    { issuer: '', label: 'no issuer', otp: { type: 'steam', secret: SECRET, algorithm: 'SHA1', digits: 5, period: 30, counter: 0 } },
  ] as const;
  for (const entry of entries) assert.deepEqual(parseOtpauthUri(formatOtpauthUri(entry)), entry);
  assert.equal(formatOtpauthUri(entries[0]), `otpauth://hotp/Air%20Canada:b%C3%A9a@example.com?secret=${SECRET}&issuer=Air%20Canada&algorithm=SHA256&digits=7&counter=50`);
});

test('reads every line of Aegis plain.txt and Ente Auth exports as the Aegis vectors', { skip: !existsSync(FIXTURES) && 'shared aegis-fixtures not present' }, () => {
  const expected = (JSON.parse(readFileSync(new URL('expected_entries.json', FIXTURES), 'utf8')) as { entries: { type: string; name: string; issuer: string; secret: string; algo: string; digits: number; period?: number; counter?: number }[] }).entries;
  for (const file of ['importers/plain.txt', 'importers/ente_auth.txt']) {
    const lines = readFileSync(new URL(file, FIXTURES), 'utf8').split('\n').filter((line) => line.trim() !== '');
    assert.equal(lines.length, 7, file);
    for (const line of lines) {
      const entry = parseOtpauthUri(line);
      const vector = expected.find((v) => v.secret === entry.otp.secret);
      assert.ok(vector, `${file}: no vector with this secret`);
      assert.deepEqual(
        { type: entry.otp.type, name: entry.label, issuer: entry.issuer, algo: entry.otp.algorithm, digits: entry.otp.digits },
        { type: vector.type, name: vector.name, issuer: vector.issuer, algo: vector.algo, digits: vector.digits },
      );
      if (vector.type === 'hotp') assert.equal(entry.otp.counter, vector.counter);
      else assert.equal(entry.otp.period, vector.period);
    }
  }
});
