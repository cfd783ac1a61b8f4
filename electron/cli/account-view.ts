// Runs in: CLI.
//
// How the account commands (list, code, remove, add) show accounts and find one by id, so an
// id printed by one command is always accepted by the others.
import { AuthdeskError } from '../core/errors.ts';
import { escapeUnprintable } from '../core/otp/names.ts';
import type { Account } from '../core/vault/model.ts';

// Long enough that two ids rarely share it, short enough to type.
const SHORT_ID = 8;

/** The `list --json` shape (DESIGN §9); never the secret. */
export function accountJson(account: Account) {
  const { type, algorithm, digits, period, counter } = account.otp;
  return { id: account.id, type, issuer: account.issuer, label: account.label, algorithm, digits, period, ...(type === 'hotp' ? { counter } : {}) };
}

// JSON's own \uXXXX escapes: what a script parses is unchanged, what a terminal shows is inert.
const jsonEscape = (c: string): string => Array.from({ length: c.length }, (_, i) => `\\u${c.charCodeAt(i).toString(16).padStart(4, '0')}`).join('');

/** JSON for stdout, with every unprintable character escaped (names may hold any). */
export function jsonText(value: unknown): string {
  return escapeUnprintable(JSON.stringify(value), jsonEscape);
}

/** "Issuer (label)", or whichever of the two there is; unprintable characters escaped. */
export function accountName(account: Account): string {
  const issuer = escapeUnprintable(account.issuer);
  const label = escapeUnprintable(account.label);
  if (issuer === '') return label === '' ? '(no name)' : label;
  return label === '' ? issuer : `${issuer} (${label})`;
}

/** The shortest prefix of each id (at least 8 characters) no other account's id starts with. */
export function shortIds(accounts: readonly Account[]): Map<string, string> {
  // Note (sorted neighbours): in sorted order, the ids sharing the longest prefix with an id
  // are its neighbours, so one sort and two comparisons per id find every short id in
  // O(n log n); comparing each id with all others took 30 s for 20,000 accounts.
  const ids = accounts.map((a) => a.id).sort();
  const result = new Map<string, string>();
  ids.forEach((id, i) => {
    const shared = Math.max(commonPrefix(id, ids[i - 1]), commonPrefix(id, ids[i + 1]));
    result.set(id, id.slice(0, Math.min(id.length, Math.max(SHORT_ID, shared + 1))));
  });
  return result;
}

function commonPrefix(a: string, b: string | undefined): number {
  if (b === undefined) return 0;
  let length = 0;
  while (length < a.length && length < b.length && a[length] === b[length]) length++;
  return length;
}

/** The account with this id or unique id prefix; NOT_FOUND, or INVALID_INPUT when several match. */
export function findById(accounts: readonly Account[], text: string): Account {
  const exact = accounts.find((a) => a.id === text);
  if (exact !== undefined) return exact;
  const matches = text === '' ? [] : accounts.filter((a) => a.id.startsWith(text));
  if (matches.length === 0) throw new AuthdeskError('NOT_FOUND', `There is no account with the id "${text}". "authdesk list" shows the ids.`);
  if (matches.length > 1) throw new AuthdeskError('INVALID_INPUT', `${matches.length} accounts have an id starting with "${text}": give more of it.`);
  return matches[0] as Account;
}

/**
 * Rows padded into left-aligned columns, two spaces apart. Cells are escaped (escaping twice
 * changes nothing), since names in a vault written before they were cleaned may hold anything.
 */
export function table(cells: readonly (readonly string[])[]): string {
  const rows = cells.map((row) => row.map((cell) => escapeUnprintable(cell)));
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, [...cell].length)));
  return rows.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell + ' '.repeat((widths[i] ?? 0) - [...cell].length))).join('  ')).join('\n');
}
