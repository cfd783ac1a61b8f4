// Runs in: tests.
//
// A stand-in Authdesk device for the approval protocol v2 (docs/device-approvals.md): a P-256
// key, enrolment with a pairing token, nonce-signed streams, signed decisions and signed
// list/revoke requests, and an SSE reader that keeps the last event id, as the app's device
// code must.

import assert from 'node:assert/strict';
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import type { JsonReply } from './conforming-client.ts';

export interface StreamEvent {
  /** NaN for `reset`, which carries no id. */
  readonly id: number;
  readonly type: string;
  readonly data: JsonReply;
}

/** The parts of a running sandbox a device needs: where the API is, and the pairing authority's key. */
export interface ApprovalsServer {
  readonly urls: { readonly approvals: string };
  readonly seed: { readonly approvals: { readonly serviceKey: string } };
}

/** Asks the pairing authority for a one-time pairing token, as the service's account page would. */
export async function pairingToken(server: ApprovalsServer, account: string): Promise<string> {
  const response = await fetch(`${server.urls.approvals}/pairings`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${server.seed.approvals.serviceKey}` },
    body: JSON.stringify({ account }),
  });
  assert.equal(response.status, 201);
  return ((await response.json()) as { token: string }).token;
}

export class TestDevice {
  readonly #privateKey: KeyObject;
  readonly publicJwk: Record<string, unknown>;
  readonly base: string;
  deviceId = '';

  constructor(approvalsUrl: string) {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    this.#privateKey = privateKey;
    this.publicJwk = publicKey.export({ format: 'jwk' }) as Record<string, unknown>;
    this.base = approvalsUrl;
  }

  /** A device paired and enrolled for `account`. */
  static async enrolled(server: ApprovalsServer, account: string, name = 'Test laptop'): Promise<TestDevice> {
    const device = new TestDevice(server.urls.approvals);
    assert.equal((await device.enrol(account, await pairingToken(server, account), name)).status, 201);
    return device;
  }

  signText(text: string): string {
    return sign('sha256', Buffer.from(text, 'utf8'), { key: this.#privateKey, dsaEncoding: 'ieee-p1363' }).toString('base64url');
  }

  async enrol(account: string, pairingToken: string, name = 'Test laptop'): Promise<Response> {
    const response = await fetch(`${this.base}/devices`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ account, pairingToken, name, publicKey: this.publicJwk }),
    });
    if (response.status === 201) this.deviceId = ((await response.clone().json()) as { deviceId: string }).deviceId;
    return response;
  }

  async nonce(): Promise<string> {
    const response = await fetch(`${this.base}/devices/${this.deviceId}/stream-nonce`, { method: 'POST' });
    assert.equal(response.status, 200);
    return ((await response.json()) as { nonce: string }).nonce;
  }

  /** Opens the event stream with a fresh nonce; `lastEventId` resumes after that event. */
  async stream(lastEventId?: number): Promise<EventReader> {
    return this.streamWith(await this.nonce(), lastEventId);
  }

  /** Opens the event stream with the given nonce, signed by this device unless `signature` is given. */
  async streamWith(nonce: string, lastEventId?: number, signature = this.signText(`authdesk-stream-v2\n${this.deviceId}\n${nonce}`)): Promise<EventReader> {
    const headers: Record<string, string> = { 'x-authdesk-nonce': nonce, 'x-authdesk-signature': signature };
    if (lastEventId !== undefined) headers['last-event-id'] = String(lastEventId);
    const controller = new AbortController();
    const response = await fetch(`${this.base}/devices/${this.deviceId}/stream`, { headers, signal: controller.signal });
    return new EventReader(response, controller);
  }

  async decide(challengeId: string, decision: string, typedNumber: string | null, decidedAt: number, signatureOverride?: string): Promise<Response> {
    const signature = signatureOverride ?? this.signText(`authdesk-approval-v2\n${challengeId}\n${decision}\n${typedNumber ?? ''}\n${decidedAt}`);
    return fetch(`${this.base}/challenges/${challengeId}/decision`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ deviceId: this.deviceId, decision, typedNumber, decidedAt, signature }),
    });
  }

  /** The account's devices, asked with this device's signature. */
  async list(now: number): Promise<Response> {
    return fetch(`${this.base}/devices`, { headers: this.#signed('GET', '/devices', now) });
  }

  async revoke(deviceId: string, now: number): Promise<Response> {
    return fetch(`${this.base}/devices/${deviceId}`, { method: 'DELETE', headers: this.#signed('DELETE', `/devices/${deviceId}`, now) });
  }

  #signed(method: string, path: string, now: number): Record<string, string> {
    const fullPath = `${new URL(this.base).pathname}${path}`;
    return {
      'x-authdesk-device': this.deviceId, 'x-authdesk-time': String(now),
      'x-authdesk-signature': this.signText(`authdesk-request-v2\n${method}\n${fullPath}\n${this.deviceId}\n${now}`),
    };
  }
}

export class EventReader {
  readonly response: Response;
  readonly #controller: AbortController;
  readonly #reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  readonly #decoder = new TextDecoder();
  #buffer = '';
  readonly #events: StreamEvent[] = [];
  /** A read still in flight when `next` timed out: the next call takes its chunk rather than lose it. */
  #pending: ReturnType<ReadableStreamDefaultReader<Uint8Array>['read']> | undefined;
  /** True once the server ended the stream. */
  ended = false;
  /** Comment lines seen (`: connected`, `: keep-alive`), which tell a device the connection lives. */
  comments = 0;

  constructor(response: Response, controller: AbortController) {
    this.response = response;
    this.#controller = controller;
    this.#reader = response.body?.getReader();
  }

  /** The next event (comments and heartbeats skipped), or undefined after `timeoutMs` or at the end. */
  async next(timeoutMs = 2000): Promise<StreamEvent | undefined> {
    const deadline = Date.now() + timeoutMs;
    while (this.#events.length === 0) {
      const remaining = deadline - Date.now();
      if (remaining <= 0 || !this.#reader || this.ended) return undefined;
      let timer: NodeJS.Timeout | undefined;
      this.#pending ??= this.#reader.read();
      const chunk = await Promise.race([
        this.#pending,
        new Promise<'timeout'>((resolve) => { timer = setTimeout(() => resolve('timeout'), remaining); }),
      ]);
      clearTimeout(timer);
      if (chunk === 'timeout') return undefined;
      this.#pending = undefined;
      if (chunk.done) {
        this.ended = true;
        return undefined;
      }
      this.#buffer += this.#decoder.decode(chunk.value, { stream: true });
      this.#parse();
    }
    return this.#events.shift();
  }

  close(): void {
    this.#controller.abort();
  }

  #parse(): void {
    let end: number;
    while ((end = this.#buffer.indexOf('\n\n')) >= 0) {
      const block = this.#buffer.slice(0, end);
      this.#buffer = this.#buffer.slice(end + 2);
      const fields = new Map<string, string>();
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) {
          this.comments += 1;
          continue;
        }
        const colon = line.indexOf(':');
        fields.set(line.slice(0, colon), line.slice(colon + 1).trimStart());
      }
      if (fields.has('data')) this.#events.push({ id: Number(fields.get('id')), type: fields.get('event') ?? 'message', data: JSON.parse(fields.get('data')!) });
    }
  }
}
