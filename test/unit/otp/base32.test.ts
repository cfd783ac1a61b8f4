// Runs in: tests.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeBase32, encodeBase32 } from '../../../electron/core/otp/base32.ts';
import { isAuthdeskError } from '../../../electron/core/errors.ts';

const HELLO = Uint8Array.from(Buffer.from('Hello!\xde\xad\xbe\xef', 'latin1'));

test('decodes RFC 4648 Base32 in the shapes people paste', () => {
  for (const text of ['JBSWY3DPEHPK3PXP', 'jbswy3dpehpk3pxp', 'JBSW Y3DP EHPK 3PXP', 'jbsw-y3dp-ehpk-3pxp', 'JBSWY3DPEHPK3PXP======', ' JBSWY3DPEHPK3PXP\n']) {
    assert.deepEqual(decodeBase32(text), HELLO, text);
  }
});

test('accepts secrets whose unused trailing bits are set, as other authenticators do', () => {
  // 26 characters carry 130 bits: the last 2 are spare. Aegis' own Steam vector sets them.
  assert.equal(decodeBase32('JRZCL47CMXVOQMNPZR2F7J4RGJ').length, 16);
  assert.deepEqual(decodeBase32('JRZCL47CMXVOQMNPZR2F7J4RGJ'), decodeBase32('JRZCL47CMXVOQMNPZR2F7J4RGI'));
});

test('encodes upper case without padding, and round-trips every length', () => {
  assert.equal(encodeBase32(HELLO), 'JBSWY3DPEHPK3PXP');
  for (let length = 1; length <= 40; length++) {
    const bytes = Uint8Array.from({ length }, (_, i) => (i * 37 + length) & 255);
    const text = encodeBase32(bytes);
    assert.doesNotMatch(text, /=/);
    assert.deepEqual(decodeBase32(text.toLowerCase()), bytes);
  }
});

test('rejects what is not Base32 with OTP_INVALID_SECRET and never quotes the input', () => {
  for (const text of ['', '   ', 'JBSWY3DPEHPK3PX1', 'JBSWY3DPEHPK3PX!', 'A', 'ABC', 'ABCDEF', 'JBSWY3DP=EHPK3PXP']) {
    assert.throws(
      () => decodeBase32(text),
      (error: unknown) => isAuthdeskError(error, 'OTP_INVALID_SECRET') && (text.length < 8 || !error.message.includes(text)),
      JSON.stringify(text),
    );
  }
});
