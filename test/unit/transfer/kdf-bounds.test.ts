// Runs in: tests.
//
// A file chooses its own key-derivation settings in Aegis vaults, andOTP backups and
// Authdesk backups. Settings beyond what the format's own app ever writes (plus a margin) are
// refused at once with a clear message, before any key is derived, whatever the password.

import assert from 'node:assert/strict';
import { createCipheriv, pbkdf2Sync, randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { isAuthdeskError } from '../../../electron/core/errors.ts';
import { importData } from '../../../electron/core/transfer/index.ts';
import { encodeEnvelope } from '../../../electron/core/vault/envelope.ts';
import type { KdfParams } from '../../../electron/core/vault/kdf.ts';
import { PASSWORD, samples } from './samples.ts';

const all = await samples();

function refusedAsExcessive(app: string) {
  return (error: unknown) => {
    assert.ok(isAuthdeskError(error, 'IMPORT_MALFORMED'), `expected IMPORT_MALFORMED, got ${String(error)}`);
    assert.equal(error.message, `This file asks for far more key-derivation work than ${app} ever uses; it is damaged or crafted, and was not opened.`);
    return true;
  };
}

function aegisWithSlots(edit: (slots: Array<Record<string, unknown>>) => Array<Record<string, unknown>>): Buffer {
  const sample = all.find((s) => s.name === 'aegis encrypted');
  assert.ok(sample);
  const file = JSON.parse(Buffer.from(sample.bytes).toString('utf8')) as { header: { slots: Array<Record<string, unknown>> } };
  file.header.slots = edit(file.header.slots);
  return Buffer.from(JSON.stringify(file), 'utf8');
}

// Aegis writes N=2^15, r=8, p=1.
const AEGIS_BEYOND: ReadonlyArray<{ n: number; r: number; p: number }> = [
  { n: 2 ** 20, r: 8, p: 1 },
  { n: 2 ** 15, r: 64, p: 1 },
  { n: 2 ** 15, r: 8, p: 16 },
  { n: 2 ** 16, r: 8, p: 2 },
  { n: 2 ** 14, r: 8, p: 1000 },
];

for (const params of AEGIS_BEYOND) {
  test(`an Aegis vault asking for scrypt N=${params.n} r=${params.r} p=${params.p} is refused`, async () => {
    const file = aegisWithSlots((slots) => slots.map((slot) => ({ ...slot, ...params })));
    await assert.rejects(importData(file, { password: PASSWORD }), refusedAsExcessive('Aegis'));
  });
}

test('an Aegis vault is refused when any slot asks too much, even one after a slot the password opens', async () => {
  const file = aegisWithSlots(([slot]) => [slot ?? {}, { ...slot, n: 2 ** 16, p: 2 }]);
  await assert.rejects(importData(file, { password: PASSWORD }), refusedAsExcessive('Aegis'));
});

test('an Aegis vault with the settings Aegis writes still opens', async () => {
  const result = await importData(aegisWithSlots((slots) => slots), { password: PASSWORD });
  assert.ok(result.entries.length > 0);
});

test('an andOTP backup claiming more than twice the PBKDF2 rounds andOTP writes is not derived with them', async () => {
  const rounds = 400_000;
  const salt = randomBytes(12);
  const nonce = randomBytes(12);
  const key = pbkdf2Sync(PASSWORD, salt, rounds, 32, 'sha1');
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  const sealed = Buffer.concat([cipher.update('[]', 'utf8'), cipher.final(), cipher.getAuthTag()]);
  const head = Buffer.alloc(4);
  head.writeUInt32BE(rounds);
  await assert.rejects(importData(Buffer.concat([head, salt, nonce, sealed]), { format: 'andotp', password: PASSWORD }), (error: unknown) => isAuthdeskError(error, 'IMPORT_WRONG_PASSWORD'));
});

function authdeskBackup(kdf: KdfParams): Buffer {
  const slot = { type: 'password' as const, salt: randomBytes(16), kdf, wrapNonce: randomBytes(12), wrappedKey: randomBytes(48) };
  return encodeEnvelope([slot], randomBytes(32), Buffer.from('{}'));
}

// Authdesk writes 64 MiB, parallelism 4 and at most 48 iterations.
const MIB = 1024;
const AUTHDESK_BEYOND: readonly KdfParams[] = [
  { memoryKiB: 4 * 1024 * MIB, iterations: 1, parallelism: 1 },
  { memoryKiB: 129 * MIB, iterations: 1, parallelism: 4 },
  { memoryKiB: 64, iterations: 97, parallelism: 1 },
  { memoryKiB: 64, iterations: 1000, parallelism: 1 },
  { memoryKiB: 1 * MIB, iterations: 3, parallelism: 9 },
  { memoryKiB: 128 * MIB, iterations: 49, parallelism: 4 },
];

for (const kdf of AUTHDESK_BEYOND) {
  test(`an Authdesk backup asking for Argon2id ${kdf.memoryKiB} KiB, t=${kdf.iterations}, p=${kdf.parallelism} is refused`, async () => {
    await assert.rejects(importData(authdeskBackup(kdf), { password: PASSWORD }), refusedAsExcessive('Authdesk'));
  });
}
