// Runs in: main, CLI, tests.
//
// One state machine per profile, whose states are the events it emits (types.ts):
// logged-out -> logging-in -> (awaiting-otp | awaiting-approval -> logging-in)* -> active ->
// expired, with error and logged-out reachable from any step. It runs the profile's provider
// with LoginSteps (login-steps.ts), keeps the token in a TokenStore and nowhere else, and
// times expiry with the Clock port only.
//
// Note (nothing half-done): cancel() and logout() abort the login's signal and show
// logged-out at once, without waiting for the provider. A provider session that comes into
// being anyway (a provider that finished as the cancel arrived, or a token the store could
// not keep) is ended on the service and forgotten (#discard), so no token outlives its state.

import { AuthdeskError, isAuthdeskError } from '../errors.ts';
import type { Clock, Prompt } from '../platform/ports.ts';
import { PROVIDER_NAMES } from '../providers/index.ts';
import type { LoginResult, Provider, ProviderRegistry } from '../providers/index.ts';
import type { Profile } from '../vault/model.ts';
import { loginCancelled, untilAborted } from './cancellation.ts';
import { scheduleExpiry } from './expiry.ts';
import { createLoginSteps } from './login-steps.ts';
import { createMemoryTokenStore } from './memory-token-store.ts';
import { safeWireError } from './safe-error.ts';
import type { CredentialSource, OtpSource, SeedStore, SessionEvent, SessionListener, SessionState, TokenStore } from './types.ts';

export interface SessionManagerOptions {
  readonly providers: ProviderRegistry;
  readonly otp: OtpSource;
  readonly credentials: CredentialSource;
  /** Keeps seeds a service issues during login; offers are declined when not given. */
  readonly seeds?: SeedStore;
  readonly prompt: Prompt;
  readonly clock: Clock;
  /** Where tokens live between login and logout; in memory when not given. */
  readonly tokens?: TokenStore;
}

interface LoginRun {
  readonly controller: AbortController;
  done: Promise<SessionEvent>;
}

interface ProfileSession {
  readonly profileId: string;
  state: SessionEvent;
  login: LoginRun | null;
  expiry: { cancel(): void } | null;
  /** Provider logout calls still running, so cancel() can stop waiting for them too. */
  readonly logouts: Set<AbortController>;
}

export class SessionManager {
  readonly #options: SessionManagerOptions;
  readonly #tokens: TokenStore;
  readonly #sessions = new Map<string, ProfileSession>();
  readonly #listeners = new Set<{ readonly listener: SessionListener }>();

  constructor(options: SessionManagerOptions) {
    this.#options = options;
    this.#tokens = options.tokens ?? createMemoryTokenStore();
  }

  state(profileId: string): SessionEvent {
    return this.#sessions.get(profileId)?.state ?? { state: 'logged-out', profileId };
  }

  /** Every state change of every profile, from now on; returns the unsubscribe function. */
  subscribe(listener: SessionListener): () => void {
    const subscription = { listener };
    this.#listeners.add(subscription);
    return () => void this.#listeners.delete(subscription);
  }

  /**
   * Logs the profile in and resolves with the state the login ended in (active, logged-out
   * when cancelled or declined, or error); it does not reject for a failed login.
   */
  login(profile: Profile): Promise<SessionEvent> {
    const session = this.#session(profile.id);
    // Note (single login): a second login while one runs joins it. A double click, or the
    // tray and the CLI asking at once, must not start two conversations that would each
    // spend an OTP (a TOTP code works once per period) and race to store a token; refusing
    // would show an error for a harmless repeat. An active session is kept as it is.
    if (session.login) return session.login.done;
    if (session.state.state === 'active') return Promise.resolve(session.state);
    const run: LoginRun = { controller: new AbortController(), done: Promise.resolve(session.state) };
    session.login = run;
    run.done = this.#run(profile, session, run).finally(() => {
      if (session.login === run) session.login = null;
    });
    return run.done;
  }

  /**
   * Stops whatever the profile is doing, in any state, and shows logged-out at once: a login
   * is aborted (its prompt settles as declined), an active session is forgotten here without
   * telling the service (logout does that), and a logout stops waiting for the service.
   */
  cancel(profileId: string): void {
    const session = this.#sessions.get(profileId);
    if (!session) return;
    this.#stop(session);
    // Note (cancel is synchronous): the UI needs logged-out now, so the store's delete is not
    // awaited; if it fails the token stays stored, and the next login offers it to resume.
    if (session.state.state === 'active') this.#tokens.delete(profileId).catch(() => undefined);
    this.#set(session, { state: 'logged-out' });
  }

  /**
   * Forgets the profile's token, shows logged-out, then asks the service to end the session.
   * Rejects (after the local logout) when the service could not be told.
   */
  async logout(profile: Profile): Promise<void> {
    const session = this.#session(profile.id);
    this.#stop(session);
    const stored = this.#tokens.get(profile.id);
    this.#set(session, { state: 'logged-out' });
    if (!stored) return;
    await this.#tokens.delete(profile.id);
    const controller = new AbortController();
    session.logouts.add(controller);
    try {
      const provider = this.#options.providers.get(profile.provider);
      await untilAborted(() => provider.logout({ profile, token: stored.token }, controller.signal), controller.signal);
    } catch (error) {
      if (controller.signal.aborted) return;
      const fallback = `You are logged out here, but ${PROVIDER_NAMES[profile.provider]} could not be told; the session ends on its side when it expires.`;
      const wire = safeWireError(error, new Set([stored.token]), fallback);
      throw new AuthdeskError(wire.code, wire.message, { cause: error });
    } finally {
      session.logouts.delete(controller);
    }
  }

  async #run(profile: Profile, session: ProfileSession, run: LoginRun): Promise<SessionEvent> {
    const { signal } = run.controller;
    const current = (): boolean => session.login === run && !signal.aborted;
    const report = (state: SessionState): void => {
      if (current()) this.#set(session, state);
    };
    const secrets = new Set<string>();
    let provider: Provider | null = null;
    let pending: Promise<LoginResult> | null = null;
    report({ state: 'logging-in' });
    try {
      provider = this.#options.providers.get(profile.provider);
      const { otp, credentials, prompt, clock } = this.#options;
      const stored = this.#tokens.get(profile.id);
      const resume = stored && (stored.expiresAt === null || stored.expiresAt > clock.now()) ? stored.token : null;
      if (resume !== null) secrets.add(resume);
      const steps = createLoginSteps({ profile, signal, otp, credentials, seeds: this.#options.seeds ?? null, prompt, report, secrets });
      const login = provider.login({ profile, steps, resume }, signal);
      pending = login;
      const result = await untilAborted(() => login, signal);
      secrets.add(result.token);
      await this.#tokens.set({ profileId: profile.id, identityId: result.identity?.id ?? null, token: result.token, issuedAt: clock.now(), expiresAt: result.expiresAt });
      if (!current()) throw loginCancelled();
      this.#activate(session, result);
    } catch (error) {
      if (provider && pending) this.#discard(profile, provider, pending);
      if (!current()) return session.state;
      if (isAuthdeskError(error, 'LOGIN_CANCELLED')) report({ state: 'logged-out' });
      else {
        const fallback = `Logging in to ${PROVIDER_NAMES[profile.provider]} failed for a reason Authdesk did not expect. Try again; if it keeps failing, check the profile's address and settings.`;
        report({ state: 'error', error: safeWireError(error, secrets, fallback) });
      }
    }
    return session.state;
  }

  #activate(session: ProfileSession, result: LoginResult): void {
    const until = result.expiresAt;
    if (until !== null) session.expiry = scheduleExpiry(this.#options.clock, until, () => this.#expire(session));
    // Only the identity's id and name: a provider's object may carry more than an event may show.
    const identity = result.identity && { id: result.identity.id, name: result.identity.name };
    this.#set(session, { state: 'active', until, identity });
  }

  #expire(session: ProfileSession): void {
    session.expiry = null;
    this.#tokens.delete(session.profileId).catch(() => undefined);
    this.#set(session, { state: 'expired' });
  }

  /** Ends, on the service and in the store, a session this manager will not keep. */
  #discard(profile: Profile, provider: Provider, pending: Promise<LoginResult>): void {
    pending
      .then(async ({ token }) => {
        if (this.#tokens.get(profile.id)?.token === token) await this.#tokens.delete(profile.id);
        await provider.logout({ profile, token }, new AbortController().signal);
      })
      // Nobody waits on this: the person already sees the login's outcome, and a token the
      // service keeps anyway dies at its expiry.
      .catch(() => undefined);
  }

  #stop(session: ProfileSession): void {
    session.login?.controller.abort();
    session.login = null;
    for (const controller of session.logouts) controller.abort();
    session.logouts.clear();
    session.expiry?.cancel();
    session.expiry = null;
  }

  #session(profileId: string): ProfileSession {
    let session = this.#sessions.get(profileId);
    if (!session) {
      session = { profileId, state: { state: 'logged-out', profileId }, login: null, expiry: null, logouts: new Set() };
      this.#sessions.set(profileId, session);
    }
    return session;
  }

  #set(session: ProfileSession, state: SessionState): void {
    const event: SessionEvent = { ...state, profileId: session.profileId };
    if (JSON.stringify(event) === JSON.stringify(session.state)) return;
    session.state = event;
    for (const { listener } of [...this.#listeners]) {
      try {
        listener(event);
      } catch (error) {
        // One broken window must not stop a login or the other listeners. The event, and so
        // whatever the listener threw about it, holds no secret.
        console.error('A session listener failed:', error);
      }
    }
  }
}
