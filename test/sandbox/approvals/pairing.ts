// Runs in: sandbox (`npm run sandbox` and tests; never shipped).
//
// Enrolment that cannot be guessed (docs/device-approvals.md §3): one-time 256-bit pairing tokens
// that expire after 10 minutes, and a sliding window of failed attempts per source and per account.

import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../clock.ts';

export const PAIRING_LIFETIME_MS = 10 * 60_000;
export const ENROLMENT_WINDOW_MS = 15 * 60_000;
export const FAILURES_PER_SOURCE = 10;
export const FAILURES_PER_ACCOUNT = 5;

export interface Pairing {
  readonly account: string;
  readonly token: string;
  readonly expiresAt: number;
}

function digest(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('base64url');
}

export class PairingTokens {
  readonly #clock: Clock;
  /** Keyed by the token's SHA-256: a dump of the server's memory does not enrol anyone. */
  readonly #byDigest = new Map<string, { readonly account: string; readonly expiresAt: number }>();

  constructor(clock: Clock) {
    this.#clock = clock;
  }

  issue(account: string): Pairing {
    this.#prune();
    const token = randomBytes(32).toString('base64url');
    const expiresAt = this.#clock.now() + PAIRING_LIFETIME_MS;
    this.#byDigest.set(digest(token), { account, expiresAt });
    return { account, token, expiresAt };
  }

  /** True once per token: for the account it was issued for, before it expires. */
  redeem(account: string, token: string): boolean {
    this.#prune();
    const key = digest(token);
    const entry = this.#byDigest.get(key);
    if (!entry || entry.account !== account) return false;
    this.#byDigest.delete(key);
    return true;
  }

  #prune(): void {
    const now = this.#clock.now();
    for (const [key, entry] of this.#byDigest) if (now >= entry.expiresAt) this.#byDigest.delete(key);
  }
}

/** Failed attempts per key over a sliding window; at `limit` failures the key waits. */
export class FailureWindow {
  readonly #clock: Clock;
  readonly #limit: number;
  readonly #failures = new Map<string, number[]>();

  constructor(clock: Clock, limit: number) {
    this.#clock = clock;
    this.#limit = limit;
  }

  /** How long until `key` may try again: 0 when it may now. */
  waitMs(key: string): number {
    const now = this.#clock.now();
    const recent = (this.#failures.get(key) ?? []).filter((at) => now - at < ENROLMENT_WINDOW_MS);
    if (recent.length === 0) this.#failures.delete(key);
    else this.#failures.set(key, recent);
    return recent.length < this.#limit ? 0 : recent[recent.length - this.#limit]! + ENROLMENT_WINDOW_MS - now;
  }

  record(key: string): void {
    this.#failures.set(key, [...(this.#failures.get(key) ?? []), this.#clock.now()]);
  }
}
