// Runs in: main, CLI, tests.
//
// The public face of the providers module: the registry that maps a profile's ProviderType
// to its client, as transfer/index.ts maps a format id to its importer. The table comes from
// the composition root, which builds each client with its ports, so this module holds no
// provider of its own and works with whichever ones a build registers.

import { AuthdeskError } from '../errors.ts';
import type { ProviderType } from '../vault/model.ts';
import { PROVIDER_NAMES } from './types.ts';
import type { Provider } from './types.ts';

export { PROVIDER_NAMES } from './types.ts';
export type { ApprovalNotice, Identity, LoginCredential, LoginRequest, LoginResult, LoginSteps, LogoutRequest, OtpRequest, Provider, SessionRequest } from './types.ts';

export type ProviderTable = Partial<Readonly<Record<ProviderType, Provider>>>;

export interface ProviderRegistry {
  /** The client for a profile's service; throws AuthdeskError PROVIDER_UNKNOWN when none is registered. */
  get(type: ProviderType): Provider;
}

export function createProviderRegistry(table: ProviderTable): ProviderRegistry {
  const providers = new Map(Object.entries(table));
  return {
    get(type) {
      const provider = providers.get(type);
      if (provider) return provider;
      // A profile read from a newer or damaged vault may name a service this build has never heard of.
      const name = Object.hasOwn(PROVIDER_NAMES, type) ? PROVIDER_NAMES[type] : null;
      const message = name
        ? `This build of Authdesk cannot log in to ${name}. Update Authdesk, or use a profile for another service.`
        : 'This profile is for a service Authdesk does not know. Update Authdesk, or recreate the profile.';
      throw new AuthdeskError('PROVIDER_UNKNOWN', message, { details: { provider: String(type) } });
    },
  };
}
