// Runs in: main, CLI, tests.
//
// Session tokens kept in the vault (VaultData.sessions) with their expiry, so they are
// encrypted at rest with everything else and outlive the process: the CLI's `login` and its
// next command, or an app restart, find the session. A locked vault holds no readable token.
import type { VaultAccess } from '../accounts/vault-access.ts';
import { isAuthdeskError } from '../errors.ts';
import type { TokenStore } from '../sessions/index.ts';

export function createVaultTokenStore(vault: VaultAccess): TokenStore {
  return {
    get(profileId) {
      try {
        return vault.data().sessions.find((s) => s.profileId === profileId) ?? null;
      } catch (error) {
        if (isAuthdeskError(error, 'VAULT_LOCKED')) return null;
        throw error;
      }
    },
    async set(token) {
      await vault.mutate((data) => ({ ...data, sessions: [...data.sessions.filter((s) => s.profileId !== token.profileId), token] }));
    },
    async delete(profileId) {
      await vault.mutate((data) => (data.sessions.some((s) => s.profileId === profileId) ? { ...data, sessions: data.sessions.filter((s) => s.profileId !== profileId) } : data));
    },
  };
}
