// Runs in: renderer.
//
// What the window says about each service a profile can sign in to. Note (provider names):
// the same names as electron/core/providers/types.ts PROVIDER_NAMES, which the renderer cannot
// import (values from core stay out of the renderer); change both together.
import type { ProfileView } from '../../../../electron/core/api/types.ts';
import type { IconName } from '../icons.ts';

export type ProviderId = ProfileView['provider'];

export interface ProviderEntry {
  readonly id: ProviderId;
  readonly name: string;
  readonly icon: IconName;
  /** What a person pastes into the address field. */
  readonly urlExample: string;
  readonly usernameLabel: string;
}

export const PROVIDERS: readonly ProviderEntry[] = [
  { id: 'truenas', name: 'TrueNAS', icon: 'server', urlExample: 'https://nas.lan or wss://nas.lan/api/current', usernameLabel: 'Username' },
  { id: 'weavr', name: 'Weavr Multi', icon: 'wallet', urlExample: 'https://sandbox.weavr.io', usernameLabel: 'Email' },
  { id: 'appgate', name: 'Appgate SDP', icon: 'gate', urlExample: 'https://controller.example.com:8443', usernameLabel: 'Username' },
];

export function providerEntry(id: ProviderId): ProviderEntry {
  return PROVIDERS.find((p) => p.id === id) ?? PROVIDERS[0]!;
}

/** The host a profile points at, as short as a person recognises it. */
export function hostOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return baseUrl;
  }
}
