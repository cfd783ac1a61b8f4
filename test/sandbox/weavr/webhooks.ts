// Runs in: sandbox (`npm run sandbox` and tests; never shipped).
//
// Weavr's webhook delivery: POST <webhookUrl><path> signed as the webhooks spec says,
// signature-v2 = base64(HmacSHA256(call-ref + body + published-timestamp, apiKey)).

import { createHmac, randomUUID } from 'node:crypto';
import type { Clock } from '../clock.ts';

export interface WebhookDelivery {
  readonly path: string;
  readonly body: Record<string, unknown>;
  /** HTTP status from the receiver, or undefined when it could not be reached. */
  status?: number;
}

export function signatureV2(apiKey: string, callRef: string, body: string, publishedTimestamp: string): string {
  return createHmac('sha256', apiKey).update(callRef + body + publishedTimestamp).digest('base64');
}

export class Webhooks {
  readonly #clock: Clock;
  readonly #apiKey: string;
  readonly #url: string | undefined;
  readonly deliveries: WebhookDelivery[] = [];
  readonly #pending = new Set<Promise<void>>();

  constructor(clock: Clock, apiKey: string, url: string | undefined) {
    this.#clock = clock;
    this.#apiKey = apiKey;
    this.#url = url?.replace(/\/+$/, '');
  }

  /** `body` gets its publishedTimestamp here so the header and the body agree. */
  post(path: '/stepup/watch' | '/login/watch', event: Record<string, unknown>): void {
    const published = String(this.#clock.now());
    const body = { ...event, publishedTimestamp: published };
    const delivery: WebhookDelivery = { path, body };
    this.deliveries.push(delivery);
    if (!this.#url) return;
    const text = JSON.stringify(body);
    const callRef = randomUUID();
    const sending = fetch(this.#url + path, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'call-ref': callRef,
        'published-timestamp': published,
        'signature-v2': signatureV2(this.#apiKey, callRef, text, published),
        signature: createHmac('sha256', this.#apiKey).update(published).digest('base64'),
      },
      body: text,
      signal: AbortSignal.timeout(5000),
    }).then(async (response) => {
      delivery.status = response.status;
      await response.arrayBuffer();
    }, () => undefined);
    const tracked = sending.finally(() => this.#pending.delete(tracked));
    this.#pending.add(tracked);
  }

  /** Resolves once every delivery started so far has finished (tests and shutdown). */
  async settled(): Promise<void> {
    await Promise.all([...this.#pending]);
  }
}
