// Runs in: main, CLI, tests.
//
// The public face of the sessions module: the session manager the app layer builds with the
// provider registry and the vault-backed sources, and the states it reports.

export { watchSessionExpiry, type KeepAlive } from './expiry-notices.ts';
export { createMemoryTokenStore } from './memory-token-store.ts';
export { SessionManager } from './session-manager.ts';
export type { SessionIdentities, SessionManagerOptions } from './session-manager.ts';
export type { CredentialSource, OtpSource, PinStore, SeedStore, SessionEvent, SessionListener, SessionState, TokenForgotten, TokenStore, TokenStored } from './types.ts';
