// Runs in: main, CLI, tests.
//
// The states a profile's session goes through, which are also the events sessions emit, and
// the ports the session manager reads secrets through. Events travel to the renderer and to
// logs, so they carry state, expiry, identity and error code and message: never a token,
// password or OTP.

import type { WireError } from '../errors.ts';
import type { Identity, LoginCredential } from '../providers/index.ts';
import type { Profile, SessionToken } from '../vault/model.ts';

export type SessionState =
  | { readonly state: 'logged-out' }
  | { readonly state: 'logging-in' }
  /** A provider asked for an OTP; attempt 2 and on follow a refused code. */
  | { readonly state: 'awaiting-otp'; readonly attempt: number }
  | { readonly state: 'awaiting-approval'; readonly message: string; readonly until: number | null }
  /** until: when the session expires (ms since the epoch), or null when it does not by time. */
  | { readonly state: 'active'; readonly until: number | null; readonly identity: Identity | null }
  | { readonly state: 'expired' }
  | { readonly state: 'error'; readonly error: WireError };

export type SessionEvent = SessionState & { readonly profileId: string };

export type SessionListener = (event: SessionEvent) => void;

/** Codes for a profile's OTP step (the app reads the vault account named by Profile.otpAccountId). */
export interface OtpSource {
  /**
   * The code to send, or null when there is none to give (no account linked, vault locked).
   * 'current': the current code, or the next when the current one is about to expire;
   * 'next': the code of the next time step, after the service refused the current one.
   */
  code(profile: Profile, signal: AbortSignal, moment: 'current' | 'next'): Promise<string | null>;
}

/** Keeps a seed a service issued during login (Appgate `Secret`) as a vault account linked to the profile. */
export interface SeedStore {
  /** Adds the account from the otpauth URI and sets it as the profile's OTP account. */
  store(profile: Profile, otpauthUri: string, signal: AbortSignal): Promise<void>;
}

/** Keeps the certificate fingerprint a person accepted in the profile (Profile.options[PIN_OPTION]). */
export interface PinStore {
  /** Pins `fingerprint` and returns the profile as saved. */
  pin(profile: Profile, fingerprint: string, signal: AbortSignal): Promise<Profile>;
}

/** The secret of a profile's vault credential (Profile.credentialId). */
export interface CredentialSource {
  /** Null when the profile names no credential, or it is gone. */
  credential(profile: Profile, signal: AbortSignal): Promise<LoginCredential | null>;
}

/** Why a token is stored: a new login, or a call on the session that re-issued it. */
export type TokenStored = 'login' | 'renewed';
/** Why a token is forgotten: logged out on the service, forgotten here only, expired, or never kept (a cancelled login's late token). */
export type TokenForgotten = 'logout' | 'cancelled' | 'expired' | 'discarded';

/**
 * Where session tokens live between login and logout: read at once, written before the
 * session counts as active (VaultAccess's shape, so a vault-backed store drops in). Each
 * write says why, so a store can record logins and logouts in the same write.
 */
export interface TokenStore {
  get(profileId: string): SessionToken | null;
  set(token: SessionToken, why: TokenStored): Promise<void>;
  delete(profileId: string, why: TokenForgotten): Promise<void>;
}
