// Runs in: main, CLI, tests.
//
// Sessions as the window and the CLI use them: by profile id, over the SessionManager
// (core/sessions/), with the vault's profiles and tokens. Tokens kept in the vault are shown
// as active again on unlock (a restart, or the CLI's next command), and every state goes when
// the vault locks. The token store writes the audit log (vault-token-store.ts).
import type { VaultAccess } from '../accounts/vault-access.ts';
import type { SessionEvent, SessionIdentities, SessionManager } from '../sessions/index.ts';
import type { Profile } from '../vault/model.ts';
import { IDENTITY_OPTION, type ProfilesService } from './profiles.ts';

export interface SessionsOptions {
  readonly manager: SessionManager;
  readonly profiles: ProfilesService;
  readonly vault: VaultAccess;
}

export class SessionsService {
  readonly #options: SessionsOptions;

  constructor(options: SessionsOptions) {
    this.#options = options;
  }

  /** One state per profile, in the profiles' order. */
  states(): SessionEvent[] {
    return this.#options.profiles.list().map((view) => this.#options.manager.state(view.id));
  }

  onState(listener: (event: SessionEvent) => void): () => void {
    return this.#options.manager.subscribe(listener);
  }

  login(id: string): Promise<SessionEvent> {
    return this.#options.manager.login(this.#options.profiles.get(id));
  }

  cancel(id: string): void {
    this.#options.manager.cancel(id);
  }

  async logout(id: string): Promise<void> {
    await this.end(this.#options.profiles.get(id));
  }

  /** Logs `profile` out (a removed or changed profile too); the local logout stands even if the service cannot be told. */
  end(profile: Profile): Promise<void> {
    return this.#options.manager.logout(profile);
  }

  identities(id: string): Promise<SessionIdentities> {
    return this.#options.manager.identities(this.#options.profiles.get(id));
  }

  /** Switches identity, and remembers it so the next login acts as the same one. */
  async switchIdentity(id: string, identityId: string): Promise<SessionEvent> {
    const event = await this.#options.manager.switchIdentity(this.#options.profiles.get(id), identityId);
    if (event.state === 'active' && event.identity) await this.#options.profiles.setOption(id, IDENTITY_OPTION, event.identity.id);
    return event;
  }

  stepUp(id: string, method: 'sms' | 'push'): Promise<SessionEvent> {
    return this.#options.manager.stepUp(this.#options.profiles.get(id), method);
  }

  /** Shows the sessions the vault kept as active again (on unlock). */
  restore(): void {
    const data = this.#options.vault.data();
    for (const token of data.sessions) {
      const profile = data.profiles.find((p) => p.id === token.profileId);
      if (!profile) continue;
      const identity = token.identityId === null ? null : { id: token.identityId, name: token.identityName ?? token.identityId };
      this.#options.manager.restore(profile, identity);
    }
  }

  /** Stops every login and forgets every state in memory; the vault keeps the tokens (it locked). */
  clear(): void {
    this.#options.manager.clear();
  }
}
