// Runs in: main, CLI, tests.
//
// JSON-RPC 2.0 over one WebSocket (CONTRACTS A.1): numbered calls, each bounded by a timeout
// and by the caller's signal, answered by the frame that carries its id. Notifications are
// ignored; a frame that is not JSON-RPC fails the calls waiting on it, as does a socket that
// closes under them.
//
// Note (ambiguous failures): a call marked `carriesSecret` (a password, an API key, an OTP, a
// token) that fails after it left may or may not have been counted by the server, so the
// error says so and nothing here ever sends a call again; login.ts relies on this.

import type WebSocket from 'ws';
import type { AuthdeskError } from '../../errors.ts';
import { timedOut, unreadable } from '../net/index.ts';
import { connectionCut, cutAfterSending, RpcCallError, serverFailed, timedOutAfterSending } from './errors.ts';

/** The server closed the socket because it failed (the middleware's 1011). */
const INTERNAL_ERROR_CLOSE = 1011;

export interface CallOptions {
  readonly signal: AbortSignal;
  readonly carriesSecret: boolean;
}

interface Pending {
  readonly carriesSecret: boolean;
  resolve(result: unknown): void;
  reject(error: unknown): void;
}

export class RpcSocket {
  readonly #ws: WebSocket;
  readonly #service: string;
  readonly #url: URL;
  readonly #timeoutMs: number;
  readonly #pending = new Map<number, Pending>();
  #nextId = 1;
  /** Why the socket can take no more calls; null while it is open. */
  #ended: { readonly code: number } | null = null;

  constructor(ws: WebSocket, service: string, timeoutMs: number) {
    this.#ws = ws;
    this.#service = service;
    this.#url = new URL(ws.url);
    this.#timeoutMs = timeoutMs;
    ws.on('message', (data, isBinary) => this.#onFrame(isBinary ? null : data.toString()));
    ws.on('close', (code) => this.#onClose(code));
    // 'close' follows every 'error' and reports it to the waiting calls.
    ws.on('error', () => undefined);
  }

  /** Sends one call and resolves with its result; rejects with an AuthdeskError, an RpcCallError or the signal's reason. */
  call(method: string, params: readonly unknown[], options: CallOptions): Promise<unknown> {
    if (options.signal.aborted) return Promise.reject(options.signal.reason);
    // Nothing was sent, so this is a plain cut whatever the call would have carried.
    if (this.#ended) return Promise.reject(this.#ended.code === INTERNAL_ERROR_CLOSE ? serverFailed(this.#service) : connectionCut(this.#service));
    const id = this.#nextId++;
    return new Promise<unknown>((resolve, reject) => {
      const settle = () => {
        clearTimeout(timer);
        options.signal.removeEventListener('abort', onAbort);
        this.#pending.delete(id);
      };
      const onAbort = () => {
        settle();
        reject(options.signal.reason);
      };
      const timer = setTimeout(() => {
        settle();
        reject(options.carriesSecret ? timedOutAfterSending(this.#service, this.#timeoutMs) : timedOut({ service: this.#service, url: this.#url, timeoutMs: this.#timeoutMs }));
      }, this.#timeoutMs);
      options.signal.addEventListener('abort', onAbort, { once: true });
      this.#pending.set(id, {
        carriesSecret: options.carriesSecret,
        resolve: (result) => (settle(), resolve(result)),
        reject: (error) => (settle(), reject(error)),
      });
      this.#ws.send(JSON.stringify({ jsonrpc: '2.0', id, method, params }));
    });
  }

  /** The URL the socket is connected to. */
  get url(): string {
    return this.#ws.url;
  }

  /** Closes the socket; calls still waiting fail as cut. */
  close(): void {
    this.#ws.close();
  }

  #onFrame(text: string | null): void {
    const frame = parseFrame(text);
    if (frame === null) return this.#failAll(unreadable(this.#service));
    // A notification (collection_update ...) answers no call.
    if ('method' in frame) return;
    const pending = typeof frame.id === 'number' ? this.#pending.get(frame.id) : undefined;
    if (!pending) {
      // An error with a null id (-32700) means the server could not read a call: every waiting call is lost.
      if (frame.id === null && isErrorObject(frame.error)) this.#failAll(new RpcCallError(frame.error.code, frame.error.data));
      return;
    }
    if (isErrorObject(frame.error)) pending.reject(new RpcCallError(frame.error.code, frame.error.data));
    else if ('result' in frame) pending.resolve(frame.result);
    else pending.reject(unreadable(this.#service));
  }

  #onClose(code: number): void {
    this.#ended = { code };
    for (const pending of [...this.#pending.values()]) {
      if (pending.carriesSecret) pending.reject(cutAfterSending(this.#service));
      else pending.reject(code === INTERNAL_ERROR_CLOSE ? serverFailed(this.#service) : connectionCut(this.#service));
    }
  }

  #failAll(error: AuthdeskError | RpcCallError): void {
    for (const pending of [...this.#pending.values()]) pending.reject(error);
    // After a frame it cannot read, the client cannot tell which answer belongs to which call.
    this.#ws.close();
  }
}

function parseFrame(text: string | null): Record<string, unknown> | null {
  if (text === null) return null;
  let frame: unknown;
  try {
    frame = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof frame !== 'object' || frame === null || Array.isArray(frame)) return null;
  return (frame as Record<string, unknown>).jsonrpc === '2.0' ? (frame as Record<string, unknown>) : null;
}

function isErrorObject(value: unknown): value is { code: number; data?: unknown } {
  return typeof value === 'object' && value !== null && typeof (value as { code?: unknown }).code === 'number';
}
