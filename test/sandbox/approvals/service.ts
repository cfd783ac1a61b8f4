// Runs in: sandbox (`npm run sandbox` and tests; never shipped).
//
// The server side of Authdesk's device approval protocol v2 (docs/device-approvals.md):
// challenges with a typed number the device never sees, a five-minute life, signed decisions,
// and the per-device events that announce them. Devices themselves live in devices.ts.

import { randomInt, randomUUID } from 'node:crypto';
import type { Clock } from '../clock.ts';
import { sameSecret } from '../secrets.ts';
import type { ApprovalAccount } from '../seed.ts';
import { DeviceRegistry, MAX_SKEW_MS, type Device } from './devices.ts';
import { decisionMessage, verifySignature, type Decision } from './signing.ts';

export const CHALLENGE_LIFETIME_MS = 5 * 60_000;
/** Push fatigue: at most this many challenges per account per minute. */
export const BURST_LIMIT = 3;

export type ChallengeStatus = 'PENDING' | 'APPROVED' | 'DENIED' | 'REPORTED' | 'EXPIRED';
export type ChallengeReason = 'NUMBER_MISMATCH' | null;

export interface ChallengeRequest {
  readonly account: string;
  readonly provider: 'weavr' | 'appgate';
  /** The provider's own id for what is being approved (Weavr's challenge id, Appgate's session). */
  readonly ref: string;
  /** What the device shows: who asks and for what. */
  readonly action: string;
  readonly origin: string;
}

export interface Challenge extends ChallengeRequest {
  readonly id: string;
  readonly createdAt: number;
  readonly expiresAt: number;
  /** Shown on the requesting screen only; the person types it on the device. */
  readonly number: string;
  readonly numberDigits: number;
  /** The devices the challenge went to: they, and only they, hear how it ended. */
  readonly recipients: readonly Device[];
  status: ChallengeStatus;
  reason: ChallengeReason;
  flagged: boolean;
  decidedBy: string | null;
  decidedAt: number | null;
}

export type DecisionOutcome =
  | { readonly ok: true; readonly challenge: Challenge }
  | { readonly ok: false; readonly httpStatus: number; readonly error: string; readonly message: string; readonly challenge?: Challenge };

export interface DecisionInput {
  readonly deviceId: string;
  readonly decision: Decision;
  readonly typedNumber: string | null;
  readonly decidedAt: number;
  readonly signature: string;
}

const DECIDED: Readonly<Record<Decision, ChallengeStatus>> = { APPROVE: 'APPROVED', DENY: 'DENIED', REPORT: 'REPORTED' };

/** How a challenge ended, as `resolved` events, decision answers and the requester's view say it. */
export function outcome(challenge: Challenge): { status: ChallengeStatus; reason: ChallengeReason; flagged: boolean } {
  return { status: challenge.status, reason: challenge.reason, flagged: challenge.flagged };
}

export class Approvals {
  readonly devices: DeviceRegistry;
  readonly #clock: Clock;
  readonly #challenges = new Map<string, Challenge>();
  readonly #onResolved = new Map<string, (challenge: Challenge) => void>();
  readonly #recent = new Map<string, number[]>();

  constructor(clock: Clock, accounts: readonly ApprovalAccount[]) {
    this.#clock = clock;
    this.devices = new DeviceRegistry(clock, accounts);
  }

  /** Starts a challenge for every device of the account; undefined when the account is being flooded. */
  create(request: ChallengeRequest, onResolved: (challenge: Challenge) => void): Challenge | undefined {
    const now = this.#clock.now();
    const recent = (this.#recent.get(request.account) ?? []).filter((t) => now - t < 60_000);
    if (recent.length >= BURST_LIMIT) return undefined;
    this.#recent.set(request.account, [...recent, now]);
    const numberDigits = this.devices.numberDigits(request.account);
    // No leading zero, so the number reads the same typed or spoken.
    const number = String(randomInt(10 ** (numberDigits - 1), 10 ** numberDigits));
    const recipients = this.devices.active(request.account);
    const challenge: Challenge = {
      ...request, id: randomUUID(), createdAt: now, expiresAt: now + CHALLENGE_LIFETIME_MS, number, numberDigits, recipients,
      status: 'PENDING', reason: null, flagged: false, decidedBy: null, decidedAt: null,
    };
    this.#challenges.set(challenge.id, challenge);
    this.#onResolved.set(challenge.id, onResolved);
    // Note (typed number): the event carries how many digits to expect, never the number itself.
    this.devices.publish(recipients, 'challenge', {
      challengeId: challenge.id, account: challenge.account, provider: challenge.provider, action: challenge.action,
      origin: challenge.origin, createdAt: challenge.createdAt, expiresAt: challenge.expiresAt, numberDigits,
    });
    return challenge;
  }

  get(challengeId: string): Challenge | undefined {
    this.sweep();
    return this.#challenges.get(challengeId);
  }

  findByRef(provider: string, ref: string): Challenge | undefined {
    this.sweep();
    return [...this.#challenges.values()].find((c) => c.provider === provider && c.ref === ref);
  }

  decide(challengeId: string, input: DecisionInput): DecisionOutcome {
    this.sweep();
    const challenge = this.#challenges.get(challengeId);
    if (!challenge) return { ok: false, httpStatus: 404, error: 'NOT_FOUND', message: 'No such challenge.' };
    const device = this.devices.enrolled(input.deviceId);
    if (!device || device.account !== challenge.account) return { ok: false, httpStatus: 403, error: 'DEVICE_NOT_ENROLLED', message: 'This device is not enrolled for the challenge\'s account.' };
    const signed = decisionMessage(challengeId, input.decision, input.typedNumber, input.decidedAt);
    if (!verifySignature(device.key, signed, input.signature)) return { ok: false, httpStatus: 403, error: 'BAD_SIGNATURE', message: 'The signature does not verify with the enrolled key over these fields.' };
    const now = this.#clock.now();
    if (Math.abs(now - input.decidedAt) > MAX_SKEW_MS) return { ok: false, httpStatus: 403, error: 'STALE_DECISION', message: 'decidedAt is more than five minutes from the server clock.' };
    device.lastSeenAt = now;
    if (challenge.status === 'EXPIRED') return { ok: false, httpStatus: 410, error: 'EXPIRED', message: 'The challenge expired before it was answered.' };
    if (challenge.status !== 'PENDING') return { ok: false, httpStatus: 409, error: 'ALREADY_DECIDED', message: `The challenge is already ${challenge.status}.`, challenge };
    if (input.decision === 'APPROVE' && !sameSecret(input.typedNumber ?? '', challenge.number)) {
      // Note (no second try): a wrong number denies and flags, so a prompt the person did not start cannot be guessed through.
      this.#resolve(challenge, 'DENIED', { reason: 'NUMBER_MISMATCH', flagged: true, device, decidedAt: input.decidedAt });
      return { ok: false, httpStatus: 409, error: 'NUMBER_MISMATCH', message: 'The number typed is not the one on the requesting screen, so the request was denied and flagged.', challenge };
    }
    this.#resolve(challenge, DECIDED[input.decision], { reason: null, flagged: input.decision === 'REPORT', device, decidedAt: input.decidedAt });
    return { ok: true, challenge };
  }

  /** Ends a challenge from outside the protocol (the Weavr simulator's forced outcomes). */
  settle(challengeId: string, status: 'APPROVED' | 'DENIED' | 'EXPIRED'): boolean {
    const challenge = this.#challenges.get(challengeId);
    if (!challenge || challenge.status !== 'PENDING') return false;
    this.#resolve(challenge, status);
    return true;
  }

  sweep(): void {
    const now = this.#clock.now();
    for (const challenge of this.#challenges.values()) {
      if (challenge.status === 'PENDING' && now >= challenge.expiresAt) this.#resolve(challenge, 'EXPIRED');
    }
  }

  #resolve(challenge: Challenge, status: ChallengeStatus, decision?: { reason: ChallengeReason; flagged: boolean; device: Device; decidedAt: number }): void {
    challenge.status = status;
    if (decision) {
      challenge.reason = decision.reason;
      challenge.flagged = decision.flagged;
      challenge.decidedBy = decision.device.id;
      challenge.decidedAt = decision.decidedAt;
    }
    this.devices.publish(challenge.recipients.filter((d) => d.revokedAt === null), 'resolved', {
      challengeId: challenge.id, ...outcome(challenge), decidedBy: challenge.decidedBy, decidedAt: challenge.decidedAt,
    });
    const callback = this.#onResolved.get(challenge.id);
    this.#onResolved.delete(challenge.id);
    callback?.(challenge);
  }
}
