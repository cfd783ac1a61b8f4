// Runs in: sandbox (`npm run sandbox` and tests; never shipped).
//
// The server side of Authdesk's device approval protocol: enrolled devices, challenges with
// number matching and a five-minute life, and a per-device event log that a reconnecting
// stream resumes from (event ids), so a challenge is neither lost nor delivered twice.

import { randomInt, randomUUID, type KeyObject } from 'node:crypto';
import type { Clock } from '../clock.ts';
import type { ApprovalAccount } from '../seed.ts';
import { decisionMessage, importDeviceKey, streamMessage, verifySignature, type Decision } from './signing.ts';

export const CHALLENGE_LIFETIME_MS = 5 * 60_000;
/** How far a device's signed timestamp may be from the server's clock. */
export const MAX_SKEW_MS = 5 * 60_000;
/** Push fatigue: at most this many challenges per account per minute. */
export const BURST_LIMIT = 3;

export type ChallengeStatus = 'PENDING' | 'APPROVED' | 'DENIED' | 'REPORTED' | 'EXPIRED';

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
  /** Shown on the requesting screen; the device must pick it among `offered`. */
  readonly number: number;
  readonly offered: readonly number[];
  status: ChallengeStatus;
  decidedBy?: string;
}

export interface DeviceEvent {
  readonly id: number;
  readonly type: 'challenge' | 'resolved';
  readonly data: Record<string, unknown>;
}

interface Device {
  readonly id: string;
  readonly account: string;
  readonly name: string;
  readonly key: KeyObject;
  readonly events: DeviceEvent[];
  readonly listeners: Set<(event: DeviceEvent) => void>;
}

export type DecisionOutcome =
  | { readonly ok: true; readonly status: ChallengeStatus }
  | { readonly ok: false; readonly httpStatus: number; readonly error: string; readonly message: string };

export interface DecisionInput {
  readonly deviceId: string;
  readonly decision: Decision;
  readonly matchedNumber: number | null;
  readonly decidedAt: number;
  readonly signature: string;
}

export class Approvals {
  readonly #clock: Clock;
  readonly #accounts: readonly ApprovalAccount[];
  readonly #devices = new Map<string, Device>();
  readonly #challenges = new Map<string, Challenge>();
  readonly #onResolved = new Map<string, (challenge: Challenge) => void>();
  readonly #recent = new Map<string, number[]>();
  #nextEventId = 1;

  constructor(clock: Clock, accounts: readonly ApprovalAccount[]) {
    this.#clock = clock;
    this.#accounts = accounts;
  }

  enrol(input: { account: unknown; enrolmentCode: unknown; name: unknown; publicKey: unknown }): { deviceId: string; account: string } | { problem: string; status: number } {
    const entry = this.#accounts.find((a) => a.account === input.account);
    if (!entry || input.enrolmentCode !== entry.enrolmentCode) return { status: 403, problem: 'Unknown account or wrong enrolment code.' };
    const key = importDeviceKey(input.publicKey);
    if (!key) return { status: 400, problem: 'publicKey must be a P-256 public key as a JWK (kty EC, crv P-256, x, y).' };
    const name = typeof input.name === 'string' && input.name.trim() !== '' ? input.name.slice(0, 100) : 'Authdesk device';
    const device: Device = { id: randomUUID(), account: entry.account, name, key, events: [], listeners: new Set() };
    this.#devices.set(device.id, device);
    return { deviceId: device.id, account: device.account };
  }

  /** Checks the signed stream headers; returns the device when they prove possession of its key. */
  authenticateStream(deviceId: string, time: number, signature: string): string | undefined {
    const device = this.#devices.get(deviceId);
    if (!device || !Number.isFinite(time) || Math.abs(this.#clock.now() - time) > MAX_SKEW_MS) return undefined;
    return verifySignature(device.key, streamMessage(deviceId, time), signature) ? device.id : undefined;
  }

  /** Starts a challenge for every device of the account; undefined when the account is being flooded. */
  create(request: ChallengeRequest, onResolved: (challenge: Challenge) => void): Challenge | undefined {
    const now = this.#clock.now();
    const recent = (this.#recent.get(request.account) ?? []).filter((t) => now - t < 60_000);
    if (recent.length >= BURST_LIMIT) return undefined;
    this.#recent.set(request.account, [...recent, now]);
    const number = randomInt(10, 100);
    const offered = new Set([number]);
    while (offered.size < 3) offered.add(randomInt(10, 100));
    const shuffled = [...offered];
    for (let i = shuffled.length - 1; i > 0; i -= 1) {
      const j = randomInt(i + 1);
      [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
    }
    const challenge: Challenge = {
      ...request, id: randomUUID(), createdAt: now, expiresAt: now + CHALLENGE_LIFETIME_MS,
      number, offered: shuffled, status: 'PENDING',
    };
    this.#challenges.set(challenge.id, challenge);
    this.#onResolved.set(challenge.id, onResolved);
    this.#publish(challenge.account, 'challenge', {
      challengeId: challenge.id, account: challenge.account, provider: challenge.provider, action: challenge.action,
      origin: challenge.origin, createdAt: challenge.createdAt, expiresAt: challenge.expiresAt, numbers: challenge.offered,
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
    const device = this.#devices.get(input.deviceId);
    if (!device || device.account !== challenge.account) return { ok: false, httpStatus: 403, error: 'DEVICE_NOT_ENROLLED', message: 'This device is not enrolled for the challenge\'s account.' };
    const message = decisionMessage(challengeId, input.decision, input.matchedNumber, input.decidedAt);
    if (!verifySignature(device.key, message, input.signature)) return { ok: false, httpStatus: 403, error: 'BAD_SIGNATURE', message: 'The signature does not verify with the enrolled key.' };
    if (Math.abs(this.#clock.now() - input.decidedAt) > MAX_SKEW_MS) return { ok: false, httpStatus: 403, error: 'STALE_DECISION', message: 'decidedAt is more than five minutes from the server clock.' };
    if (challenge.status === 'EXPIRED') return { ok: false, httpStatus: 410, error: 'EXPIRED', message: 'The challenge expired before it was answered.' };
    if (challenge.status !== 'PENDING') return { ok: false, httpStatus: 409, error: 'ALREADY_DECIDED', message: `The challenge is already ${challenge.status}.` };
    if (input.decision === 'APPROVE' && input.matchedNumber !== challenge.number) {
      // Note (number matching): a wrong pick denies the challenge, so an attacker's prompt cannot be guessed through.
      this.#resolve(challenge, 'DENIED', device.id);
      return { ok: false, httpStatus: 409, error: 'NUMBER_MISMATCH', message: 'The number picked is not the one on the requesting screen; the request was denied.' };
    }
    const status: ChallengeStatus = input.decision === 'APPROVE' ? 'APPROVED' : input.decision === 'DENY' ? 'DENIED' : 'REPORTED';
    this.#resolve(challenge, status, device.id);
    return { ok: true, status };
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

  /** Events after `lastEventId` (0 replays everything since enrolment). */
  eventsAfter(deviceId: string, lastEventId: number): DeviceEvent[] {
    return this.#devices.get(deviceId)?.events.filter((e) => e.id > lastEventId) ?? [];
  }

  subscribe(deviceId: string, listener: (event: DeviceEvent) => void): () => void {
    const device = this.#devices.get(deviceId);
    device?.listeners.add(listener);
    return () => device?.listeners.delete(listener);
  }

  #resolve(challenge: Challenge, status: ChallengeStatus, deviceId?: string): void {
    challenge.status = status;
    if (deviceId) challenge.decidedBy = deviceId;
    this.#publish(challenge.account, 'resolved', { challengeId: challenge.id, status });
    const callback = this.#onResolved.get(challenge.id);
    this.#onResolved.delete(challenge.id);
    callback?.(challenge);
  }

  #publish(account: string, type: DeviceEvent['type'], data: Record<string, unknown>): void {
    for (const device of this.#devices.values()) {
      if (device.account !== account) continue;
      const event: DeviceEvent = { id: this.#nextEventId++, type, data };
      device.events.push(event);
      for (const listener of device.listeners) listener(event);
    }
  }
}
