// Runs in: tests. The sandbox's own RFC 6238 code against the RFC's published vectors (SHA-1),
// so the server side of every OTP check is known to be right independently of the app.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { totp } from '../../sandbox/totp.ts';

// Base32 of the RFC's ASCII key "12345678901234567890".
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

test('RFC 6238 appendix B vectors, 8 digits, 30-second steps', () => {
  const vectors: [number, string][] = [[59, '94287082'], [1111111109, '07081804'], [1111111111, '14050471'], [1234567890, '89005924'], [2000000000, '69279037'], [20000000000, '65353130']];
  for (const [seconds, code] of vectors) assert.equal(totp(RFC_SECRET, seconds * 1000, { digits: 8 }), code, `T=${seconds}`);
});
