// Runs in: main, preload, CLI, tests.
//
// Every IPC channel, declared once. Add a channel here, give it a handler in handlers.ts, and
// the preload exposes it and the renderer's types follow. Inputs are validated by these
// schemas before a handler sees them; outputs never carry a seed, password or token.
import * as v from 'valibot';
import { call, event } from './spec.ts';
import type { AppInfo, VaultStatus } from './types.ts';

const none = v.undefined();
// Long enough for any passphrase, short enough that a hostile renderer cannot make Argon2id
// hash megabytes.
const password = v.pipe(v.string(), v.minLength(1), v.maxLength(1024));

export const contract = {
  app: {
    info: call<AppInfo>()(none),
  },
  vault: {
    status: call<VaultStatus>()(none),
    create: call<VaultStatus>()(v.strictObject({ password })),
    unlock: call<VaultStatus>()(v.strictObject({ password })),
    unlockWithKeychain: call<VaultStatus>()(none),
    lock: call<VaultStatus>()(none),
    onStatus: event<VaultStatus>(),
  },
} as const;

export type Contract = typeof contract;
