// Runs in: main, CLI, tests.
//
// Session tokens kept in the vault (VaultData.sessions) with their expiry, so they are
// encrypted at rest with everything else and outlive the process: the CLI's `login` and its
// next command, or an app restart, find the session. A locked vault holds no readable token.
//
// Note (audit in the same write): a login, a logout and a session forgotten here are recorded
// in the vault's audit log in the write that stores or forgets the token, so a login costs one
// vault write, and a CLI process that exits right after still leaves its entry. Entries name
// the service, profile and username, never a secret.
import type { VaultAccess } from '../accounts/vault-access.ts';
import { isAuthdeskError } from '../errors.ts';
import { PROVIDER_NAMES } from '../providers/index.ts';
import type { TokenForgotten, TokenStore, TokenStored } from '../sessions/index.ts';
import { AUDIT_KEEP, type AuditEntry, type Profile, type VaultData } from '../vault/model.ts';


export function createVaultTokenStore(vault: VaultAccess, now: () => number): TokenStore {
  const audited = (data: VaultData, profileId: string, why: TokenStored | TokenForgotten): readonly AuditEntry[] => {
    const profile = data.profiles.find((p) => p.id === profileId);
    const summary = profile && auditSummary(profile, why);
    if (!summary) return data.audit;
    const entry: AuditEntry = { at: now(), kind: why === 'login' ? 'login' : 'logout', summary };
    return [...data.audit, entry].slice(-AUDIT_KEEP);
  };
  return {
    get(profileId) {
      try {
        return vault.data().sessions.find((s) => s.profileId === profileId) ?? null;
      } catch (error) {
        if (isAuthdeskError(error, 'VAULT_LOCKED')) return null;
        throw error;
      }
    },
    async set(token, why) {
      await vault.mutate((data) => ({ ...data, sessions: [...data.sessions.filter((s) => s.profileId !== token.profileId), token], audit: audited(data, token.profileId, why) }));
    },
    async delete(profileId, why) {
      await vault.mutate((data) => (data.sessions.some((s) => s.profileId === profileId) ? { ...data, sessions: data.sessions.filter((s) => s.profileId !== profileId), audit: audited(data, profileId, why) } : data));
    },
  };
}

function auditSummary(profile: Profile, why: TokenStored | TokenForgotten): string | null {
  const who = `${PROVIDER_NAMES[profile.provider]} (${profile.name}) as ${profile.username}`;
  switch (why) {
    case 'login':
      return `Logged in to ${who}.`;
    case 'logout':
      return `Logged out of ${who}.`;
    case 'cancelled':
      return `Forgot the session with ${who} here; the service was not told.`;
    default:
      // A renewed token is the same session; an expired or discarded one was never the person's doing.
      return null;
  }
}
