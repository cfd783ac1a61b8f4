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

export class AccountsService {
  readonly #vault: VaultAccess;
  readonly #clock: Pick<Clock, 'now'>;
  readonly #newId: () => string;

  constructor(vault: VaultAccess, clock: Pick<Clock, 'now'>, newId: () => string = randomUUID) {
    this.#vault = vault;
    this.#clock = clock;
    this.#newId = newId;
  }

  list(): readonly Account[] {
    return this.#vault.data().accounts;
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
      const groups = [...data.groups];
      // By lower-case name, the first group of each name: one lookup per entry, not a scan.
      const byName = new Map<string, string>();
      for (const g of groups) if (!byName.has(g.name.toLowerCase())) byName.set(g.name.toLowerCase(), g.id);
      const groupId = (groupName: string): string => {
        const wanted = name(groupName, 'group name');
        const existing = byName.get(wanted.toLowerCase());
        if (existing !== undefined) return existing;
        const group: Group = { id: this.#newId(), name: wanted };
        groups.push(group);
        byName.set(wanted.toLowerCase(), group.id);
        return group.id;
      };
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
          groupIds: [...new Set((entry.groups ?? []).filter((g) => g.trim() !== '').map(groupId))],
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
      const groupIds = patch.groupIds === undefined ? current.groupIds : [...new Set(patch.groupIds)];
      if (!groupIds.every((g) => data.groups.some((group) => group.id === g))) throw invalid('One of the groups does not exist.');
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
      return { ...data, accounts: data.accounts.map((a) => (a.id === id ? account : a)) };
    });
    if (edited === undefined) throw notFound();
    return edited;
  }

  /** Removes an account; a profile that answered its OTP step from it is unlinked. */
  async remove(id: string): Promise<void> {
    await this.#vault.mutate((data) => {
      if (!data.accounts.some((a) => a.id === id)) throw notFound();
      return {
        ...data,
        accounts: data.accounts.filter((a) => a.id !== id),
        profiles: data.profiles.map((p) => (p.otpAccountId === id ? { ...p, otpAccountId: null } : p)),
      };
    });
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
