// Runs in: main, tests. The `app` namespace's handlers.
import type { Core } from '../../app/core.ts';
import type { KeychainInfo } from '../../platform/ports.ts';
import type { Contract } from '../contract/index.ts';
import type { Handlers } from '../spec.ts';

const NO_KEYCHAIN: KeychainInfo = { available: false, backend: 'none', secure: false };

export function appHandlers({ ports }: Core): Handlers<Contract>['app'] {
  return {
    info: async () => ({ ...ports.app, keychain: ports.keyProtector ? await ports.keyProtector.info() : NO_KEYCHAIN }),
  };
}
