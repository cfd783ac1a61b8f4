// Runs in: main, CLI, tests.
//
// The clients this build ships, as the table the composition root hands the registry. Each
// folder stands alone; this is the one file that knows all three.

import { createAppgateProvider } from './appgate/index.ts';
import type { ProviderTable } from './index.ts';
import { createTruenasProvider } from './truenas/index.ts';
import { createWeavrProvider } from './weavr/index.ts';

export interface BuiltinProviderOptions {
  /** Bounds every call of every client; each client's own default (15 s) when not given. */
  readonly timeoutMs?: number;
}

export function builtinProviders(options: BuiltinProviderOptions = {}): ProviderTable {
  const timeout = options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs };
  return {
    truenas: createTruenasProvider(timeout),
    weavr: createWeavrProvider(timeout),
    appgate: createAppgateProvider(timeout),
  };
}
