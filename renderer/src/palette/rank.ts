// Runs in: renderer.
//
// What the quick-search palette lists for a query: accounts and sign-in profiles, best match
// first. An entry is found by the window's own search rule (lib/search/words.ts: every word
// appears in the account's issuer, name, groups or note, or in the profile's name, service or
// username); it is then ranked by how each word meets the names a person types from: the start
// of the issuer, account name, a group's or the profile's name (prefix) beats the start of a
// word inside one ("example" in "me@example.com") beats anywhere inside one beats only the note
// or the username. Equal matches keep the window's order: favourites, the other accounts, then
// profiles, each as the user keeps them.
import type { AccountView, GroupView, ProfileView } from '../../../electron/core/api/types.ts';
import { searchIndex } from '../lib/codes/filter.ts';
import { matchesEvery, searchWords } from '../lib/search/words.ts';
import { providerEntry } from '../lib/sessions/providers.ts';

export type PaletteEntry = { readonly kind: 'account'; readonly account: AccountView } | { readonly kind: 'profile'; readonly profile: ProfileView };

interface Indexed {
  readonly entry: PaletteEntry;
  /** Everything the window's search looks at, lower-cased. */
  readonly text: string;
  /** The names ranked by, lower-cased. */
  readonly names: readonly string[];
}

/** Built once when the accounts, groups or profiles change; a keystroke is then one pass over it. */
export interface PaletteIndex {
  readonly items: readonly Indexed[];
}

export const MATCH = { prefix: 0, wordStart: 1, inside: 2, elsewhere: 3 } as const;

export function paletteIndex(accounts: readonly AccountView[], groups: readonly GroupView[], profiles: readonly ProfileView[]): PaletteIndex {
  const groupNames = new Map(groups.map((g) => [g.id, g.name.toLocaleLowerCase()]));
  const { ordered, texts } = searchIndex(accounts, groups);
  const items: Indexed[] = ordered.map((account, i) => ({
    entry: { kind: 'account', account },
    text: texts[i] as string,
    names: [account.issuer.toLocaleLowerCase(), account.label.toLocaleLowerCase(), ...account.groupIds.map((id) => groupNames.get(id) ?? '')],
  }));
  for (const profile of profiles) {
    const name = profile.name.toLocaleLowerCase();
    items.push({ entry: { kind: 'profile', profile }, text: [name, providerEntry(profile.provider).name, profile.username].join('\n').toLocaleLowerCase(), names: [name] });
  }
  return { items };
}

const isWordChar = (char: string | undefined) => char !== undefined && /[\p{L}\p{N}]/u.test(char);

/** How word meets one name: MATCH.prefix, wordStart or inside; elsewhere when it is not in it. */
export function matchOf(name: string, word: string): number {
  let best: number = MATCH.elsewhere;
  for (let at = name.indexOf(word); at >= 0; at = name.indexOf(word, at + 1)) {
    if (at === 0) return MATCH.prefix;
    best = Math.min(best, isWordChar(name[at - 1]) ? MATCH.inside : MATCH.wordStart);
  }
  return best;
}

/** The entries for query, best first, at most limit of them. */
export function rankPalette(index: PaletteIndex, query: string, limit: number): PaletteEntry[] {
  const words = searchWords(query);
  if (words.length === 0) return index.items.slice(0, limit).map((item) => item.entry);
  const found: { readonly entry: PaletteEntry; readonly score: number; readonly at: number }[] = [];
  index.items.forEach((item, at) => {
    if (!matchesEvery(item.text, words)) return;
    let score = 0;
    for (const word of words) score += Math.min(...item.names.map((name) => matchOf(name, word)));
    found.push({ entry: item.entry, score, at });
  });
  found.sort((a, b) => a.score - b.score || a.at - b.at);
  return found.slice(0, limit).map((hit) => hit.entry);
}
