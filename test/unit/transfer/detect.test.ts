// Runs in: tests.
//
// Files that are not backups: random bytes and pictures are "not recognised", whatever their
// size and with or without a password given, and never taken for an encrypted andOTP backup
// (which would end as "wrong password").
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { isAuthdeskError } from '../../../electron/core/errors.ts';
import { importData } from '../../../electron/core/transfer/index.ts';

// The one kind of random file detection may take for andOTP: its header holds 140,000 to
// 160,000 PBKDF2 rounds (detect.ts, "andOTP without magic"), about one file in 215,000.
function hasAndOtpRounds(bytes: Uint8Array): boolean {
  const rounds = bytes.length >= 4 ? Buffer.from(bytes).readUInt32BE(0) : 0;
  return rounds >= 140_000 && rounds <= 160_000;
}

function randomFile(length: number): Uint8Array {
  let bytes = randomBytes(length);
  while (hasAndOtpRounds(bytes)) bytes = randomBytes(length);
  return bytes;
}

async function refusal(bytes: Uint8Array, password?: string): Promise<{ code: string; message: string }> {
  try {
    await importData(bytes, password === undefined ? {} : { password });
  } catch (error) {
    assert.ok(isAuthdeskError(error), String(error));
    return { code: error.code, message: error.message };
  }
  assert.fail('the file was imported');
}

const LENGTHS = [1, 7, 27, 28, 44, 45, 100, 1_000, 4_096, 65_537];
const IMAGES: readonly (readonly [string, Buffer])[] = [
  ['PNG', Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')],
  ['JPEG', Buffer.from('ffd8ffe000104a464946', 'hex')],
  ['GIF', Buffer.from('GIF89a', 'latin1')],
  ['WebP', Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x24, 0, 0, 0]), Buffer.from('WEBPVP8 ')])],
];

describe('detecting what is not a backup', () => {
  it('random bytes of any length are not recognised, and no password is asked for or blamed', async () => {
    for (const length of LENGTHS) {
      for (let i = 0; i < 20; i++) {
        const bytes = randomFile(length);
        for (const password of [undefined, 'some password']) {
          const { code, message } = await refusal(bytes, password);
          // A few random bytes can happen to be text (say "{"): then "damaged" is as true.
          const expected = length < 28 ? ['IMPORT_UNKNOWN_FORMAT', 'IMPORT_MALFORMED'] : ['IMPORT_UNKNOWN_FORMAT'];
          assert.ok(expected.includes(code), `${length} random bytes: ${code}: ${message}`);
        }
      }
    }
  });

  it('pictures are named as pictures, with what to do about their QR code', async () => {
    for (const [name, header] of IMAGES) {
      for (const length of [0, 10, 5_000]) {
        const { code, message } = await refusal(Buffer.concat([header, randomBytes(length)]), 'some password');
        assert.equal(code, 'IMPORT_UNKNOWN_FORMAT', `${name}: ${message}`);
        assert.match(message, new RegExp(`This is an? ${name} image, not a backup`));
        assert.match(message, /QR code/);
      }
    }
  });

  it('an encrypted andOTP backup is still recognised by its rounds header', async () => {
    const header = Buffer.alloc(4);
    header.writeUInt32BE(150_000);
    assert.equal((await refusal(Buffer.concat([header, randomBytes(100)]))).code, 'IMPORT_PASSWORD_REQUIRED');
  });
});
