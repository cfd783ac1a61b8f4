// Runs in: tests.
//
// A bare JSON-RPC 2.0 client over a real WebSocket, so the TrueNAS tests see exact frames.

import { WebSocket } from 'ws';
import type { JsonReply } from './conforming-client.ts';

export class RpcClient {
  readonly ws: WebSocket;
  readonly #queue: unknown[] = [];
  readonly #waiters: ((frame: unknown) => void)[] = [];
  #nextId = 1;
  readonly closed: Promise<{ code: number; reason: string }>;

  private constructor(ws: WebSocket) {
    this.ws = ws;
    ws.on('message', (data) => {
      let frame: unknown;
      try {
        frame = JSON.parse(data.toString());
      } catch {
        frame = { unparsable: data.toString() };
      }
      const waiter = this.#waiters.shift();
      if (waiter) waiter(frame);
      else this.#queue.push(frame);
    });
    this.closed = new Promise((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  }

  static async connect(url: string, options: { rejectUnauthorized?: boolean } = {}): Promise<RpcClient> {
    const ws = new WebSocket(url, options);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return new RpcClient(ws);
  }

  /** The next frame the server sends. */
  next(): Promise<JsonReply> {
    const queued = this.#queue.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  sendRaw(text: string): void {
    this.ws.send(text);
  }

  /** Sends a call and returns its whole response frame. */
  async frame(method: string, params?: unknown[]): Promise<JsonReply> {
    const id = this.#nextId++;
    this.ws.send(JSON.stringify(params === undefined ? { jsonrpc: '2.0', id, method } : { jsonrpc: '2.0', id, method, params }));
    return this.next();
  }

  /** Sends a call and returns its result, throwing the error object when there is one. */
  async call(method: string, params: unknown[] = []): Promise<JsonReply> {
    const frame = await this.frame(method, params);
    if (frame.error) throw Object.assign(new Error(frame.error.message), { rpc: frame.error });
    return frame.result;
  }

  close(): void {
    this.ws.close();
  }
}
