// Runs in: tests. The quick-search palette's search (renderer/src/palette/rank.ts): what it
// finds is what the Codes search finds; the best match comes first.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AccountView, GroupView, ProfileView } from '../../../electron/core/api/types.ts';
import { MATCH, matchOf, paletteIndex, rankPalette, type PaletteEntry } from '../../../renderer/src/palette/rank.ts';

let next = 0;
const account = (issuer: string, label: string, extra: Partial<AccountView> = {}): AccountView => ({
  id: `a${next++}`,
  issuer,
  label,
  type: 'totp',
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  groupIds: [],
  favourite: false,
  icon: null,
  picture: null,
  note: '',
  ...extra,
});
const profile = (name: string, provider: ProfileView['provider'] = 'truenas', username = 'admin'): ProfileView => ({
  id: `p${next++}`,
  name,
  provider,
  baseUrl: 'https://nas.lan',
  username,
  credential: 'password',
  otpAccountId: null,
  keepAlive: false,
  programmeKeySet: false,
  certificate: null,
});
const names = (entries: readonly PaletteEntry[]) => entries.map((e) => (e.kind === 'account' ? `${e.account.issuer}/${e.account.label}` : `profile:${e.profile.name}`));

const groups: GroupView[] = [{ id: 'g1', name: 'Servers' }];
const accounts = [
  account('Cloudflare', 'ops@example.com'),
  account('GitHub', 'me@cloud.dev'),
  account('Slack', 'team', { note: 'cloud workspace' }),
  account('Proton', 'mail@proton.me', { favourite: true }),
  account('Hetzner', 'root', { groupIds: ['g1'] }),
  account('Mycloud', 'backup'),
];
const profiles = [profile('cloud-nas'), profile('Weavr payments', 'weavr', 'ops@example.com')];
const index = paletteIndex(accounts, groups, profiles);

test('a match is a prefix, the start of a word, or inside a word, in that order', () => {
  assert.equal(matchOf('cloudflare', 'cloud'), MATCH.prefix);
  assert.equal(matchOf('me@cloud.dev', 'cloud'), MATCH.wordStart);
  assert.equal(matchOf('my cloud', 'cloud'), MATCH.wordStart);
  assert.equal(matchOf('mycloud', 'cloud'), MATCH.inside);
  assert.equal(matchOf('mycloud cloud', 'cloud'), MATCH.wordStart, 'the best occurrence counts');
  assert.equal(matchOf('github', 'cloud'), MATCH.elsewhere);
});

test('with no query: favourites, then the other accounts in the user’s order, then profiles', () => {
  assert.deepEqual(names(rankPalette(index, '  ', 100)), [
    'Proton/mail@proton.me',
    'Cloudflare/ops@example.com',
    'GitHub/me@cloud.dev',
    'Slack/team',
    'Hetzner/root',
    'Mycloud/backup',
    'profile:cloud-nas',
    'profile:Weavr payments',
  ]);
  assert.equal(rankPalette(index, '', 3).length, 3, 'at most limit entries');
});

test('prefix matches come before word starts, before matches inside a word, before the note; ties keep the list order', () => {
  assert.deepEqual(names(rankPalette(index, 'cloud', 100)), ['Cloudflare/ops@example.com', 'profile:cloud-nas', 'GitHub/me@cloud.dev', 'Mycloud/backup', 'Slack/team']);
  assert.deepEqual(names(rankPalette(index, 'CLOUD', 2)), ['Cloudflare/ops@example.com', 'profile:cloud-nas'], 'case does not matter; the best two');
});

test('every word must be found, as in the Codes search; a group name and a profile’s service and username are searched', () => {
  assert.deepEqual(names(rankPalette(index, 'cloud ops', 100)), ['Cloudflare/ops@example.com']);
  assert.deepEqual(names(rankPalette(index, 'servers', 100)), ['Hetzner/root']);
  assert.deepEqual(names(rankPalette(index, 'weavr', 100)), ['profile:Weavr payments']);
  assert.deepEqual(names(rankPalette(index, 'truenas', 100)), ['profile:cloud-nas']);
  assert.deepEqual(names(rankPalette(index, 'ops@', 100)), ['Cloudflare/ops@example.com', 'profile:Weavr payments'], 'a name beats a username');
  assert.deepEqual(rankPalette(index, 'zzz', 100), []);
});

test('a favourite that matches no better than another account stays first among equals, not above a better match', () => {
  const fav = paletteIndex([account('Stripe', 'dev'), account('Stripe', 'prod', { favourite: true }), account('Acme', 'stripe-ops')], [], []);
  assert.deepEqual(names(rankPalette(fav, 'stripe', 100)), ['Stripe/prod', 'Stripe/dev', 'Acme/stripe-ops']);
  assert.deepEqual(names(rankPalette(fav, 'ops', 100)), ['Acme/stripe-ops']);
});
