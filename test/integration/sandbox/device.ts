// Runs in: tests.
//
// A stand-in Authdesk device for the approval protocol: a P-256 key, signed requests and an
// SSE reader that keeps the last event id, as the app's device code must.

import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import type { JsonReply } from './conforming-client.ts';

export interface StreamEvent {
  readonly id: number;
  readonly type: string;
  readonly data: JsonReply;
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

  signText(text: string): string {
    return sign('sha256', Buffer.from(text, 'utf8'), { key: this.#privateKey, dsaEncoding: 'ieee-p1363' }).toString('base64url');
  }

  async enrol(account: string, enrolmentCode: string): Promise<Response> {
    const response = await fetch(`${this.base}/devices`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ account, enrolmentCode, name: 'Test laptop', publicKey: this.publicJwk }),
    });
    if (response.status === 201) this.deviceId = ((await response.clone().json()) as { deviceId: string }).deviceId;
    return response;
  }

  /** Opens the event stream; `lastEventId` resumes after that event. */
  async stream(now: number, lastEventId?: number): Promise<EventReader> {
    const headers: Record<string, string> = {
      'x-authdesk-time': String(now),
      'x-authdesk-signature': this.signText(`authdesk-stream-v1\n${this.deviceId}\n${now}`),
    };
    if (lastEventId !== undefined) headers['last-event-id'] = String(lastEventId);
    const controller = new AbortController();
    const response = await fetch(`${this.base}/devices/${this.deviceId}/stream`, { headers, signal: controller.signal });
    return new EventReader(response, controller);
  }

  async decide(challengeId: string, decision: string, matchedNumber: number | null, decidedAt: number, signatureOverride?: string): Promise<Response> {
    const signature = signatureOverride ?? this.signText(`authdesk-approval-v1\n${challengeId}\n${decision}\n${matchedNumber ?? ''}\n${decidedAt}`);
    return fetch(`${this.base}/challenges/${challengeId}/decision`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ deviceId: this.deviceId, decision, matchedNumber, decidedAt, signature }),
    });
  }
}

export class EventReader {
  readonly response: Response;
  readonly #controller: AbortController;
  readonly #reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  readonly #decoder = new TextDecoder();
  #buffer = '';
  readonly #events: StreamEvent[] = [];

  constructor(response: Response, controller: AbortController) {
    this.response = response;
    this.#controller = controller;
    this.#reader = response.body?.getReader();
  }

  /** The next event (comments and heartbeats skipped), or undefined after `timeoutMs`. */
  async next(timeoutMs = 2000): Promise<StreamEvent | undefined> {
    const deadline = Date.now() + timeoutMs;
    while (this.#events.length === 0) {
      const remaining = deadline - Date.now();
      if (remaining <= 0 || !this.#reader) return undefined;
      let timer: NodeJS.Timeout | undefined;
      const chunk = await Promise.race([
        this.#reader.read(),
        new Promise<'timeout'>((resolve) => { timer = setTimeout(() => resolve('timeout'), remaining); }),
      ]);
      clearTimeout(timer);
      if (chunk === 'timeout') return undefined;
      if (chunk.done) return undefined;
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
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        fields.set(line.slice(0, colon), line.slice(colon + 1).trimStart());
      }
      if (fields.has('data')) this.#events.push({ id: Number(fields.get('id')), type: fields.get('event') ?? 'message', data: JSON.parse(fields.get('data')!) });
    }
  }
}
