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
import type { Identity, LoginResult, LoginSteps, Provider, ProviderRegistry } from '../providers/index.ts';
import type { Profile, SessionToken } from '../vault/model.ts';
import { loginCancelled, untilAborted } from './cancellation.ts';
import { askToTrust, untrustedFingerprint } from './certificate-trust.ts';
import { scheduleExpiry } from './expiry.ts';
import { keepAliveAt } from './keep-alive.ts';
import { createLoginSteps } from './login-steps.ts';
import { createMemoryTokenStore } from './memory-token-store.ts';
import { safeWireError } from './safe-error.ts';
import type { CredentialSource, OtpSource, PinStore, SeedStore, SessionEvent, SessionListener, SessionState, TokenStore, TokenStored } from './types.ts';

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
  /** Pins a certificate the person accepted mid-login; without it CERT_UNTRUSTED is an error. */
  readonly pins?: PinStore;
  /** Whether the profile asks, as saved now, for its session to be kept alive (Weavr's sliding window). */
  readonly keepsAlive?: (profile: Profile) => boolean;
}

/** The identities a live session may act as, and the one it acts as now. */
export interface SessionIdentities {
  readonly current: string | null;
  readonly identities: readonly Identity[];
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
  keepAlive: { cancel(): void } | null;
  /** A step-up is running: cancel() stops it and keeps the session. */
  steppingUp: boolean;
  /** Provider calls on the session still running (logout, identities, step-up ...), so cancel() can stop waiting for them too. */
  readonly calls: Set<AbortController>;
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
    // Cancelling a step-up stops it and keeps the session it was raising.
    if (session.steppingUp) {
      for (const controller of session.calls) controller.abort();
      return;
    }
    this.#stop(session);
    // Note (cancel is synchronous): the UI needs logged-out now, so the store's delete is not
    // awaited; if it fails the token stays stored, and the next login offers it to resume.
    if (session.state.state === 'active') this.#tokens.delete(profileId, 'cancelled').catch(() => undefined);
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
    await this.#tokens.delete(profile.id, 'logout');
    const fallback = `You are logged out here, but ${PROVIDER_NAMES[profile.provider]} could not be told; the session ends on its side when it expires.`;
    await this.#call(session, stored.token, fallback, (signal) => this.#options.providers.get(profile.provider).logout({ profile, token: stored.token }, signal)).catch((error: unknown) => {
      if (!isAuthdeskError(error, 'LOGIN_CANCELLED')) throw error;
    });
  }

  /**
   * Shows a session kept from an earlier run (the vault just unlocked: the app restarted, or
   * a CLI command follows `login`) as active, or as expired and forgotten when its time passed.
   */
  restore(profile: Profile, identity: Identity | null): void {
    const session = this.#session(profile.id);
    const stored = this.#tokens.get(profile.id);
    if (!stored || session.login || session.state.state === 'active') return;
    if (stored.expiresAt !== null && stored.expiresAt <= this.#options.clock.now()) {
      this.#expire(session);
      return;
    }
    this.#activate(session, profile, { token: stored.token, expiresAt: stored.expiresAt, identity });
  }

  /** Stops everything and forgets every state, keeping stored tokens (the vault locked). */
  clear(): void {
    for (const session of this.#sessions.values()) {
      this.#stop(session);
      this.#set(session, { state: 'logged-out' });
    }
  }

  /** The identities the active session may act as (Weavr). */
  async identities(profile: Profile): Promise<SessionIdentities> {
    const { session, provider, token } = this.#live(profile);
    if (!provider.identities) throw unsupported(profile, 'has one identity per login');
    const listed = await this.#call(session, token.token, this.#failed(profile), (signal) => provider.identities!({ profile, token: token.token }, signal));
    return { current: token.identityId, identities: listed.map(({ id, name }) => ({ id, name })) };
  }

  /** Re-issues the active session as another identity; resolves with the new state. */
  async switchIdentity(profile: Profile, identityId: string): Promise<SessionEvent> {
    const { session, provider, token } = this.#live(profile);
    if (!provider.switchIdentity) throw unsupported(profile, 'has one identity per login');
    const result = await this.#call(session, token.token, this.#failed(profile), (signal) => provider.switchIdentity!({ profile, token: token.token, identityId }, signal));
    await this.#renew(session, profile, result);
    return session.state;
  }

  /**
   * Raises the active session's assurance: an SMS code asked through the Prompt port, or a
   * push the person approves elsewhere while the state shows awaiting-approval. Cancelling it
   * (or declining the code) keeps the session as it was.
   */
  async stepUp(profile: Profile, method: 'sms' | 'push'): Promise<SessionEvent> {
    const { session, provider, token } = this.#live(profile);
    if (!provider.stepUp) throw unsupported(profile, 'has no step-up');
    const before = session.state;
    const secrets = new Set([token.token]);
    session.steppingUp = true;
    try {
      const result = await this.#call(session, token.token, this.#failed(profile), (signal) => {
        const steps = this.#steps(profile, signal, secrets, (state) => {
          if (!signal.aborted) this.#set(session, state.state === 'logging-in' ? before : state);
        });
        return provider.stepUp!({ profile, token: token.token, method, steps }, signal);
      });
      await this.#renew(session, profile, result);
    } catch (error) {
      if (this.#tokens.get(profile.id)?.token === token.token && session.state.state !== 'expired') this.#set(session, before);
      if (!isAuthdeskError(error, 'LOGIN_CANCELLED')) throw error;
    } finally {
      session.steppingUp = false;
    }
    return session.state;
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
      const { prompt, clock } = this.#options;
      const stored = this.#tokens.get(profile.id);
      const resume = stored && (stored.expiresAt === null || stored.expiresAt > clock.now()) ? stored.token : null;
      if (resume !== null) secrets.add(resume);
      const steps = this.#steps(profile, signal, secrets, report);
      let pinned: Profile | null = null;
      let result: LoginResult;
      for (;;) {
        const login = provider.login({ profile: pinned ?? profile, steps, resume }, signal);
        pending = login;
        try {
          result = await untilAborted(() => login, signal);
          break;
        } catch (error) {
          // A certificate is asked about once per login: the one just pinned must then work.
          const fingerprint = untrustedFingerprint(error);
          if (fingerprint === null || pinned !== null || !this.#options.pins) throw error;
          pinned = await askToTrust(profile, fingerprint, prompt, this.#options.pins, signal);
          report({ state: 'logging-in' });
        }
      }
      secrets.add(result.token);
      await this.#store(profile, result, 'login');
      if (!current()) throw loginCancelled();
      this.#activate(session, pinned ?? profile, result);
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

  #steps(profile: Profile, signal: AbortSignal, secrets: Set<string>, report: (state: SessionState) => void): LoginSteps {
    const { otp, credentials, prompt } = this.#options;
    return createLoginSteps({ profile, signal, otp, credentials, seeds: this.#options.seeds ?? null, prompt, report, secrets });
  }

  #store(profile: Profile, result: LoginResult, why: TokenStored): Promise<void> {
    const { identity } = result;
    return this.#tokens.set({ profileId: profile.id, identityId: identity?.id ?? null, identityName: identity?.name ?? null, token: result.token, issuedAt: this.#options.clock.now(), expiresAt: result.expiresAt }, why);
  }

  /** Replaces the live session with what a call on it returned (a switch, a step-up, a keep-alive). */
  async #renew(session: ProfileSession, profile: Profile, result: LoginResult): Promise<void> {
    await this.#store(profile, result, 'renewed');
    session.expiry?.cancel();
    session.keepAlive?.cancel();
    this.#activate(session, profile, result);
  }

  #activate(session: ProfileSession, profile: Profile, result: LoginResult): void {
    const until = result.expiresAt;
    if (until !== null) {
      session.expiry = scheduleExpiry(this.#options.clock, until, () => this.#expire(session));
      this.#scheduleKeepAlive(session, profile, result.token, until);
    }
    // Only the identity's id and name: a provider's object may carry more than an event may show.
    const identity = result.identity && { id: result.identity.id, name: result.identity.name };
    this.#set(session, { state: 'active', until, identity });
  }

  /**
   * Calls the provider's keepAlive shortly before `until` if the profile asks for it then (the
   * person may switch it off while the session runs); one that fails leaves the session to
   * expire at its time, which the person sees.
   */
  #scheduleKeepAlive(session: ProfileSession, profile: Profile, token: string, until: number): void {
    const { keepsAlive, clock, providers } = this.#options;
    if (!keepsAlive) return;
    let provider: Provider;
    try {
      provider = providers.get(profile.provider);
    } catch {
      // A session restored for a service this build cannot reach has nothing to keep alive.
      return;
    }
    if (!provider.keepAlive) return;
    session.keepAlive = scheduleExpiry(clock, keepAliveAt(clock.now(), until), () => {
      session.keepAlive = null;
      if (!keepsAlive(profile)) return;
      this.#call(session, token, this.#failed(profile), (signal) => provider.keepAlive!({ profile, token }, signal))
        .then((renewed) => this.#renew(session, profile, renewed))
        .catch(() => undefined);
    });
  }

  #expire(session: ProfileSession): void {
    session.expiry?.cancel();
    session.expiry = null;
    session.keepAlive?.cancel();
    session.keepAlive = null;
    this.#tokens.delete(session.profileId, 'expired').catch(() => undefined);
    this.#set(session, { state: 'expired' });
  }

  /** Ends, on the service and in the store, a session this manager will not keep. */
  #discard(profile: Profile, provider: Provider, pending: Promise<LoginResult>): void {
    pending
      .then(async ({ token }) => {
        if (this.#tokens.get(profile.id)?.token === token) await this.#tokens.delete(profile.id, 'discarded');
        await provider.logout({ profile, token }, new AbortController().signal);
      })
      // Nobody waits on this: the person already sees the login's outcome, and a token the
      // service keeps anyway dies at its expiry.
      .catch(() => undefined);
  }

  #stop(session: ProfileSession): void {
    session.login?.controller.abort();
    session.login = null;
    for (const controller of session.calls) controller.abort();
    session.calls.clear();
    session.expiry?.cancel();
    session.expiry = null;
    session.keepAlive?.cancel();
    session.keepAlive = null;
  }

  /** The active session of `profile` with its provider and stored token; NOT_FOUND when it has none. */
  #live(profile: Profile): { session: ProfileSession; provider: Provider; token: SessionToken } {
    const session = this.#session(profile.id);
    const token = this.#tokens.get(profile.id);
    if (session.state.state !== 'active' || !token) throw new AuthdeskError('NOT_FOUND', `${profile.name} is not logged in. Log in first.`);
    return { session, provider: this.#options.providers.get(profile.provider), token };
  }

  #failed(profile: Profile): string {
    return `${PROVIDER_NAMES[profile.provider]} refused the request for a reason Authdesk did not expect. Try again, or log in again.`;
  }

  /**
   * One provider call on a live session, stopped by cancel() and logout(); its error reaches
   * the caller with safe words. A service that no longer knows the token ends the session here.
   */
  async #call<T>(session: ProfileSession, token: string, fallback: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const controller = new AbortController();
    session.calls.add(controller);
    try {
      return await untilAborted(() => work(controller.signal), controller.signal);
    } catch (error) {
      if (isAuthdeskError(error, 'PROVIDER_AUTH_FAILED') && this.#tokens.get(session.profileId)?.token === token) this.#expire(session);
      if (isAuthdeskError(error, 'LOGIN_CANCELLED')) throw error;
      const wire = safeWireError(error, new Set([token]), fallback);
      throw new AuthdeskError(wire.code, wire.message, { cause: error, ...(wire.details ? { details: { ...wire.details } } : {}) });
    } finally {
      session.calls.delete(controller);
    }
  }

  #session(profileId: string): ProfileSession {
    let session = this.#sessions.get(profileId);
    if (!session) {
      session = { profileId, state: { state: 'logged-out', profileId }, login: null, expiry: null, keepAlive: null, steppingUp: false, calls: new Set() };
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

function unsupported(profile: Profile, why: string): AuthdeskError {
  return new AuthdeskError('PROVIDER_UNSUPPORTED', `${PROVIDER_NAMES[profile.provider]} ${why}.`);
}
