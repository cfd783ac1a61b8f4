// Runs in: sandbox (`npm run sandbox` and tests; never shipped).
//
// Weavr sessions and tokens. Note (token model): a login creates a session; its auth token and
// the access tokens exchanged from it share the session, so a step-up shows as STEPPED_UP when
// the client exchanges again (the polling fallback of CONTRACTS B.4). Tokens slide: each use
// moves the 5-minute expiry.

import { randomBytes } from 'node:crypto';
import type { Clock } from '../clock.ts';
import type { WeavrIdentity, WeavrUser } from '../seed.ts';

export const TOKEN_IDLE_MS = 5 * 60_000;
export const LOCKOUT_MS = 30 * 60_000;
export const OTP_CHALLENGE_MS = 5 * 60_000;
export const OTP_ATTEMPTS = 3;
export const OTP_CHALLENGES_PER_SESSION = 5;
export const SANDBOX_OTP = '123456';

export type FactorStatus = 'PENDING_VERIFICATION' | 'ACTIVE' | 'INACTIVE';

export interface OtpChallenge {
  readonly issuedAt: number;
  failures: number;
  verified: boolean;
}

export interface UserState {
  readonly user: WeavrUser;
  failures: number;
  lockedUntil: number;
  sms?: FactorStatus;
  push?: FactorStatus;
  enrolChallenge?: OtpChallenge;
}

export interface Session {
  readonly user: UserState;
  readonly steppedUp: Set<string>;
  revoked: boolean;
  otpChallenge?: OtpChallenge;
  readonly otpIssued: number[];
  pushInFlight?: string;
}

export interface Token {
  readonly value: string;
  /** TEMP is the 409 token of an expired password, good only for /passwords/update. */
  readonly kind: 'AUTH' | 'ACCESS' | 'TEMP';
  readonly session: Session;
  readonly identity: WeavrIdentity;
  lastUsed: number;
}

export function identityKey(identity: { type: string; id: string }): string {
  return `${identity.type}:${identity.id}`;
}

export class WeavrState {
  readonly #clock: Clock;
  readonly users = new Map<string, UserState>();
  readonly #tokens = new Map<string, Token>();

  constructor(clock: Clock, users: readonly WeavrUser[]) {
    this.#clock = clock;
    for (const user of users) {
      const state: UserState = { user, failures: 0, lockedUntil: 0 };
      if (user.smsEnrolled) state.sms = 'ACTIVE';
      if (user.pushEnrolled) state.push = 'ACTIVE';
      this.users.set(user.email.toLowerCase(), state);
    }
  }

  newSession(user: UserState): Session {
    return { user, steppedUp: new Set(), revoked: false, otpIssued: [] };
  }

  issue(kind: Token['kind'], session: Session, identity: WeavrIdentity): Token {
    const token: Token = { value: randomBytes(32).toString('base64url'), kind, session, identity, lastUsed: this.#clock.now() };
    this.#tokens.set(token.value, token);
    return token;
  }

  /** The live token for this bearer value, its expiry slid forward; undefined when unknown, revoked or idle too long. */
  use(value: string | undefined): Token | undefined {
    if (value === undefined) return undefined;
    const token = this.#tokens.get(value);
    if (!token) return undefined;
    const now = this.#clock.now();
    if (token.session.revoked || now >= token.lastUsed + TOKEN_IDLE_MS) {
      this.#tokens.delete(value);
      return undefined;
    }
    token.lastUsed = now;
    return token;
  }

  revoke(session: Session): void {
    session.revoked = true;
    for (const [value, token] of this.#tokens) if (token.session === session) this.#tokens.delete(value);
  }
}
