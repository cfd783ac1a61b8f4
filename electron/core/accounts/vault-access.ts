// Runs in: main, CLI, tests.
//
// The part of core/vault's Vault that accounts and codes need: read the unlocked data, and
// change it atomically (the change is saved before mutate resolves). Tests use an in-memory
// implementation; the app passes the real Vault.
import type { VaultData } from '../vault/model.ts';

export interface VaultAccess {
  /** The current data; throws VAULT_LOCKED when locked. */
  data(): VaultData;
  /** Applies fn and saves the result, completely or not at all. */
  mutate(fn: (draft: VaultData) => VaultData | Promise<VaultData>): Promise<VaultData>;
}
