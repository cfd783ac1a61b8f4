// Runs in: tests.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { dynamicTruncate } from '@otplib/core';
import { generateSync } from 'otplib';
import { encodeBase32 } from '../../../electron/core/otp/base32.ts';
import { KeyObjectCryptoPlugin } from '../../../electron/core/otp/crypto-plugin.ts';
import { counterCode, timeCode } from '../../../electron/core/otp/engine.ts';
import { otpParams } from '../../../electron/core/otp/entry.ts';
import { encodeSteam } from '../../../electron/core/otp/steam.ts';
import type { OtpAlgorithm } from '../../../electron/core/otp/params.ts';

const FIXTURES = new URL('../../../../shared/aegis-fixtures/', import.meta.url);
const noFixtures = !existsSync(FIXTURES) && 'shared aegis-fixtures not present';

function fixture<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(name, FIXTURES), 'utf8')) as T;
}

const ascii = (text: string) => encodeBase32(Buffer.from(text));

// Note (inlined vectors): the published conformance vectors live here, not in ../shared, so
// conformance never skips. RFC 6238 Appendix B: 8 digits, 30 s steps, seeds of "1234567890"
// repeated to 20, 32 and 64 bytes.
const RFC6238_SEEDS: Record<OtpAlgorithm, string> = {
  SHA1: ascii('12345678901234567890'),
  SHA256: ascii('12345678901234567890123456789012'),
  SHA512: ascii('1234567890123456789012345678901234567890123456789012345678901234'),
};
const RFC6238_CODES: readonly (readonly [time: number, codes: Record<OtpAlgorithm, string>])[] = [
  [59, { SHA1: '94287082', SHA256: '46119246', SHA512: '90693936' }],
  [1111111109, { SHA1: '07081804', SHA256: '68084774', SHA512: '25091201' }],
  [1111111111, { SHA1: '14050471', SHA256: '67062674', SHA512: '99943326' }],
  [1234567890, { SHA1: '89005924', SHA256: '91819424', SHA512: '93441116' }],
  [2000000000, { SHA1: '69279037', SHA256: '90698825', SHA512: '38618901' }],
  [20000000000, { SHA1: '65353130', SHA256: '77737706', SHA512: '47863826' }],
];

// RFC 4226 Appendix D: HOTP-SHA1, 6 digits, secret "12345678901234567890", counters 0 to 9.
const RFC4226_CODES = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];

// Yubico's yubioath-flutter SteamCredentialTest.kt: an HMAC-SHA1 result and its Steam code.
const STEAM_FROM_HMAC: readonly (readonly [hmacHex: string, code: string])[] = [
  ['6ad0d2d1674ad2a7c725c075901977f195bb4649', 'MV32B'],
  ['c5f852852f839924171b6cf6d272a1467bc62958', 'V8YBM'],
  ['0a7053666137e5d2c8e96e0b2b52d5b1f3be1cf8', 'NN6VX'],
  ['ed6d29417dfc8c0b800a1891181632802fd965c9', 'RB5N8'],
];

test('RFC 6238 Appendix B: every time and algorithm, 8 digits', () => {
  let checked = 0;
  for (const [time, codes] of RFC6238_CODES) {
    for (const algorithm of ['SHA1', 'SHA256', 'SHA512'] as const) {
      assert.equal(timeCode(otpParams({ type: 'totp', secret: RFC6238_SEEDS[algorithm], algorithm, digits: 8 }), time), codes[algorithm], `${algorithm} at ${time}`);
      checked++;
    }
  }
  assert.equal(checked, 18);
});

test('RFC 4226 Appendix D: counters 0 to 9', () => {
  const otp = otpParams({ type: 'hotp', secret: ascii('12345678901234567890') });
  assert.deepEqual(RFC4226_CODES.map((_, counter) => counterCode(otp, counter)), RFC4226_CODES);
});

test("Yubico's Steam vectors: an HMAC-SHA1 result becomes the right 5 characters", () => {
  for (const [hmacHex, code] of STEAM_FROM_HMAC) assert.equal(encodeSteam(dynamicTruncate(Buffer.from(hmacHex, 'hex')), 5), code);
});

test("every code equals otplib's own generateSync, for random secrets, algorithms, digits, periods and times", () => {
  const algorithms: OtpAlgorithm[] = ['SHA1', 'SHA256', 'SHA512'];
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
  for (let i = 0; i < 300; i++) {
    const secret = Buffer.from(Array.from({ length: 16 + (next() % 49) }, () => next() % 256));
    const algorithm = algorithms[next() % 3] ?? 'SHA1';
    const digits = 6 + (next() % 3);
    const period = [15, 30, 60, 90][next() % 4] ?? 30;
    const epoch = next() * 3;
    const otp = otpParams({ type: 'totp', secret: encodeBase32(secret), algorithm, digits, period });
    const reference = generateSync({ secret: Uint8Array.from(secret), epoch, period, digits: digits as 6 | 7 | 8, algorithm: algorithm.toLowerCase() as 'sha1' });
    assert.equal(timeCode(otp, epoch), reference, `${algorithm}/${digits}/${period} at ${epoch}`);
    const hotp = otpParams({ type: 'hotp', secret: encodeBase32(secret), algorithm, digits });
    const counter = next() % 100_000;
    assert.equal(counterCode(hotp, counter), generateSync({ strategy: 'hotp', secret: Uint8Array.from(secret), counter, digits: digits as 6 | 7 | 8, algorithm: algorithm.toLowerCase() as 'sha1' }), `HOTP ${counter}`);
  }
});

test('the Aegis vectors give the reference codes (TOTP with 20 s and 50 s periods, HOTP, Steam)', { skip: noFixtures }, () => {
  const { entries } = fixture<{ entries: { type: 'totp' | 'hotp' | 'steam'; secret: string; algo: OtpAlgorithm; digits: number; period?: number; reference_codes: Record<string, string> }[] }>('expected_entries.json');
  let checked = 0;
  for (const entry of entries) {
    const otp = otpParams({ type: entry.type, secret: entry.secret, algorithm: entry.algo, digits: entry.digits, period: entry.period });
    for (const [at, code] of Object.entries(entry.reference_codes)) {
      const [kind, value] = at.split('=');
      const actual = kind === 'counter' ? counterCode(otp, Number(value)) : timeCode(otp, Number(value));
      assert.equal(actual, code, `${entry.type} ${entry.algo} ${at}`);
      checked++;
    }
  }
  assert.equal(checked, 31);
});

test('80-bit secrets, shorter than otplib’s default minimum, still give codes', () => {
  // The RFC 6238 SHA1 vector at t=59 with the first 10 bytes of its seed, checked by hand.
  const secret = Buffer.from('1234567890');
  const otp = otpParams({ type: 'totp', secret: encodeBase32(secret), digits: 8 });
  const mac = createHmac('sha1', secret).update(Buffer.from([0, 0, 0, 0, 0, 0, 0, 1])).digest();
  const offset = (mac[19] ?? 0) & 15;
  const expected = String((mac.readUInt32BE(offset) & 0x7fffffff) % 1e8).padStart(8, '0');
  assert.equal(timeCode(otp, 59), expected);
});

test('codes change at period boundaries and honour 6 to 8 digits', () => {
  const otp = otpParams({ type: 'totp', secret: RFC6238_SEEDS.SHA1, digits: 7, period: 45 });
  assert.equal(timeCode(otp, 45), timeCode(otp, 89));
  assert.notEqual(timeCode(otp, 89), timeCode(otp, 90));
  assert.match(timeCode(otp, 90), /^\d{7}$/);
  assert.match(timeCode(otpParams({ type: 'steam', secret: RFC6238_SEEDS.SHA1 }), 90), /^[23456789BCDFGHJKMNPQRTVWXY]{5}$/);
});

test('the KeyObject plugin computes the same HMAC as createHmac, for every spelling otplib allows', () => {
  const plugin = new KeyObjectCryptoPlugin();
  const key = Buffer.from('a key of some bytes');
  const data = Buffer.from([1, 2, 3]);
  for (const [name, digest] of [['sha1', 'sha1'], ['SHA-256', 'sha256'], ['Sha_512', 'sha512']] as const) {
    for (let i = 0; i < 2; i++) assert.deepEqual(Buffer.from(plugin.hmac(name as 'sha1', key, data)), createHmac(digest, key).update(data).digest());
  }
  // One plugin handed different keys in turn never answers with the previous key's KeyObject.
  const other = Buffer.from('another key');
  for (const k of [key, other, key, other]) assert.deepEqual(Buffer.from(plugin.hmac('sha1', k, data)), createHmac('sha1', k).update(data).digest());
  assert.throws(() => plugin.hmac('md5' as 'sha1', key, data), /md5|unsupported/i);
  assert.equal(plugin.constantTimeEqual('123456', '123456'), true);
  assert.equal(plugin.constantTimeEqual('123456', '123457'), false);
  assert.equal(plugin.constantTimeEqual('123456', '12345'), false);
});
