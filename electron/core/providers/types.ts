// Runs in: main, CLI, tests.
//
// The one interface every service client (truenas/, weavr/, appgate/) implements, so that
// sessions/ can run any login without knowing the service. A provider talks to its service
// and nothing else: every secret and every question for the person reaches it through the
// LoginSteps that sessions hand it, so it never reads the vault or the screen itself.
//
// Note (one small interface): the three contracts (shared/specs/CONTRACTS.md) differ in
// transport and order, but each login is "credential, then zero or more OTP or approval
// steps, then a token": TrueNAS answers OTP_REQUIRED on its socket through steps.otp and
// follows REDIRECT inside login; Appgate maps 412/needTwoFactorAuth and the four otp
// initialize types to steps.otp (AlreadySeeded, Challenge) and steps.approval (Push); Weavr
// exchanges its auth token for the access token of profile.options' identity inside login.
// Identity switching, step-up and keep-alive on a live session are optional capabilities of
// the same interface (only Weavr has them); changing it means changing sessions/login-steps.ts,
// sessions/session-manager.ts and every provider folder.

import type { Profile, ProviderType } from '../vault/model.ts';

/** How messages name each service. */
export const PROVIDER_NAMES: Readonly<Record<ProviderType, string>> = {
  truenas: 'TrueNAS',
  weavr: 'Weavr Multi',
  appgate: 'Appgate SDP',
};

/** Who a session acts as: a TrueNAS user, a Weavr identity, an Appgate admin. Not secret. */
export interface Identity {
  readonly id: string;
  readonly name: string;
}

/** The secret of the profile's vault credential (Profile.credentialId). */
export interface LoginCredential {
  readonly kind: 'password' | 'api-key';
  readonly secret: string;
}

export interface OtpRequest {
  /**
   * 'authenticator': the current code of a TOTP account, which Authdesk may supply from the
   * account linked to the profile. 'service': a code the service sent the person (Weavr SMS,
   * a RADIUS challenge), which only they can type.
   */
  readonly from: 'authenticator' | 'service';
  readonly digits?: number;
  /** The service's own words for the person (RADIUS responseMessage); never a secret. */
  readonly message?: string;
}

export interface ApprovalNotice {
  /** For the person: where to approve ("Approve the sign-in in your Authy app."). */
  readonly message: string;
  /** When the service stops waiting (ms since the epoch), or null when it does not say. */
  readonly until: number | null;
}

/**
 * What sessions give a provider for one login. Each method honours the login's signal and
 * throws AuthdeskError LOGIN_CANCELLED when the person declines or the login is cancelled;
 * a provider lets that error through.
 */
export interface LoginSteps {
  /** The profile's saved password or API key; CREDENTIAL_MISSING when none is saved. */
  credential(): Promise<LoginCredential>;
  /** An OTP. Asking again in the same login tells sessions the service refused the last code. */
  otp(request: OtpRequest): Promise<string>;
  /** Shows that the service waits for the person to approve elsewhere while `pending` runs. */
  approval<T>(notice: ApprovalNotice, pending: Promise<T>): Promise<T>;
  /**
   * A TOTP seed the service issued in this login (Appgate's `Secret`), offered to the person to
   * keep as a vault account linked to the profile. True when it was stored and linked: the next
   * otp({from: 'authenticator'}) is answered from it. False when the person declined.
   */
  offerSeed(seed: { readonly otpauthUri: string }): Promise<boolean>;
}

export interface LoginRequest {
  readonly profile: Profile;
  readonly steps: LoginSteps;
  /** The token of this profile's last session, still within its expiry; a provider that can resume (TrueNAS TOKEN_PLAIN) tries it before asking for anything. */
  readonly resume: string | null;
}

export interface LoginResult {
  /** Opaque to sessions: whatever the provider needs to use, resume and end the session. */
  readonly token: string;
  /** When the service will stop accepting the token (ms since the epoch), or null when it does not expire by time. */
  readonly expiresAt: number | null;
  readonly identity: Identity | null;
}

export interface LogoutRequest {
  readonly profile: Profile;
  readonly token: string;
}

/** A call on a live session: the profile and its current token. */
export type SessionRequest = LogoutRequest;

/**
 * One service's client. Both methods honour `signal` at every await (an aborted call
 * rejects promptly and leaves no socket or request behind) and fail with AuthdeskError
 * (PROVIDER_ERROR, NETWORK_ERROR ...) whose message is written for people and quotes no secret.
 */
export interface Provider {
  /**
   * The base URL a profile stores for what a person pasted (the sandbox's printed
   * `ws://127.0.0.1:PORT/api/current`, a bare `https://host`), completed to the service's
   * endpoint; AuthdeskError INVALID_INPUT, with words, when it cannot be one.
   */
  baseUrl(input: string): string;
  login(request: LoginRequest, signal: AbortSignal): Promise<LoginResult>;
  /** Ends the session on the service's side. */
  logout(request: LogoutRequest, signal: AbortSignal): Promise<void>;
  /** The identities this session may act as (Weavr). Absent where a login has one identity. */
  identities?(request: SessionRequest, signal: AbortSignal): Promise<readonly Identity[]>;
  /** Re-issues the session as another of its identities; the result replaces the session. */
  switchIdentity?(request: SessionRequest & { readonly identityId: string }, signal: AbortSignal): Promise<LoginResult>;
  /**
   * Raises the session's assurance (Weavr step-up): 'sms' asks for the code through
   * steps.otp({from: 'service'}), 'push' waits through steps.approval. The result replaces the session.
   */
  stepUp?(request: SessionRequest & { readonly method: 'sms' | 'push'; readonly steps: LoginSteps }, signal: AbortSignal): Promise<LoginResult>;
  /** One cheap authenticated call that slides an inactivity window (Weavr: 5 minutes from the last call). */
  keepAlive?(request: SessionRequest, signal: AbortSignal): Promise<LoginResult>;
}
