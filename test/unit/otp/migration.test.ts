// Runs in: tests.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { isAuthdeskError } from '../../../electron/core/errors.ts';
import { encodeBase32 } from '../../../electron/core/otp/base32.ts';
import type { OtpEntry } from '../../../electron/core/otp/entry.ts';
import { decodeMigrationUri, decodeMigrationUris, encodeMigration, fitsMigration } from '../../../electron/core/otp/migration.ts';
import { formatOtpauthUri, parseOtpauthUri } from '../../../electron/core/otp/uri.ts';

const VECTORS = new URL('../../../../shared/aegis-fixtures/otp_vectors.json', import.meta.url);
const noFixtures = !existsSync(VECTORS) && 'shared aegis-fixtures not present';

interface MigrationVector {
  uri: string;
  expect_otpauth?: string;
  decoded_by_this_research?: { secret: string; name: string; issuer: string; type: string };
  expect?: { account: string; issuer: string; secret: string; algorithm: string; version: number; batch_size: number; batch_index: number } | string;
}

function vectors(): MigrationVector[] {
  return (JSON.parse(readFileSync(VECTORS, 'utf8')) as { google_migration: MigrationVector[] }).google_migration;
}

test('decodes the dim13/otpauth and GNOME Authenticator vectors', { skip: noFixtures }, () => {
  const [dim13, stdBase64, gnome] = vectors();
  assert.ok(dim13 && stdBase64 && gnome);
  const first = decodeMigrationUri(dim13.uri).entries;
  assert.equal(first.length, 1);
  assert.deepEqual(first[0], parseOtpauthUri(dim13.expect_otpauth ?? ''));

  const second = decodeMigrationUri(stdBase64.uri).entries[0];
  assert.deepEqual(second && { secret: second.otp.secret, issuer: second.issuer, label: second.label, type: second.otp.type }, {
    secret: stdBase64.decoded_by_this_research?.secret, issuer: 'Example', label: 'alice@google.com', type: 'totp',
  });

  const batch = decodeMigrationUri(gnome.uri);
  const expected = gnome.expect as Exclude<MigrationVector['expect'], string | undefined>;
  assert.deepEqual(
    { version: batch.version, batchSize: batch.batchSize, batchIndex: batch.batchIndex },
    { version: expected.version, batchSize: expected.batch_size, batchIndex: expected.batch_index },
  );
  assert.deepEqual(batch.entries, [{ issuer: expected.issuer, label: expected.account, otp: { type: 'totp', secret: expected.secret, algorithm: 'SHA1', digits: 6, period: 30, counter: 0 } }]);
});

function randomEntry(i: number): OtpEntry {
  const bytes = randomBytes(1 + (i % 3) * 10 + (i % 11));
  const hotp = i % 4 === 0;
  return {
    issuer: i % 5 === 0 ? '' : `Issuer ${i} ${bytes.toString('hex').slice(0, i % 7)} é&=`,
    label: `user${i}+${'x'.repeat(i % 13)}@example.com`,
    otp: {
      type: hotp ? 'hotp' : 'totp',
      secret: encodeBase32(bytes),
      algorithm: (['SHA1', 'SHA256', 'SHA512'] as const)[i % 3] ?? 'SHA1',
      digits: i % 2 === 0 ? 6 : 8,
      period: 30,
      counter: hotp ? i * 1000 + (i % 7) : 0,
    },
  };
}

test('encode then decode is the identity on 1,000 random accounts, split into QR-sized batches', () => {
  const entries = Array.from({ length: 1000 }, (_, i) => randomEntry(i));
  const uris = encodeMigration(entries, { maxUriLength: 1000 });
  assert.ok(uris.length > 20, `expected many QR codes, got ${uris.length}`);
  for (const uri of uris) assert.ok(uri.length <= 1000, `a batch is ${uri.length} characters`);
  const batches = uris.map(decodeMigrationUri);
  assert.equal(new Set(batches.map((b) => b.batchId)).size, 1);
  assert.deepEqual(batches.map((b) => b.batchIndex), uris.map((_, i) => i));
  assert.ok(batches.every((b) => b.batchSize === uris.length && b.version === 1));
  // Scanned in any order and one scanned twice: same accounts, in export order.
  assert.deepEqual(decodeMigrationUris([...uris].reverse().concat(uris[0] ?? '')), entries);
});

test('several old single-QR exports (no batch id) are all imported', { skip: noFixtures }, () => {
  const [dim13, stdBase64, gnome] = vectors();
  const entries = decodeMigrationUris([dim13?.uri ?? '', stdBase64?.uri ?? '', gnome?.uri ?? '']);
  assert.deepEqual(entries.map((e) => e.issuer), ['Example', 'Example', 'Discord']);
});

test('a missing QR code of a multi-code export is an error, not a partial import', () => {
  const uris = encodeMigration(Array.from({ length: 60 }, (_, i) => randomEntry(i + 1)), { maxUriLength: 600 });
  assert.ok(uris.length >= 3);
  assert.throws(() => decodeMigrationUris(uris.slice(0, -1)), (e: unknown) => isAuthdeskError(e, 'OTP_INVALID_URI') && e.message.includes(`${uris.length} of ${uris.length}`));
});

test('only what Google Authenticator can hold is encoded', () => {
  const totp = parseOtpauthUri('otpauth://totp/a?secret=JBSWY3DPEHPK3PXP');
  const refused = ['otpauth://steam/a?secret=JBSWY3DPEHPK3PXP', 'otpauth://totp/a?secret=JBSWY3DPEHPK3PXP&digits=7', 'otpauth://totp/a?secret=JBSWY3DPEHPK3PXP&period=60'].map(parseOtpauthUri);
  assert.equal(fitsMigration(totp), true);
  for (const entry of refused) {
    assert.equal(fitsMigration(entry), false, formatOtpauthUri(entry));
    assert.throws(() => encodeMigration([totp, entry]), (e: unknown) => isAuthdeskError(e, 'OTP_UNSUPPORTED'));
  }
});

test('damaged exports fail with OTP_INVALID_URI', () => {
  for (const uri of ['otpauth://totp/x?secret=A', 'otpauth-migration://offline?foo=1', 'otpauth-migration://offline?data=%%%', 'otpauth-migration://offline?data=!!!!', 'otpauth-migration://offline?data=CjEKCkhlbGxv']) {
    assert.throws(() => decodeMigrationUri(uri), (e: unknown) => isAuthdeskError(e, 'OTP_INVALID_URI'), uri);
  }
});
