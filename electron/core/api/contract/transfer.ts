// Runs in: main, preload, renderer (types only), CLI, tests. The `transfer` namespace.
import { call } from '../spec.ts';
import type { TransferFormats } from '../types.ts';
import { none } from './inputs.ts';

export const transfer = {
  /** The formats Authdesk imports (detected by content) and exports, and which are encrypted. */
  formats: call<TransferFormats>()(none, 'background'),
} as const;
