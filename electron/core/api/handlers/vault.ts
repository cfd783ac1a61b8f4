// Runs in: main, tests. The `vault` namespace's handlers.
import type { Core } from '../../app/core.ts';
import type { Contract } from '../contract/index.ts';
import type { Handlers } from '../spec.ts';

export function vaultHandlers({ vault }: Core): Handlers<Contract>['vault'] {
  return {
    status: () => vault.status(),
    create: ({ password }) => vault.create(password),
    unlock: ({ password }) => vault.unlockWithPassword(password),
    unlockWithKeychain: () => vault.unlockWithKeychain(),
    keychainUnlock: () => ({ enabled: vault.keychainEnabled() }),
    enableKeychainUnlock: async ({ password }) => {
      await vault.enableKeychain(password);
      return { enabled: vault.keychainEnabled() };
    },
    disableKeychainUnlock: async () => {
      await vault.disableKeychain();
      return { enabled: vault.keychainEnabled() };
    },
    lock: () => {
      vault.lock();
      return vault.status();
    },
  };
}
