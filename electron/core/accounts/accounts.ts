// Runs in: main, CLI, tests.
//
// Adding, editing, removing and ordering OTP accounts in the vault. The order of
// VaultData.accounts is the order the user sees.
import { randomUUID } from 'node:crypto';
import { AuthdeskError } from '../errors.ts';
import type { OtpEntry } from '../otp/entry.ts';
import { entryKey, otpParams } from '../otp/entry.ts';
import { cleanName, cleanNote, isIcon, MAX_NAME, MAX_NOTE } from '../otp/names.ts';
import type { Clock } from '../platform/ports.ts';
import type { Account, Group } from '../vault/model.ts';
import type { VaultAccess } from './vault-access.ts';

/** An entry to add, with what importers may carry besides the OTP (group names, not ids). */
export interface NewAccount extends OtpEntry {
  readonly groups?: readonly string[];
  readonly favourite?: boolean;
  readonly note?: string;
  readonly icon?: string | null;
}

export interface AccountPatch {
  readonly issuer?: string;
  readonly label?: string;
  readonly groupIds?: readonly string[];
  /** Group names, matched ignoring case, missing ones created (the edit dialog); replaces groupIds. */
  readonly groups?: readonly string[];
  readonly favourite?: boolean;
  readonly note?: string;
  readonly icon?: string | null;
}

export interface AddResult {
  readonly added: readonly Account[];
  /** Entries already in the vault (same secret, issuer and label), or repeated in the input. */
  readonly skipped: number;
}

function invalid(message: string): AuthdeskError {
  return new AuthdeskError('INVALID_INPUT', message);
}

function name(value: string, what: string): string {
  const text = cleanName(value);
  if (text.length > MAX_NAME) throw invalid(`The ${what} is longer than ${MAX_NAME} characters.`);
  return text;
}

function note(value: string): string {
  const text = cleanNote(value);
  if (text.length > MAX_NOTE) throw invalid(`The note is longer than ${MAX_NOTE} characters.`);
  return text;
}

function icon(value: string | null): string | null {
  if (value === null || value === '') return null;
  if (!isIcon(value)) {
    throw invalid('The icon must be an icon name or a small Base64 image (PNG, JPEG, WebP, GIF or SVG).');
  }
  return value;
}

function notFound(): AuthdeskError {
  return new AuthdeskError('NOT_FOUND', 'There is no account with this id.');
}

/** How long a removed account can be put back (the window's Undo). */
export const UNDO_REMOVE_MS = 10_000;

/**
 * Turns group names into group ids: a name matches an existing group ignoring case, a missing
 * group is created once. `groups` is the list with any new groups appended.
 */
function groupResolver(existing: readonly Group[], newId: () => string) {
  const groups = [...existing];
  // By lower-case name, the first group of each name: one lookup per name, not a scan.
  const byName = new Map<string, string>();
  for (const g of groups) if (!byName.has(g.name.toLowerCase())) byName.set(g.name.toLowerCase(), g.id);
  const idOf = (groupName: string): string => {
    const wanted = name(groupName, 'group name');
    const found = byName.get(wanted.toLowerCase());
    if (found !== undefined) return found;
    const group: Group = { id: newId(), name: wanted };
    groups.push(group);
    byName.set(wanted.toLowerCase(), group.id);
    return group.id;
  };
  return { groups, ids: (names: readonly string[]): string[] => [...new Set(names.filter((g) => g.trim() !== '').map(idOf))] };
}

/** A removed account kept in memory only, with what is needed to put it back where it was. */
interface Removed {
  readonly account: Account;
  readonly index: number;
  readonly unlinkedProfileIds: readonly string[];
  readonly timer: { cancel(): void };
}

export class AccountsService {
  readonly #vault: VaultAccess;
  readonly #clock: Clock;
  readonly #newId: () => string;
  // Note (undo): a removed account stays here, in memory only, for UNDO_REMOVE_MS and is never
  // written anywhere; forgetRemoved() drops it when the vault locks (core.ts wires that).
  readonly #removed = new Map<string, Removed>();

  constructor(vault: VaultAccess, clock: Clock, newId: () => string = randomUUID) {
    this.#vault = vault;
    this.#clock = clock;
    this.#newId = newId;
  }

  list(): readonly Account[] {
    return this.#vault.data().accounts;
  }

  /**
   * The first `count` accounts as the Codes list shows them (favourites first, each part in the
   * user's order) and how many there are in all: what the window paints before the whole list
   * has arrived, so its first paint does not wait on the size of the vault.
   *
   * Note (display order): the same order as visibleAccounts() in
   * renderer/src/lib/codes/filter.ts; change the two together.
   */
  firstShown(count: number): { readonly accounts: readonly Account[]; readonly total: number } {
    const all = this.list();
    const favourites: Account[] = [];
    const rest: Account[] = [];
    for (const account of all) {
      if (account.favourite) favourites.push(account);
      else if (rest.length < count) rest.push(account);
    }
    return { accounts: [...favourites, ...rest].slice(0, count), total: all.length };
  }

  get(id: string): Account {
    const account = this.list().find((a) => a.id === id);
    if (account === undefined) throw notFound();
    return account;
  }

  /** Adds one account; an account already there is returned instead, with added false. */
  async add(entry: NewAccount): Promise<{ readonly account: Account; readonly added: boolean }> {
    const { added } = await this.addMany([entry]);
    const key = entryKey({ issuer: cleanName(entry.issuer), label: cleanName(entry.label), otp: otpParams(entry.otp) });
    const account = added[0] ?? this.list().find((a) => entryKey(a) === key);
    if (account === undefined) throw notFound();
    return { account, added: added.length > 0 };
  }

  /**
   * Adds entries at the end, in order, in one save. Duplicates (same secret, issuer and label
   * as an account already there or earlier in the input) are skipped and counted. Group names
   * are matched to existing groups ignoring case; missing groups are created.
   *
   * Note (one way in): every account reaches the vault through here (typed in, a link, every
   * importer), so here its OTP parameters are parsed again by otpParams() and its names
   * cleaned: whatever built the entry, the vault only ever holds what the parser accepts.
   */
  async addMany(entries: readonly NewAccount[]): Promise<AddResult> {
    let result: AddResult = { added: [], skipped: 0 };
    await this.#vault.mutate((data) => {
      const now = this.#clock.now();
      const seen = new Set(data.accounts.map(entryKey));
      const { groups, ids: groupIds } = groupResolver(data.groups, this.#newId);
      const added: Account[] = [];
      for (const entry of entries) {
        const issuer = name(entry.issuer, 'issuer');
        const label = name(entry.label, 'account name');
        const otp = otpParams(entry.otp);
        const key = entryKey({ issuer, label, otp });
        if (seen.has(key)) continue;
        seen.add(key);
        added.push({
          id: this.#newId(),
          issuer,
          label,
          otp,
          groupIds: groupIds(entry.groups ?? []),
          favourite: entry.favourite ?? false,
          icon: icon(entry.icon ?? null),
          note: note(entry.note ?? ''),
          createdAt: now,
          updatedAt: now,
        });
      }
      result = { added, skipped: entries.length - added.length };
      return added.length === 0 ? data : { ...data, groups, accounts: [...data.accounts, ...added] };
    });
    return result;
  }

  /** Changes what the user sees of an account; the OTP parameters cannot be edited. */
  async edit(id: string, patch: AccountPatch): Promise<Account> {
    let edited: Account | undefined;
    await this.#vault.mutate((data) => {
      const current = data.accounts.find((a) => a.id === id);
      if (current === undefined) throw notFound();
      const resolver = groupResolver(data.groups, this.#newId);
      const groups = resolver.groups;
      const groupIds = patch.groups !== undefined ? resolver.ids(patch.groups) : patch.groupIds === undefined ? current.groupIds : [...new Set(patch.groupIds)];
      if (!groupIds.every((g) => groups.some((group) => group.id === g))) throw invalid('One of the groups does not exist.');
      const account: Account = {
        ...current,
        issuer: patch.issuer === undefined ? current.issuer : name(patch.issuer, 'issuer'),
        label: patch.label === undefined ? current.label : name(patch.label, 'account name'),
        groupIds,
        favourite: patch.favourite ?? current.favourite,
        note: patch.note === undefined ? current.note : note(patch.note),
        icon: patch.icon === undefined ? current.icon : icon(patch.icon),
        updatedAt: this.#clock.now(),
      };
      edited = account;
      return { ...data, groups, accounts: data.accounts.map((a) => (a.id === id ? account : a)) };
    });
    if (edited === undefined) throw notFound();
    return edited;
  }

  /**
   * Removes an account; a profile that answered its OTP step from it is unlinked. For
   * UNDO_REMOVE_MS afterwards undoRemove(id) puts it back; then it is gone for good.
   */
  async remove(id: string): Promise<void> {
    let removed: Omit<Removed, 'timer'> | undefined;
    await this.#vault.mutate((data) => {
      const index = data.accounts.findIndex((a) => a.id === id);
      const account = data.accounts[index];
      if (account === undefined) throw notFound();
      removed = { account, index, unlinkedProfileIds: data.profiles.filter((p) => p.otpAccountId === id).map((p) => p.id) };
      return {
        ...data,
        accounts: data.accounts.filter((a) => a.id !== id),
        profiles: data.profiles.map((p) => (p.otpAccountId === id ? { ...p, otpAccountId: null } : p)),
      };
    });
    if (removed === undefined) return;
    this.#removed.get(id)?.timer.cancel();
    const timer = this.#clock.setTimeout(() => void this.#removed.delete(id), UNDO_REMOVE_MS);
    this.#removed.set(id, { ...removed, timer });
  }

  /**
   * Puts a just-removed account back at its old place (or the end, if the list got shorter),
   * with the groups that still exist and its profile links where nothing replaced them.
   */
  async undoRemove(id: string): Promise<Account> {
    const removed = this.#removed.get(id);
    if (removed === undefined) throw new AuthdeskError('NOT_FOUND', 'This account can no longer be put back: undo lasts 10 seconds and ends when the vault locks.');
    await this.#vault.mutate((data) => {
      if (data.accounts.some((a) => a.id === id)) throw invalid('This account is already back.');
      const account = { ...removed.account, groupIds: removed.account.groupIds.filter((g) => data.groups.some((group) => group.id === g)) };
      const accounts = [...data.accounts];
      accounts.splice(Math.min(removed.index, accounts.length), 0, account);
      const profiles = data.profiles.map((p) => (removed.unlinkedProfileIds.includes(p.id) && p.otpAccountId === null ? { ...p, otpAccountId: id } : p));
      return { ...data, accounts, profiles };
    });
    removed.timer.cancel();
    this.#removed.delete(id);
    return this.get(id);
  }

  /** Drops every account kept for undo (the vault locked). */
  forgetRemoved(): void {
    for (const { timer } of this.#removed.values()) timer.cancel();
    this.#removed.clear();
  }

  /** Puts the accounts in the given order; ids must name every account exactly once. */
  async reorder(ids: readonly string[]): Promise<void> {
    await this.#vault.mutate((data) => {
      const byId = new Map(data.accounts.map((a) => [a.id, a]));
      const ordered = ids.flatMap((id) => byId.get(id) ?? []);
      if (new Set(ids).size !== ids.length || ordered.length !== ids.length || ordered.length !== data.accounts.length) {
        throw invalid('The new order must list every account exactly once.');
      }
      return { ...data, accounts: ordered };
    });
  }
}
