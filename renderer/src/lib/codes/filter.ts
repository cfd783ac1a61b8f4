// Runs in: renderer.
//
// What the Codes list shows: favourites first, then the rest, each in the order the user
// keeps; narrowed by a group chip and by the search over issuer, label, group names and note.
import type { AccountView, GroupView } from '../../../../electron/core/api/types.ts';

export interface Filter {
  readonly query: string;
  /** A group's id, or null for every account. */
  readonly groupId: string | null;
}

export const NO_FILTER: Filter = { query: '', groupId: null };

export const isFiltered = (filter: Filter): boolean => filter.query.trim() !== '' || filter.groupId !== null;

/**
 * Note (search index): one lower-case string per account, built when the accounts or groups
 * change, so a keystroke over 5,000 accounts is 5,000 includes() calls and nothing else
 * (test/bench/renderer.bench.ts measures it).
 */
export function searchIndex(accounts: readonly AccountView[], groups: readonly GroupView[]): Map<string, string> {
  const names = new Map(groups.map((g) => [g.id, g.name]));
  return new Map(accounts.map((a) => [a.id, [a.issuer, a.label, ...a.groupIds.map((g) => names.get(g) ?? ''), a.note].join('\n').toLocaleLowerCase()]));
}

export function visibleAccounts(accounts: readonly AccountView[], index: ReadonlyMap<string, string>, filter: Filter): AccountView[] {
  const words = filter.query.toLocaleLowerCase().split(/\s+/).filter((w) => w !== '');
  const favourites: AccountView[] = [];
  const rest: AccountView[] = [];
  for (const account of accounts) {
    if (filter.groupId !== null && !account.groupIds.includes(filter.groupId)) continue;
    if (words.length > 0) {
      const text = index.get(account.id) ?? '';
      if (!words.every((w) => text.includes(w))) continue;
    }
    (account.favourite ? favourites : rest).push(account);
  }
  return favourites.length === 0 ? rest : [...favourites, ...rest];
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
