// Runs in: main, CLI, tests.
//
// Builds the profiles and sessions services over one vault, wiring the SessionManager's ports
// to the vault: the linked account answers OTPs, the profile's Credential is the password, a
// seed a service issues becomes a linked account, an accepted certificate is pinned in the
// profile, and tokens are kept in the vault; where the host shows notifications, a session
// about to expire is announced (sessions/expiry-notices.ts). core.ts calls this once.
import type { AccountsService } from '../accounts/accounts.ts';
import type { CodesService } from '../accounts/codes.ts';
import type { VaultAccess } from '../accounts/vault-access.ts';
import { parseOtpauthUri } from '../otp/uri.ts';
import type { Clock, Notifier, Prompt } from '../platform/ports.ts';
import { createProviderRegistry, type ProviderRegistry, type ProviderTable } from '../providers/index.ts';
import { SessionManager, watchSessionExpiry, type KeepAlive } from '../sessions/index.ts';
import type { Profile } from '../vault/model.ts';
import { createLinkedOtpSource } from './linked-otp.ts';
import { KEEP_ALIVE_OPTION, ProfilesService } from './profiles.ts';
import { SessionsService } from './sessions.ts';
import { createVaultTokenStore } from './vault-token-store.ts';

export interface SessionSetup {
  /** Writes that are not account changes (tokens, profiles, audit): the accounts listeners are not told. */
  readonly vault: VaultAccess;
  readonly accounts: AccountsService;
  readonly codes: CodesService;
  readonly prompt: Prompt;
  readonly clock: Clock;
  readonly providers: ProviderTable;
  /** The system's notifications; null where the host has none (the CLI). */
  readonly notifier: Notifier | null;
}

export interface SessionServices {
  readonly profiles: ProfilesService;
  readonly sessions: SessionsService;
  /** Stops the expiry notices' timers (the core is disposed). */
  readonly stop: () => void;
}

export function createSessionServices(setup: SessionSetup): SessionServices {
  const { vault, clock } = setup;
  const providers = createProviderRegistry(setup.providers);
  const saved = (profileId: string): Profile | null => vault.data().profiles.find((p) => p.id === profileId) ?? null;
  const keepsAlive = (profile: Profile): boolean => saved(profile.id)?.options[KEEP_ALIVE_OPTION] === 'on';
  const profiles: ProfilesService = new ProfilesService({
    vault,
    providers,
    clock,
    // A profile that changes or goes is logged out first; a service that cannot be told ends the session at its expiry.
    endSession: (profile) => sessions.end(profile).catch(() => undefined),
  });
  const manager = new SessionManager({
    providers,
    otp: createLinkedOtpSource(vault, setup.codes, clock),
    credentials: { credential: async (profile) => profiles.credential(profile) },
    seeds: {
      async store(profile, otpauthUri) {
        const { account } = await setup.accounts.add(parseOtpauthUri(otpauthUri));
        await profiles.linkOtpAccount(profile.id, account.id);
      },
    },
    pins: {
      async pin(profile, fingerprint) {
        await profiles.trustCertificate(profile.id, fingerprint);
        return profiles.get(profile.id);
      },
    },
    keepsAlive,
    prompt: setup.prompt,
    clock,
    tokens: createVaultTokenStore(vault, () => clock.now()),
  });
  const sessions = new SessionsService({ manager, profiles, vault });
  const notifier = setup.notifier;
  const stop =
    notifier === null
      ? () => undefined
      : watchSessionExpiry({
          clock,
          notifier,
          subscribe: (listener) => manager.subscribe(listener),
          profile: saved,
          keepAlive: (profile): KeepAlive => {
            if (!canKeepAlive(providers, profile)) return 'unsupported';
            return keepsAlive(profile) ? 'on' : 'off';
          },
        });
  return { profiles, sessions, stop };
}

function canKeepAlive(providers: ProviderRegistry, profile: Profile): boolean {
  try {
    return providers.get(profile.provider).keepAlive !== undefined;
  } catch {
    // A profile for a service this build cannot reach has no session to keep.
    return false;
  }
}
