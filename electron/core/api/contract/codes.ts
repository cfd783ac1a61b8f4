// Runs in: main, preload, renderer (types only), CLI, tests. The `codes` namespace.
import * as v from 'valibot';
import { call } from '../spec.ts';
import type { AccountCode } from '../types.ts';
import { id, none } from './inputs.ts';

export const codes = {
  /** The current and next code of every account with the window each is valid in. */
  list: call<AccountCode[]>()(none, 'background'),
  /** Uses up the next HOTP code: the counter is saved before the code is returned. */
  nextHotp: call<AccountCode>()(v.strictObject({ id }), 'user'),
} as const;
