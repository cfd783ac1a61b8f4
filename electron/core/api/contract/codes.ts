// Runs in: main, preload, renderer (types only), CLI, tests. The `codes` namespace.
import * as v from 'valibot';
import { call, event } from '../spec.ts';
import type { AccountCode } from '../types.ts';
import { id, none } from './inputs.ts';

export const codes = {
  /** The current and next code of every account with the window each is valid in. */
  list: call<AccountCode[]>()(none, 'background'),
  /** Uses up the next HOTP code: the counter is saved before the code is returned. */
  nextHotp: call<AccountCode>()(v.strictObject({ id }), 'user'),
  /** Main puts the account's current code on the clipboard (and clears it later); the window gets nothing back. */
  copy: call<void>()(v.strictObject({ id }), 'user'),
  /** Every code, pushed while the vault is unlocked: at each period boundary and after any account change. */
  onCodes: event<AccountCode[]>(),
} as const;
