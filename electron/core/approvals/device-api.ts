// Runs in: main, CLI, tests.
//
// This computer's calls to an approvals server (docs/device-approvals.md §3 to §5), over the
// providers' network layer (pinned TLS, timeouts, bounded answers). Each method signs what the
// protocol asks for with the private key it is handed; nothing here keeps a key.

import { AuthdeskError } from '../errors.ts';
import { createHttpClient, type HttpClient, type HttpResponse, type StreamingResponse } from '../providers/net/index.ts';
import { SERVICE, readError, serverFailure } from './server-errors.ts';
import { decisionLines, requestLines, signLines, streamLines, type PublicJwk } from './signing.ts';
import type { ChallengeStatus, Decision, DecisionResult } from './views.ts';

export interface Enrolled {
  readonly deviceId: string;
  readonly account: string;
  readonly name: string;
  readonly enrolledAt: number;
  readonly numberDigits: number;
}

export interface ListedDevice {
  readonly deviceId: string;
  readonly name: string;
  readonly enrolledAt: number;
  readonly lastSeenAt: number | null;
}

/** Who signs: this computer's device for one account. */
export interface Signer {
  readonly deviceId: string;
  /** PKCS#8, base64, from the vault. */
  readonly privateKey: string;
}

export interface DeviceApiOptions {
  /** The /approvals/v2 base URL. */
  readonly server: string;
  readonly pin: string | null;
  readonly now: () => number;
  readonly timeoutMs?: number;
}

const STATUSES: readonly ChallengeStatus[] = ['APPROVED', 'DENIED', 'REPORTED', 'EXPIRED'];

function unexpected(): AuthdeskError {
  return new AuthdeskError('PROVIDER_UNSUPPORTED', `${SERVICE} answered in a shape this Authdesk does not know. It may be a newer server; update Authdesk.`);
}

const record = (value: unknown): Record<string, unknown> => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw unexpected();
  return value as Record<string, unknown>;
};
const text = (value: unknown): string => {
  if (typeof value !== 'string') throw unexpected();
  return value;
};
const time = (value: unknown): number => {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw unexpected();
  return value;
};

export class DeviceApi {
  readonly #http: HttpClient;
  readonly #now: () => number;
  readonly #basePath: string;

  constructor(options: DeviceApiOptions) {
    // Note (no idle limit): the stream's reader watches heartbeats (challenge-stream.ts), so
    // undici must not cut a quiet body on its own.
    this.#http = createHttpClient({ baseUrl: options.server, pin: options.pin, service: SERVICE, idleMs: 0, ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }) });
    this.#now = options.now;
    this.#basePath = new URL(options.server).pathname.replace(/\/+$/, '');
  }

  async enrol(input: { account: string; pairingToken: string; name: string; publicKey: PublicJwk }, signal: AbortSignal): Promise<Enrolled> {
    const body = record(this.#ok(await this.#http.request({ method: 'POST', path: '/devices', json: input, signal }), 201));
    const digits = time(body.numberDigits);
    return { deviceId: text(body.deviceId), account: text(body.account), name: text(body.name), enrolledAt: time(body.enrolledAt), numberDigits: digits };
  }

  async nonce(deviceId: string, signal: AbortSignal): Promise<string> {
    const response = await this.#http.request({ method: 'POST', path: `/devices/${encodeURIComponent(deviceId)}/stream-nonce`, signal, retry: true });
    return text(record(this.#ok(response, 200)).nonce);
  }

  /** Opens the event stream with a fresh nonce; `lastEventId` resumes after that event. */
  async openStream(signer: Signer, lastEventId: number | null, signal: AbortSignal): Promise<StreamingResponse> {
    const nonce = await this.nonce(signer.deviceId, signal);
    const headers: Record<string, string> = {
      accept: 'text/event-stream',
      'x-authdesk-nonce': nonce,
      'x-authdesk-signature': await signLines(signer.privateKey, streamLines(signer.deviceId, nonce)),
      ...(lastEventId === null ? {} : { 'last-event-id': String(lastEventId) }),
    };
    const response = await this.#http.stream({ method: 'GET', path: `/devices/${encodeURIComponent(signer.deviceId)}/stream`, headers, signal });
    if (response.status === 200) return response;
    const body = await response.text();
    throw serverFailure({ status: response.status, headers: response.headers, json: () => (body.trim() === '' ? null : (JSON.parse(body) as unknown)) }, this.#now());
  }

  /** Sends one signed decision, once: an answer is never sent twice after an ambiguous failure. */
  async decide(signer: Signer, challengeId: string, decision: Decision, typedNumber: string | null, signal: AbortSignal): Promise<DecisionResult> {
    const decidedAt = this.#now();
    const signature = await signLines(signer.privateKey, decisionLines(challengeId, decision, typedNumber, decidedAt));
    const response = await this.#http.request({
      method: 'POST', path: `/challenges/${encodeURIComponent(challengeId)}/decision`, signal,
      json: { deviceId: signer.deviceId, decision, typedNumber, decidedAt, signature },
    });
    // A wrong number is an answer, not a failure: the challenge ended DENIED and flagged.
    const mismatch = response.status === 409 && readError(response).error === 'NUMBER_MISMATCH';
    const body = record(mismatch ? response.json() : this.#ok(response, 200));
    const status = text(body.status) as ChallengeStatus;
    if (!STATUSES.includes(status)) throw unexpected();
    return { id: challengeId, status, reason: body.reason === 'NUMBER_MISMATCH' ? 'NUMBER_MISMATCH' : null, flagged: body.flagged === true };
  }

  async list(signer: Signer, signal: AbortSignal): Promise<{ account: string; devices: ListedDevice[] }> {
    const response = await this.#http.request({ method: 'GET', path: '/devices', headers: await this.#signed(signer, 'GET', '/devices'), signal, retry: true });
    const body = record(this.#ok(response, 200));
    if (!Array.isArray(body.devices)) throw unexpected();
    const devices = body.devices.map((raw) => {
      const device = record(raw);
      return { deviceId: text(device.deviceId), name: text(device.name), enrolledAt: time(device.enrolledAt), lastSeenAt: device.lastSeenAt === null ? null : time(device.lastSeenAt) };
    });
    return { account: text(body.account), devices };
  }

  async revoke(signer: Signer, deviceId: string, signal: AbortSignal): Promise<void> {
    const path = `/devices/${encodeURIComponent(deviceId)}`;
    this.#ok(await this.#http.request({ method: 'DELETE', path, headers: await this.#signed(signer, 'DELETE', path), signal }), 204);
  }

  close(): Promise<void> {
    return this.#http.close();
  }

  #ok(response: HttpResponse, status: number): unknown {
    if (response.status !== status) throw serverFailure(response, this.#now());
    return response.json();
  }

  async #signed(signer: Signer, method: string, path: string): Promise<Record<string, string>> {
    const now = this.#now();
    return {
      'x-authdesk-device': signer.deviceId,
      'x-authdesk-time': String(now),
      'x-authdesk-signature': await signLines(signer.privateKey, requestLines(method, `${this.#basePath}${path}`, signer.deviceId, now)),
    };
  }
}
