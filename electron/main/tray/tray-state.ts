// Runs in: main, tests. No 'electron' here: what the tray menu shows, read from core.
import type { Core } from '../../core/app/core.ts';
import type { Identity } from '../../core/providers/index.ts';
import type { SessionEvent, SessionIdentities, SessionState } from '../../core/sessions/index.ts';
import type { VaultState } from '../../core/vault/status.ts';
import type { TrayState } from './menu-model.ts';

const LOGGING_IN: ReadonlySet<SessionState['state']> = new Set(['logging-in', 'awaiting-otp', 'awaiting-approval']);
const OVER: ReadonlySet<SessionState['state']> = new Set(['logged-out', 'expired', 'error']);

/**
 * The identities each live session may act as, for the tray's radio submenu.
 *
 * Note (one listing per login): each listing is a call to the service (Weavr), and a call keeps
 * a sliding session alive, which a profile may have asked not to do (keep-alive off). So the
 * list is asked for once, right after a login made here, and kept until the session ends; a
 * session restored at unlock has none until its next login (the window's Sessions screen lists
 * them on demand). A service with one identity per login answers at once, without a call.
 */
export class TrayIdentities {
  readonly #list: (profileId: string) => Promise<SessionIdentities>;
  readonly #changed: () => void;
  readonly #known = new Map<string, { identities: readonly Identity[] | null }>();
  readonly #last = new Map<string, SessionState['state']>();

  constructor(list: (profileId: string) => Promise<SessionIdentities>, changed: () => void) {
    this.#list = list;
    this.#changed = changed;
  }

  of(profileId: string): readonly Identity[] | null {
    return this.#known.get(profileId)?.identities ?? null;
  }

  /** Follows a session event: lists the identities after a login, forgets them when it ends. */
  seen(event: SessionEvent): void {
    const previous = this.#last.get(event.profileId);
    this.#last.set(event.profileId, event.state);
    if (OVER.has(event.state)) {
      this.#known.delete(event.profileId);
      return;
    }
    if (event.state !== 'active' || this.#known.has(event.profileId) || previous === undefined || !LOGGING_IN.has(previous)) return;
    const entry: { identities: readonly Identity[] | null } = { identities: null };
    this.#known.set(event.profileId, entry);
    this.#list(event.profileId).then(
      ({ identities }) => {
        // A session that ended meanwhile is not shown with them.
        if (this.#known.get(event.profileId) !== entry) return;
        entry.identities = identities;
        this.#changed();
      },
      // No list (one identity per login, or the call failed): the submenu has none to offer.
      () => {},
    );
  }

  /** Forgets everything (the vault locked: sessions left memory). */
  clear(): void {
    this.#known.clear();
    this.#last.clear();
  }
}

/** The vault's state now: unlocked when core can read it, otherwise as last reported. */
function vaultState(core: Core, reported: VaultState): VaultState {
  try {
    core.vault.unlocked();
    return 'unlocked';
  } catch {
    return reported === 'unlocked' ? 'locked' : reported;
  }
}

export function readTrayState(core: Core, reported: VaultState, identities: TrayIdentities): TrayState {
  const vault = vaultState(core, reported);
  if (vault !== 'unlocked') return { vault, favourites: [], profiles: [], approvals: { pending: 0, held: 0 } };
  const favourites = core.accounts
    .list()
    .filter((account) => account.favourite)
    .map((account) => ({ id: account.id, issuer: account.issuer, label: account.label, hotp: account.otp.type === 'hotp' }));
  const states = core.sessions.states();
  const profiles = core.profiles.list().map((profile, index) => {
    const { profileId: _id, ...session } = states[index] ?? { profileId: profile.id, state: 'logged-out' as const };
    return { id: profile.id, name: profile.name, session, identities: identities.of(profile.id) };
  });
  const view = core.approvals.pending();
  return { vault, favourites, profiles, approvals: { pending: view.pending.length, held: view.held.reduce((sum, h) => sum + h.count, 0) } };
}
