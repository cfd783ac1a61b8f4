// Runs in: tests.
//
// Text pasted or read from a file can be anything: every strip or check of it must take time
// proportional to its length, never its square.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeBase32 } from '../../../electron/core/otp/base32.ts';
import { parseOtpauthUri } from '../../../electron/core/otp/uri.ts';
import { base64Bytes } from '../../../electron/core/transfer/bytes.ts';
import { steamSecret } from '../../../electron/core/transfer/steam-uri.ts';
import { growthRatio } from '../../support/growth.ts';

const N = 20_000;
// Linear work gives about 4; quadratic about 16.
const MAX_RATIO = 8;

const CASES: ReadonlyArray<{ what: string; fn: (input: string) => unknown; make: (n: number) => string }> = [
  { what: 'a secret of "=" padding then a letter', fn: decodeBase32, make: (n) => `A${'='.repeat(n)}B` },
  { what: 'a secret of spaces and dashes then "="', fn: decodeBase32, make: (n) => `${' -'.repeat(n)}=x` },
  { what: 'a steam:// link of "/" then a letter', fn: steamSecret, make: (n) => `steam://${'/'.repeat(n)}A` },
  { what: 'Base64 of "=" then a letter', fn: base64Bytes, make: (n) => `AAAA${'='.repeat(n)}A` },
  { what: 'an otpauth URI with a long padded secret', fn: parseOtpauthUri, make: (n) => `otpauth://totp/x?secret=A${'='.repeat(n)}B` },
];

for (const { what, fn, make } of CASES) {
  test(`${what} is handled in linear time`, () => {
    const ratio = growthRatio(fn, make, N);
    assert.ok(ratio < MAX_RATIO, `4x the input took ${ratio.toFixed(1)}x the time`);
  });
}
