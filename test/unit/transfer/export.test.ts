// Runs in: tests.
//
// The exporters write what the other apps read: an Aegis vault decrypted here by the
// procedure of Aegis's docs/vault.md (not by our importer), otpauth:// lines, and Google
// migration QR codes that a QR reader turns back into the same accounts.

import assert from 'node:assert/strict';
import { createDecipheriv, createHash, scryptSync } from 'node:crypto';
import { test } from 'node:test';
import { parseOtpauthUri } from '../../../electron/core/otp/uri.ts';
import { exportAegis, exportGoogleMigration, exportOtpauthList, importData } from '../../../electron/core/transfer/index.ts';
import { scanQrPng } from '../../support/qr-scan.ts';
import { ENTRIES, ICON, PASSWORD } from './samples.ts';
import { toVault, userView } from './support.ts';

const { accounts, groups } = toVault(ENTRIES);

interface AegisFile {
  version: number;
  header: { slots: { type: number; key: string; key_params: { nonce: string; tag: string }; n: number; r: number; p: number; salt: string }[] | null; params: { nonce: string; tag: string } | null };
  db: unknown;
}

function gcmOpen(key: Buffer, nonceHex: string, tagHex: string, data: Buffer): Buffer {
  const d = createDecipheriv('aes-256-gcm', key, Buffer.from(nonceHex, 'hex'));
  d.setAuthTag(Buffer.from(tagHex, 'hex'));
  return Buffer.concat([d.update(data), d.final()]);
}

test('encrypted Aegis export: one scrypt (2^15, 8, 1) password slot, content v3 under AES-256-GCM', async () => {
  const file = JSON.parse(await exportAegis(accounts, { groups, password: PASSWORD })) as AegisFile;
  assert.equal(file.version, 1);
  const [slot] = file.header.slots ?? [];
  assert.ok(slot && file.header.params && typeof file.db === 'string');
  assert.deepEqual([slot.type, slot.n, slot.r, slot.p, slot.salt.length, slot.key_params.nonce.length], [1, 32768, 8, 1, 64, 24]);
  const slotKey = scryptSync(PASSWORD, Buffer.from(slot.salt, 'hex'), 32, { N: slot.n, r: slot.r, p: slot.p, maxmem: 64 * 1024 * 1024 });
  const masterKey = gcmOpen(slotKey, slot.key_params.nonce, slot.key_params.tag, Buffer.from(slot.key, 'hex'));
  const content = JSON.parse(gcmOpen(masterKey, file.header.params.nonce, file.header.params.tag, Buffer.from(file.db, 'base64')).toString('utf8')) as {
    version: number;
    entries: { type: string; name: string; issuer: string; favorite: boolean; note: string; groups: string[]; icon: string | null; icon_mime: string | null; icon_hash: string | null; info: Record<string, unknown> }[];
    groups: { uuid: string; name: string }[];
  };
  assert.equal(content.version, 3);
  assert.deepEqual(content.groups.map((g) => g.name), ['Work']);
  const [first, second, third] = content.entries;
  assert.deepEqual(first && [first.type, first.name, first.issuer, first.favorite, first.note, first.groups], ['totp', 'alice@example.com', 'GitHub', true, 'Recovery codes are in the safe', [content.groups[0]?.uuid]]);
  const iconBytes = Buffer.from(ICON.split(',')[1] ?? '', 'base64');
  assert.deepEqual(first && [first.icon, first.icon_mime, first.icon_hash], [iconBytes.toString('base64'), 'image/png', createHash('sha256').update(iconBytes).digest('hex')]);
  assert.deepEqual(second && [second.icon, second.icon_mime], [null, null]);
  assert.deepEqual(second?.info, { secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', algo: 'SHA256', digits: 8, counter: 5 });
  assert.deepEqual(third && [third.type, third.info], ['steam', { secret: 'KRUGS4ZANFZSAYJAON2GKYLNEBZWKY3SMV2A', algo: 'SHA1', digits: 5, period: 30 }]);
});

test('each encrypted Aegis export has its own salt, nonces and master key', async () => {
  const a = JSON.parse(await exportAegis(accounts, { password: PASSWORD })) as AegisFile;
  const b = JSON.parse(await exportAegis(accounts, { password: PASSWORD })) as AegisFile;
  assert.notEqual(a.header.slots?.[0]?.salt, b.header.slots?.[0]?.salt);
  assert.notEqual(a.header.params?.nonce, b.header.params?.nonce);
  assert.notEqual(a.header.slots?.[0]?.key, b.header.slots?.[0]?.key);
});

test('plain Aegis export is readable JSON with null slots, and imports back unchanged', async () => {
  const text = await exportAegis(accounts, { groups });
  const file = JSON.parse(text) as AegisFile;
  assert.deepEqual(file.header, { slots: null, params: null });
  const back = await importData(text);
  assert.deepEqual(back.entries.map(userView), ENTRIES.map(userView));
});

test('an icon slug (not an image) is written as no icon, so Aegis never reads a broken one', async () => {
  const [first] = accounts;
  assert.ok(first);
  const file = JSON.parse(await exportAegis([{ ...first, icon: 'github' }])) as { db: { entries: { icon: unknown; icon_mime: unknown }[] } };
  assert.deepEqual(file.db.entries.map((e) => [e.icon, e.icon_mime]), [[null, null]]);
});

test('an account in a group the export was not given keeps no dangling group reference', async () => {
  const text = await exportAegis(accounts, { groups: [] });
  const back = await importData(text);
  assert.ok(back.entries.every((e) => e.groups === undefined));
});

test('otpauth list: one line per account, each parsing back to the account', () => {
  const lines = exportOtpauthList(accounts).trimEnd().split('\n');
  assert.equal(lines.length, accounts.length);
  assert.deepEqual(
    lines.map((l) => parseOtpauthUri(l)),
    ENTRIES.map((e) => ({ issuer: e.issuer, label: e.label, otp: e.otp })),
  );
});

test('Google migration export: QR codes that read back as the same accounts, Steam left out and named', async () => {
  const result = await exportGoogleMigration(accounts);
  assert.deepEqual(result.skipped, [accounts[2]?.id]);
  assert.equal(result.qrCodes.length, result.uris.length);
  const scanned = result.qrCodes.map((png) => scanQrPng(png));
  assert.deepEqual(scanned, result.uris);
  const back = await importData(scanned.join('\n'));
  assert.deepEqual(back.entries.map(userView), ENTRIES.slice(0, 2).map((e) => userView({ issuer: e.issuer, label: e.label, otp: e.otp })));
});

test('Google migration export of only Steam accounts gives no QR code rather than an empty one', async () => {
  const result = await exportGoogleMigration(accounts.slice(2));
  assert.deepEqual([result.uris.length, result.qrCodes.length, result.skipped.length], [0, 0, 1]);
});

test('a Google migration export without images draws none, and its links are the same', async () => {
  const { accounts } = toVault(ENTRIES);
  const withImages = await exportGoogleMigration(accounts);
  const without = await exportGoogleMigration(accounts, { qrCodes: false });
  assert.ok(withImages.qrCodes.length > 0);
  assert.deepEqual(without.qrCodes, []);
  assert.equal(without.uris.length, withImages.uris.length);
});
