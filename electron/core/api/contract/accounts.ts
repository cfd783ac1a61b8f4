// Runs in: main, preload, renderer (types only), CLI, tests. The `accounts` namespace.
import * as v from 'valibot';
import { MAX_ICON, MAX_NAME, MAX_NOTE } from '../../otp/names.ts';
import { MAX_ENTRIES } from '../../transfer/entry.ts';
import { call, event } from '../spec.ts';
import type { AccountView, FirstScreen, GroupView } from '../types.ts';
import { id, none } from './inputs.ts';

// Note (edit limits): the same limits accounts.ts enforces after cleaning; here they only stop
// a hostile window from sending megabytes. The edit dialog (renderer/src/lib/accounts/limits.ts)
// checks the same numbers as the user types.
const text = (max: number) => v.pipe(v.string(), v.maxLength(max));

const patch = v.strictObject({
  issuer: v.optional(text(MAX_NAME)),
  label: v.optional(text(MAX_NAME)),
  /** Group names: an existing group matches ignoring case, a new name creates a group. */
  groups: v.optional(v.pipe(v.array(text(MAX_NAME)), v.maxLength(100))),
  favourite: v.optional(v.boolean()),
  note: v.optional(text(MAX_NOTE)),
  icon: v.optional(v.nullable(text(MAX_ICON))),
});

/** More rows than a 4K screen shows at once. */
export const MAX_FIRST_SCREEN = 100;
// Pictures are up to 256 KB each (MAX_ICON): a few rows' worth per answer.
export const MAX_PICTURES = 50;

export const accounts = {
  /** Every account's metadata, in the order the user keeps them; never a secret. */
  list: call<AccountView[]>()(none, 'background'),
  /** The first screenful of accounts as the Codes list orders them, with their codes and the total. */
  firstScreen: call<FirstScreen>()(v.strictObject({ count: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_FIRST_SCREEN)) }), 'background'),
  /** The pictures of these accounts (data: URLs), in order; null where an account has none or is gone. */
  pictures: call<(string | null)[]>()(v.strictObject({ ids: v.pipe(v.array(id), v.maxLength(MAX_PICTURES)) }), 'background'),
  /** The groups accounts can be filed under, by id and name. */
  groups: call<GroupView[]>()(none, 'background'),
  /** Changes what the user sees of an account (never its secret or OTP settings). */
  edit: call<AccountView>()(v.strictObject({ id, patch }), 'user'),
  /** Removes an account; undoRemove puts it back within 10 seconds. */
  remove: call<void>()(v.strictObject({ id }), 'user'),
  /** Puts a just-removed account back at its old place. */
  undoRemove: call<AccountView>()(v.strictObject({ id }), 'user'),
  /** The new order of every account, each id exactly once. */
  reorder: call<void>()(v.strictObject({ ids: v.pipe(v.array(id), v.maxLength(MAX_ENTRIES)) }), 'user'),
  /** Something about the accounts changed (here, in an import, in another window): list them again. */
  onChange: event<void>(),
} as const;
