// Runs in: renderer.
//
// What the Codes list shows: favourites first, then the rest, each in the order the user
// keeps; narrowed by a group chip and by the search over issuer, label, group names and note.
import type { AccountView, GroupView } from '../../../../electron/core/api/types.ts';
import { matchesEvery, searchWords } from '../search/words.ts';

export interface Filter {
  readonly query: string;
  /** A group's id, or null for every account. */
  readonly groupId: string | null;
}

export const NO_FILTER: Filter = { query: '', groupId: null };

export const isFiltered = (filter: Filter): boolean => filter.query.trim() !== '' || filter.groupId !== null;

/** The accounts in display order, each with its lower-case search text. */
export interface SearchIndex {
  readonly ordered: readonly AccountView[];
  readonly texts: readonly string[];
}

/**
 * Note (search index): built once when the accounts or groups change: the accounts already in
 * display order (favourites first, each part in the user's order; the same order as
 * AccountsService.firstShown in electron/core/accounts/accounts.ts, change the two together),
 * beside one lower-case string each. A keystroke over 5,000 accounts is then one pass of
 * includes() calls over an array, with no sorting and no lookups
 * (test/bench/renderer.bench.ts measures it).
 */
export function searchIndex(accounts: readonly AccountView[], groups: readonly GroupView[]): SearchIndex {
  const names = new Map(groups.map((g) => [g.id, g.name]));
  const ordered = [...accounts.filter((a) => a.favourite), ...accounts.filter((a) => !a.favourite)];
  return { ordered, texts: ordered.map((a) => [a.issuer, a.label, ...a.groupIds.map((g) => names.get(g) ?? ''), a.note].join('\n').toLocaleLowerCase()) };
}

/** The rows to show: with no filter, the index's own array (no copy). */
export function visibleAccounts(index: SearchIndex, filter: Filter): readonly AccountView[] {
  const words = searchWords(filter.query);
  if (words.length === 0 && filter.groupId === null) return index.ordered;
  const { ordered, texts } = index;
  const shown: AccountView[] = [];
  for (let i = 0; i < ordered.length; i++) {
    const account = ordered[i] as AccountView;
    if (filter.groupId !== null && !account.groupIds.includes(filter.groupId)) continue;
    if (matchesEvery(texts[i] as string, words)) shown.push(account);
  }
  return shown;
}

/**
 * The vault order after moving `id` one place up or down among the rows shown, or null when
 * it cannot move (first or last, or across the favourites line, which the star decides).
 */
export function moveByOne(order: readonly AccountView[], shown: readonly AccountView[], id: string, by: -1 | 1): string[] | null {
  const at = shown.findIndex((a) => a.id === id);
  const moving = shown[at];
  const other = shown[at + by];
  if (moving === undefined || other === undefined || other.favourite !== moving.favourite) return null;
  const ids = order.map((a) => a.id);
  const from = ids.indexOf(moving.id);
  const to = ids.indexOf(other.id);
  ids[from] = other.id;
  ids[to] = moving.id;
  return ids;
}

/** The vault order after dropping `id` onto `target`'s place (dragged down: after it; up: before it). */
export function moveTo(order: readonly AccountView[], id: string, target: string): string[] | null {
  const ids = order.map((a) => a.id);
  const from = ids.indexOf(id);
  const to = ids.indexOf(target);
  if (from < 0 || to < 0 || from === to) return null;
  ids.splice(from, 1);
  ids.splice(to, 0, id);
  return ids;
}
