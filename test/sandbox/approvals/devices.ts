// Runs in: sandbox (`npm run sandbox` and tests; never shipped).
//
// Enrolled devices (docs/device-approvals.md §3, §4.1): enrolment with a pairing token under rate
// limits, single-use stream nonces, signed list and revoke requests, and each device's event log.

import { randomBytes, randomUUID, type KeyObject } from 'node:crypto';
import type { Clock } from '../clock.ts';
import type { ApprovalAccount } from '../seed.ts';
import { EventLog, type DeviceEventType, type Replay } from './event-log.ts';
import { FAILURES_PER_ACCOUNT, FAILURES_PER_SOURCE, FailureWindow, PairingTokens, type Pairing } from './pairing.ts';
import { importDeviceKey, requestMessage, streamMessage, verifySignature } from './signing.ts';

export const NONCE_LIFETIME_MS = 30_000;
export const MAX_NONCES = 5;
/** How far a device's signed time may be from the server's clock. */
export const MAX_SKEW_MS = 5 * 60_000;
export const DEFAULT_NUMBER_DIGITS = 3;
const DEFAULT_NAME = 'Authdesk device';

export interface Device {
  readonly id: string;
  readonly account: string;
  readonly name: string;
  readonly key: KeyObject;
  readonly enrolledAt: number;
  lastSeenAt: number | null;
  revokedAt: number | null;
  readonly log: EventLog;
  /** Outstanding stream nonces and when each expires, oldest first. */
  readonly nonces: Map<string, number>;
}

export interface Refusal {
  readonly status: number;
  readonly error: string;
  readonly message: string;
  readonly retryAfterSeconds?: number;
}

export interface EnrolmentInput {
  readonly source: string;
  readonly account: unknown;
  readonly pairingToken: unknown;
  readonly name: unknown;
  readonly publicKey: unknown;
}

function refusal(status: number, error: string, message: string): Refusal {
  return { status, error, message };
}

export function isRefusal(value: object): value is Refusal {
  return 'error' in value;
}

export class DeviceRegistry {
  readonly #clock: Clock;
  readonly #accounts: ReadonlyMap<string, ApprovalAccount>;
  readonly #pairings: PairingTokens;
  readonly #failuresBySource: FailureWindow;
  readonly #failuresByAccount: FailureWindow;
  readonly #devices = new Map<string, Device>();
  #nextEventId = 1;

  constructor(clock: Clock, accounts: readonly ApprovalAccount[]) {
    this.#clock = clock;
    this.#accounts = new Map(accounts.map((a) => [a.account, a]));
    this.#pairings = new PairingTokens(clock);
    this.#failuresBySource = new FailureWindow(clock, FAILURES_PER_SOURCE);
    this.#failuresByAccount = new FailureWindow(clock, FAILURES_PER_ACCOUNT);
  }

  numberDigits(account: string): number {
    return this.#accounts.get(account)?.numberDigits ?? DEFAULT_NUMBER_DIGITS;
  }

  /** What the pairing authority hands out; undefined for an account this server does not serve. */
  issuePairing(account: string): Pairing | undefined {
    return this.#accounts.has(account) ? this.#pairings.issue(account) : undefined;
  }

  enrol(input: EnrolmentInput): Device | Refusal {
    const { account, pairingToken, name } = input;
    if (typeof account !== 'string') return refusal(400, 'BAD_REQUEST', 'account must be a string such as "weavr:alice@example.com".');
    // Note (rate limits before validation): a limited source learns nothing, not even whether its token is well-formed.
    const waitMs = Math.max(this.#failuresBySource.waitMs(input.source), this.#failuresByAccount.waitMs(account));
    if (waitMs > 0) {
      const retryAfterSeconds = Math.ceil(waitMs / 1000);
      return { ...refusal(429, 'RATE_LIMITED', `Too many failed enrolment attempts. Try again in ${retryAfterSeconds} seconds with a new pairing link.`), retryAfterSeconds };
    }
    const key = importDeviceKey(input.publicKey);
    const trimmed = typeof name === 'string' ? name.trim() : '';
    if (typeof pairingToken !== 'string' || !key || (name !== undefined && typeof name !== 'string') || trimmed.length > 100) {
      return refusal(400, 'BAD_REQUEST', 'Expected {account, pairingToken, name (up to 100 characters), publicKey: a P-256 public JWK (kty EC, crv P-256, x, y)}.');
    }
    if (!this.#accounts.has(account) || !this.#pairings.redeem(account, pairingToken)) {
      this.#failuresBySource.record(input.source);
      if (this.#accounts.has(account)) this.#failuresByAccount.record(account);
      return refusal(403, 'PAIRING_REFUSED', 'The pairing token is wrong, used or expired. Ask the service for a new pairing link.');
    }
    const now = this.#clock.now();
    const device: Device = {
      id: randomUUID(), account, name: trimmed || DEFAULT_NAME, key, enrolledAt: now,
      lastSeenAt: null, revokedAt: null, log: new EventLog(), nonces: new Map(),
    };
    this.publish(this.active(account), 'enrolled', { deviceId: device.id, name: device.name, enrolledAt: now });
    this.#devices.set(device.id, device);
    return device;
  }

  /** Devices of the account not revoked, oldest first. */
  active(account: string): Device[] {
    return [...this.#devices.values()].filter((d) => d.account === account && d.revokedAt === null);
  }

  /** An enrolled device that is not revoked. */
  enrolled(deviceId: string): Device | undefined {
    const device = this.#devices.get(deviceId);
    return device?.revokedAt === null ? device : undefined;
  }

  issueNonce(deviceId: string): { nonce: string; expiresAt: number } | Refusal {
    const device = this.#known(deviceId);
    if (isRefusal(device)) return device;
    this.#dropExpiredNonces(device);
    while (device.nonces.size >= MAX_NONCES) device.nonces.delete(device.nonces.keys().next().value!);
    const nonce = randomBytes(16).toString('base64url');
    const expiresAt = this.#clock.now() + NONCE_LIFETIME_MS;
    device.nonces.set(nonce, expiresAt);
    return { nonce, expiresAt };
  }

  /** Spends the nonce whatever the outcome, so a captured stream request never opens a second stream. */
  openStream(deviceId: string, nonce: string, signature: string): Device | Refusal {
    const device = this.#known(deviceId);
    if (isRefusal(device)) return device;
    this.#dropExpiredNonces(device);
    const known = device.nonces.delete(nonce);
    if (!known || !verifySignature(device.key, streamMessage(device.id, nonce), signature)) {
      return refusal(401, 'UNAUTHENTICATED', 'Sign a fresh nonce from POST …/stream-nonce (x-authdesk-nonce, x-authdesk-signature); each works once, for 30 seconds.');
    }
    device.lastSeenAt = this.#clock.now();
    return device;
  }

  /** The signer of a list or revoke request, when its headers verify (docs §3.3). */
  authenticateRequest(method: string, path: string, signerId: string, time: number, signature: string): Device | undefined {
    const device = this.enrolled(signerId);
    if (!device || !Number.isSafeInteger(time) || Math.abs(this.#clock.now() - time) > MAX_SKEW_MS) return undefined;
    return verifySignature(device.key, requestMessage(method, path, signerId, time), signature) ? device : undefined;
  }

  /** Forgets the device's key; its open streams end after the `revoked` event sent to it. */
  revoke(device: Device): void {
    const revokedAt = this.#clock.now();
    const others = this.active(device.account).filter((d) => d !== device);
    device.revokedAt = revokedAt;
    device.nonces.clear();
    this.publish([...others, device], 'revoked', { deviceId: device.id, name: device.name, revokedAt });
  }

  replay(device: Device, cursor: number | undefined): Replay {
    device.log.prune(this.#clock.now());
    return device.log.after(cursor, this.#nextEventId - 1);
  }

  publish(devices: Iterable<Device>, type: DeviceEventType, data: Readonly<Record<string, unknown>>): void {
    const at = this.#clock.now();
    for (const device of devices) {
      device.log.prune(at);
      device.log.append({ id: this.#nextEventId++, type, at, data });
    }
  }

  #known(deviceId: string): Device | Refusal {
    const device = this.#devices.get(deviceId);
    if (!device) return refusal(404, 'UNKNOWN_DEVICE', 'No device with that id is enrolled here.');
    if (device.revokedAt !== null) return refusal(410, 'DEVICE_REVOKED', 'This device was revoked; enrol it again with a new pairing link.');
    return device;
  }

  #dropExpiredNonces(device: Device): void {
    const now = this.#clock.now();
    for (const [nonce, expiresAt] of device.nonces) if (now >= expiresAt) device.nonces.delete(nonce);
  }
}
