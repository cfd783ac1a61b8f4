// Runs in: main, preload, CLI, tests.
//
// Every IPC channel, declared once. Add a channel here, give it a handler in handlers.ts, and
// the preload exposes it and the renderer's types follow. Inputs are validated by these
// schemas before a handler sees them; outputs never carry a seed, password or token.
import * as v from 'valibot';
import { call, event } from './spec.ts';
import type { AppInfo, VaultStatus } from './types.ts';

const none = v.undefined();

export const contract = {
  app: {
    info: call<AppInfo>()(none),
  },
  vault: {
    status: call<VaultStatus>()(none),
    onStatus: event<VaultStatus>(),
  },
} as const;

export type Contract = typeof contract;
