// Runs in: main, CLI, tests.
//
// The opaque LoginResult.token of a Weavr session. Note (two tokens): Weavr's auth token opens
// only /identities and /access_token, and the access token everything else (CONTRACTS B.2), so
// the session keeps both, with the current identity and the identities the login may switch
// to (a switch is then one call). sessions/ stores it encrypted in the vault and hands it back
// unread; only this folder reads it. Change identities.ts with it.

import { AuthdeskError } from '../../errors.ts';
import type { Identity, LoginResult } from '../types.ts';

export interface WeavrIdentity {
  /** CONSUMER or CORPORATE; kept as sent so a newer type still round-trips. */
  readonly type: string;
  readonly id: string;
  readonly name: string;
}

export interface WeavrSession {
  readonly auth: string;
  readonly access: string;
  readonly identity: WeavrIdentity;
  readonly identities: readonly WeavrIdentity[];
}

const VERSION = 1;

/** How an identity is named to sessions, the window and the CLI: "CORPORATE:3001". */
export function identityOf(identity: WeavrIdentity): Identity {
  return { id: `${identity.type}:${identity.id}`, name: identity.name };
}

export function sessionResult(session: WeavrSession, expiresAt: number): LoginResult {
  return { token: JSON.stringify({ v: VERSION, ...session }), expiresAt, identity: identityOf(session.identity) };
}

export function readSession(token: string, service: string): WeavrSession {
  let parsed: unknown;
  try {
    parsed = JSON.parse(token);
  } catch {
    throw unreadableSession(service);
  }
  const raw = parsed as Partial<WeavrSession> & { v?: unknown };
  if (raw?.v !== VERSION || typeof raw.auth !== 'string' || typeof raw.access !== 'string' || !isIdentity(raw.identity) || !Array.isArray(raw.identities) || !raw.identities.every(isIdentity)) {
    throw unreadableSession(service);
  }
  return { auth: raw.auth, access: raw.access, identity: raw.identity, identities: raw.identities };
}

export function isIdentity(value: unknown): value is WeavrIdentity {
  const v = value as Partial<WeavrIdentity> | null;
  return typeof v?.type === 'string' && typeof v.id === 'string' && typeof v.name === 'string';
}

function unreadableSession(service: string): AuthdeskError {
  return new AuthdeskError('PROVIDER_AUTH_FAILED', `The saved ${service} session could not be read. Log in again.`);
}
