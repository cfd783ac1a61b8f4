// Runs in: main, preload, renderer (types only), CLI, tests. The `accounts` namespace.
import { call } from '../spec.ts';
import type { AccountView } from '../types.ts';
import { none } from './inputs.ts';

export const accounts = {
  /** Every account's metadata, in the order the user keeps them; never a secret. */
  list: call<AccountView[]>()(none, 'background'),
} as const;
