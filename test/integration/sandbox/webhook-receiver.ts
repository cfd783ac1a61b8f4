// Runs in: tests. A local endpoint that records the webhooks the sandbox posts.

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { JsonReply } from './conforming-client.ts';

export interface ReceivedWebhook {
  readonly path: string;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly text: string;
}

export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  readonly #server: Server;
  readonly #waiters: (() => void)[] = [];
  url = '';

  constructor() {
    this.#server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        this.received.push({ path: req.url ?? '', headers: req.headers, text: Buffer.concat(chunks).toString('utf8') });
        res.writeHead(204).end();
        for (const wake of this.#waiters.splice(0)) wake();
      });
    });
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}/hooks`;
  }

  /** Waits until a webhook to `path` arrives whose body satisfies `match`. */
  async waitFor(path: string, match: (body: JsonReply) => boolean, timeoutMs = 3000): Promise<ReceivedWebhook> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.received.find((r) => r.path === `/hooks${path}` && match(JSON.parse(r.text)));
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no webhook to ${path} in ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        this.#waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }
}
