// Runs in: tests (Node). Which icon an account shows: a brand matched by issuer or domain, the
// brand the user picked, or none (the letter avatar, or the account's own picture).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brandFor, LETTER_ICON, searchBrands } from '../../../electron/core/icons/brands.ts';
import { isIcon } from '../../../electron/core/otp/names.ts';

const slug = async (issuer: string, label = '', icon: string | null = null) => (await brandFor({ issuer, label, icon }))?.slug ?? null;

test('an issuer matches its brand whatever its case, spacing and punctuation', async () => {
  assert.equal(await slug('GitHub'), 'github');
  assert.equal(await slug('github'), 'github');
  assert.equal(await slug('  Proton-Mail '), 'protonmail');
  assert.equal(await slug('ProtonMail'), 'protonmail');
  assert.equal(await slug('GitHub Enterprise'), 'github');
});

test('an issuer that is a domain, or a label’s domain when there is no issuer, matches its brand', async () => {
  assert.equal(await slug('github.com'), 'github');
  assert.equal(await slug('accounts.google.com'), 'google');
  assert.equal(await slug('https://www.dropbox.com/login'), 'dropbox');
  assert.equal(await slug('', 'me@github.com'), 'github');
  assert.equal(await slug('Tinyco', 'me@gmail.com'), null, 'a mail address does not make a Tinyco account a Gmail one');
});

test('aliases match: another name a brand goes by finds its icon', async () => {
  assert.equal(await slug('Dotenv'), 'dotenv');
});

test('an unknown issuer, the letter choice and a picture get no brand', async () => {
  assert.equal(await slug('Tinyco'), null);
  assert.equal(await slug(''), null);
  assert.equal(await slug('GitHub', '', LETTER_ICON), null);
  assert.equal(await slug('GitHub', '', 'data:image/png;base64,AAAA'), null);
});

test('a brand the user picked wins over the issuer; an unknown stored slug falls back to the issuer', async () => {
  assert.equal(await slug('My work login', '', 'gitlab'), 'gitlab');
  assert.equal(await slug('GitHub', '', 'no-such-brand'), 'github');
});

test('the window gets the path and colour of one brand, and search finds brands by name', async () => {
  const github = await brandFor({ issuer: 'GitHub', label: '', icon: null });
  assert.deepEqual(Object.keys(github ?? {}).sort(), ['hex', 'path', 'slug', 'title']);
  assert.match(github?.hex ?? '', /^[0-9A-F]{6}$/);
  assert.match(github?.path ?? '', /^M/);
  const found = await searchBrands('git', 5);
  assert.equal(found.length, 5);
  assert.ok(found.every((b) => /git/i.test(b.title)));
  assert.equal(found[0]?.title, 'Git');
  assert.deepEqual(await searchBrands('  ', 5), []);
});

test('every value the picker stores passes the vault’s icon check', async () => {
  assert.ok(isIcon(LETTER_ICON));
  for (const brand of await searchBrands('a', 200)) assert.ok(isIcon(brand.slug), brand.slug);
});
