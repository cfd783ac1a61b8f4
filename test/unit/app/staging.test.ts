// Runs in: tests. Adding accounts in two steps through the real core: a preview that says what
// will be added, what is a duplicate and what is refused, and nothing saved until commit.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { STAGE_MINUTES } from '../../../electron/core/app/staging.ts';
import { AuthdeskError } from '../../../electron/core/errors.ts';
import { DARK_MODE, GITHUB } from '../../fixtures/qr/links.ts';
import { FakeClock } from '../../support/clock.ts';
import { createTestCore, type TestCore } from '../../support/core.ts';
import { drawPng } from '../../support/png.ts';

const AEGIS = join(import.meta.dirname, '../../../../shared/aegis-fixtures/importers/aegis_encrypted.json');
const fixture = (name: string) => readFile(join(import.meta.dirname, '../../fixtures/qr', name));

let dir: string;
let t: TestCore;
const clock = new FakeClock(Date.now());

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'authdesk-staging-'));
  t = createTestCore(join(dir, 'vault.authdesk'), { clock });
  await t.core.vault.create('correct horse');
});

after(async () => {
  t.core.dispose();
  await rm(dir, { recursive: true, force: true });
});

const codeOf = (error: unknown) => (error as { code?: string }).code;

test('a link is previewed without a secret, marked as a duplicate once in the vault, and added on commit', async () => {
  const preview = await t.core.staging.link(GITHUB);
  assert.deepEqual(preview.items, [{ issuer: 'GitHub', label: 'octo@example.com', type: 'totp', icon: null, duplicate: false, warning: null }]);
  assert.doesNotMatch(JSON.stringify(preview), /JBSWY3DPEHPK3PXP/);
  assert.equal(t.core.accounts.list().length, 0, 'nothing saved before the user confirms');
  assert.deepEqual(await t.core.staging.commit(preview.id), { added: 1, skipped: 0 });
  const again = await t.core.staging.link(GITHUB);
  assert.equal(again.items[0]?.duplicate, true);
  assert.deepEqual(await t.core.staging.commit(again.id), { added: 0, skipped: 1 });
  await assert.rejects(t.core.staging.commit(again.id), (e) => codeOf(e) === 'NOT_FOUND', 'a staging commits once');
});

test('text that is not an account link is refused with what to paste instead', async () => {
  await assert.rejects(t.core.staging.link('https://example.com'), /starts with otpauth:\/\//);
});

test('a picture: every account code is listed, a code that is not an account is reported, not dropped', async () => {
  const three = await t.core.staging.image(await fixture('screenshot-three.png'), 'shot.png');
  assert.deepEqual(three.items.map((i) => i.issuer).sort(), ['GitHub', 'Mozilla', 'Tinyco']);
  assert.equal(three.items.find((i) => i.issuer === 'GitHub')?.duplicate, true);
  const dark = await t.core.staging.image(await fixture('dark-mode.png'), 'dark.png');
  assert.deepEqual(dark.items.map((i) => i.issuer).sort(), ['Gitlab', 'Proton']);
  assert.equal(dark.refused.length, 1);
  assert.match(dark.refused[0]?.what ?? '', /^QR code [12]$/);
  assert.match(dark.refused[0]?.reason ?? '', /web address or other text, not an account/);
  assert.equal(dark.items.length + dark.refused.length, DARK_MODE.length + 1, 'the Google code holds two accounts');
});

test('typed fields are checked by core’s rules; a wrong secret names its field', async () => {
  const fields = { issuer: 'Typed', label: 'me', secret: 'JBSW Y3DP EHPK 3PXP', type: 'totp', algorithm: 'SHA1', digits: 6, period: 30, counter: 0 } as const;
  const preview = await t.core.staging.manual(fields);
  assert.equal(preview.items[0]?.issuer, 'Typed');
  await assert.rejects(t.core.staging.manual({ ...fields, secret: 'not base32!' }), (e) => codeOf(e) === 'OTP_INVALID_SECRET' && (e as { details?: { field?: string } }).details?.field === 'secret');
  await assert.rejects(t.core.staging.manual({ ...fields, digits: 9 }), /6 to 8 digits/);
  await assert.rejects(t.core.staging.manual({ ...fields, issuer: '', label: ' ' }), /issuer or a name/);
});

test('an encrypted Aegis backup asks for its password, survives a wrong one, and previews with the right one', async () => {
  const staged = await t.core.staging.file(await readFile(AEGIS), 'aegis_encrypted.json');
  assert.equal(staged.state, 'password');
  assert.equal(staged.format, 'an Aegis vault');
  await assert.rejects(t.core.staging.unlock(staged.id, 'wrong'), (e) => codeOf(e) === 'IMPORT_WRONG_PASSWORD');
  const preview = await t.core.staging.unlock(staged.id, 'test');
  assert.equal(preview.state, 'preview');
  assert.ok(preview.items.length >= 7);
  assert.equal(preview.format, 'an Aegis vault');
});

test('progress is reported while a backup is read and checked', async () => {
  const seen: string[] = [];
  const stop = t.core.staging.onProgress((p) => seen.push(`${p.step} ${p.done}/${p.total}`));
  const staged = await t.core.staging.file(await readFile(AEGIS), 'a.json');
  await t.core.staging.unlock(staged.id, 'test');
  stop();
  assert.deepEqual(seen.slice(0, 2), ['reading 0/0', 'decrypting 0/0']);
  assert.match(seen.at(-1) ?? '', /^checking (\d+)\/\1$/);
});

test('a staging expires, and locking the vault drops every staging', async () => {
  const expiring = await t.core.staging.link(GITHUB);
  // The user stays busy (no auto-lock) while the preview sits there.
  for (let minute = 0; minute < STAGE_MINUTES; minute++) {
    t.core.vault.activity();
    clock.advance(60_000);
  }
  assert.equal((await t.core.vault.status()).state, 'unlocked');
  await assert.rejects(t.core.staging.commit(expiring.id), /expired or the vault was locked/);
  const locked = await t.core.staging.link(GITHUB);
  t.core.vault.lock();
  await t.core.vault.unlockWithPassword('correct horse');
  await assert.rejects(t.core.staging.commit(locked.id), /expired or the vault was locked/);
});

test('the screens: every QR code on every screen in one preview, a screen without one is fine', async () => {
  t.screens.shows = [await fixture('dark-mode.png'), await fixture('screenshot-three.png'), await fixture('screenshot-three.png')];
  const preview = await t.core.staging.screen();
  assert.deepEqual(preview.items.map((i) => i.issuer).sort(), ['GitHub', 'Gitlab', 'Mozilla', 'Proton', 'Tinyco'], 'a code on two screens counts once');
  assert.equal(preview.refused.length, 1, 'the web address is reported');
  assert.equal(preview.source, 'your screens');
  assert.doesNotMatch(JSON.stringify(preview), /JBSWY3DPEHPK3PXP/);
  t.core.staging.discard(preview.id);
});

test('the screens: no code anywhere, no screen, a refused capture, no capture at all: each says what to do', async () => {
  t.screens.shows = [await fixture('dark-mode.png')];
  assert.equal((await t.core.staging.screen()).source, 'your screen');
  const blank = Uint8Array.from(drawPng(200, 120, () => false));
  t.screens.shows = [blank, blank];
  await assert.rejects(t.core.staging.screen(), (e: Error) => codeOf(e) === 'QR_NOT_FOUND' && /No QR code was found on your screens/.test(e.message));
  t.screens.shows = [];
  await assert.rejects(t.core.staging.screen(), (e) => codeOf(e) === 'SCREEN_UNAVAILABLE');
  t.screens.failure = new AuthdeskError('SCREEN_CAPTURE_DENIED', 'Allow it.');
  await assert.rejects(t.core.staging.screen(), (e) => codeOf(e) === 'SCREEN_CAPTURE_DENIED');
  t.screens.failure = null;
  const cli = createTestCore(join(dir, 'cli.authdesk'), { screen: null });
  await cli.core.vault.create('correct horse');
  await assert.rejects(cli.core.staging.screen(), (e: Error) => codeOf(e) === 'SCREEN_UNAVAILABLE' && /desktop app only/.test(e.message));
  cli.core.dispose();
});
