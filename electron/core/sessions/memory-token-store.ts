// Runs in: main, CLI, tests.
//
// Note (tokens in memory): until the vault keeps session tokens (VaultData.sessions), they
// live here, in main's memory, and a restart logs every profile out. A vault-backed
// TokenStore replaces this file; session-manager.ts already reads and writes through it.

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
