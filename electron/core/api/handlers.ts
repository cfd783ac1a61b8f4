// Runs in: main, tests (and the e2e stand-in's server side).
//
// Binds each channel of the contract to the core service that answers it. Main and the e2e
// harness both build their router from this, so the renderer is tested against real handlers.
import type { KeyProtector } from '../platform/ports.ts';
import type { Contract } from './contract.ts';
import type { Handlers } from './spec.ts';
import type { VaultService } from '../vault/vault-service.ts';
import type { KeychainInfo } from './types.ts';

export interface CoreServices {
  readonly app: { readonly name: string; readonly version: string; readonly platform: NodeJS.Platform };
  readonly keyProtector: KeyProtector | null;
  readonly vault: Pick<VaultService, 'status' | 'create' | 'unlockWithPassword' | 'unlockWithKeychain' | 'lock'>;
}

const NO_KEYCHAIN: KeychainInfo = { available: false, backend: 'none', secure: false };

export function createHandlers(services: CoreServices): Handlers<Contract> {
  return {
    app: {
      info: async () => ({ ...services.app, keychain: services.keyProtector ? await services.keyProtector.info() : NO_KEYCHAIN }),
    },
    vault: {
      status: () => services.vault.status(),
      create: ({ password }) => services.vault.create(password),
      unlock: ({ password }) => services.vault.unlockWithPassword(password),
      unlockWithKeychain: () => services.vault.unlockWithKeychain(),
      lock: () => {
        services.vault.lock();
        return services.vault.status();
      },
    },
  };
}
