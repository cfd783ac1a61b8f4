// Runs in: main, CLI, tests.
//
// Tokens in memory only, for a SessionManager built without a store (the unit tests of this
// folder). The app keeps them in the vault instead (app/vault-token-store.ts).

import type { SessionToken } from '../vault/model.ts';
import type { TokenStore } from './types.ts';

export function createMemoryTokenStore(): TokenStore {
  const tokens = new Map<string, SessionToken>();
  return {
    get: (profileId) => tokens.get(profileId) ?? null,
    async set(token) {
      tokens.set(token.profileId, token);
    },
    async delete(profileId) {
      tokens.delete(profileId);
    },
  };
}
