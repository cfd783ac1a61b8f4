// Runs in: sandbox (`npm run sandbox` and tests; never shipped).
//
// TrueNAS's WebSocket endpoint: /api/current and the versioned routes (CONTRACTS A.1), with
// the anonymous message-size limit, the unauthenticated rate limit and on-demand faults.

import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { TLSSocket } from 'node:tls';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { Clock } from '../clock.ts';
import { MALFORMED_BODY, type Faults } from '../faults.ts';
import { json, type Router } from '../http.ts';
import { TruenasAuth, type Connection, type TruenasDelays } from './auth.ts';
import { RpcError, callError, errorFrame, methodNotFound, parseCall, resultFrame, type RpcCall, type RpcId } from './rpc.ts';
import type { SandboxSeed } from '../seed.ts';
import type { HandlingTime } from '../handling-time.ts';
import { TruenasReceived } from './received.ts';

export const API_VERSIONS = ['v25.04.0', 'v25.04.1', 'v25.04.2'] as const;
const PATHS = new Set(['/api/current', ...API_VERSIONS.map((v) => `/api/${v}`)]);
const ANONYMOUS_MAX = 8192;
const AUTHENTICATED_MAX = 65536;
const RATE_WINDOW_MS = 60_000;
const RATE_KEYS = 100;
/** Calls one connection may hold in flight; the next is refused at once (CONTRACTS A.1). */
const MAX_IN_FLIGHT = 20;

export class TruenasServer {
  readonly #time: HandlingTime;
  readonly #clock: Clock;
  readonly #faults: Faults;
  readonly #auth: TruenasAuth;
  readonly #rateLimit: number;
  // Both size limits are checked by hand so each closes with the middleware's own code and reason.
  readonly #wss = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  #rateWindowStart = 0;
  readonly #rateCounts = new Map<string, number>();
  /** Every frame received and the sockets open, for client tests. */
  readonly received = new TruenasReceived();

  constructor(clock: Clock, seed: SandboxSeed['truenas'], faults: Faults, time: HandlingTime, delays?: TruenasDelays) {
    this.#time = time;
    this.#clock = clock;
    this.#faults = faults;
    this.#auth = new TruenasAuth(clock, seed, delays);
    this.#rateLimit = seed.rateLimit;
  }

  registerHttp(router: Router): void {
    router.add('GET', '/api/versions', () => json(200, [...API_VERSIONS]));
  }

  /** Handles an HTTP upgrade; returns false when the path is not TrueNAS's, for another handler. */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const path = new URL(req.url ?? '/', 'http://sandbox').pathname;
    if (!PATHS.has(path)) return false;
    const fault = this.#faults.take('GET', path);
    if (fault.failure?.kind === 'drop') {
      socket.destroy();
      return true;
    }
    if (fault.failure?.kind === 'status') {
      socket.end(`HTTP/1.1 ${fault.failure.status ?? 500} Service Error\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return true;
    }
    this.#wss.handleUpgrade(req, socket, head, (ws) => this.#accept(ws, req, path));
    return true;
  }

  close(): void {
    for (const client of this.#wss.clients) client.terminate();
    this.#wss.close();
  }

  #accept(ws: WebSocket, req: IncomingMessage, path: string): void {
    const connection: Connection = { secure: req.socket instanceof TLSSocket, remoteAddress: req.socket.remoteAddress ?? '' };
    let inFlight = 0;
    this.received.openSockets += 1;
    ws.on('close', () => {
      this.received.openSockets -= 1;
    });
    // A client that breaks the protocol (oversized frame, bad UTF-8) ends only its own socket.
    ws.on('error', () => ws.terminate());
    ws.on('message', (data: RawData, isBinary: boolean) => {
      const size = Array.isArray(data) ? data.reduce((n, b) => n + b.length, 0) : (data as Buffer).byteLength;
      if (!connection.session && size > ANONYMOUS_MAX) {
        ws.close(1007, 'Anonymous connection max message length is 8 kB');
        return;
      }
      if (size > AUTHENTICATED_MAX) {
        ws.close(1009, 'Max message length is 64 kB');
        return;
      }
      const text = isBinary ? '' : data.toString();
      this.received.record(text);
      if (inFlight >= MAX_IN_FLIGHT) {
        this.#refuseBusy(ws, text);
        return;
      }
      inFlight += 1;
      void this.#time.measure(() => this.#onMessage(ws, connection, path, text)).finally(() => {
        inFlight -= 1;
      });
    });
  }

  async #onMessage(ws: WebSocket, connection: Connection, path: string, text: string): Promise<void> {
    const fault = this.#faults.take('WS', path);
    if (fault.latencyMs > 0) await sleep(fault.latencyMs);
    if (fault.failure?.kind === 'drop') {
      ws.terminate();
      return;
    }
    let call: RpcCall;
    try {
      call = parseCall(text);
    } catch (error) {
      const failed = error as RpcError & { id: RpcId };
      this.#send(ws, errorFrame(failed.id, failed), fault.failure?.kind);
      return;
    }
    const frame = await this.#dispatch(connection, call);
    if (call.wantsReply) this.#send(ws, frame, fault.failure?.kind);
  }

  #refuseBusy(ws: WebSocket, text: string): void {
    let call: RpcCall;
    try {
      call = parseCall(text);
    } catch {
      return;
    }
    if (call.wantsReply) ws.send(errorFrame(call.id, new RpcError(-32000, `Maximum number of concurrent calls (${MAX_IN_FLIGHT}) has exceeded`)));
  }

  async #dispatch(connection: Connection, call: RpcCall): Promise<string> {
    this.#auth.touch(connection);
    const method = this.#auth.methods.get(call.method);
    try {
      if (!method) throw methodNotFound();
      if (!connection.session) {
        if (this.#rateLimited(call.method, connection.remoteAddress)) {
          await this.#auth.rateLimitDelay();
          throw callError('EBUSY', 'Rate Limit Exceeded');
        }
        if (method.authRequired) throw callError('ENOTAUTHENTICATED', 'Not authenticated');
      }
      return resultFrame(call.id, await method.run(connection, call.params));
    } catch (error) {
      if (error instanceof RpcError) return errorFrame(call.id, error);
      console.error('sandbox: TrueNAS method failed', error);
      return errorFrame(call.id, new RpcError(-32603, 'Internal error'));
    }
  }

  /** The unauthenticated limit: `rateLimit` (20) calls per (method, address) in a 60 s window that resets, or 100 keys. */
  #rateLimited(method: string, address: string): boolean {
    const now = this.#clock.now();
    if (now - this.#rateWindowStart >= RATE_WINDOW_MS) {
      this.#rateWindowStart = now;
      this.#rateCounts.clear();
    }
    const key = `${method}\u0000${address}`;
    const count = this.#rateCounts.get(key);
    if (count === undefined && this.#rateCounts.size >= RATE_KEYS) return true;
    this.#rateCounts.set(key, (count ?? 0) + 1);
    return (count ?? 0) + 1 > this.#rateLimit;
  }

  #send(ws: WebSocket, frame: string, fault: string | undefined): void {
    if (fault === 'malformed') ws.send(MALFORMED_BODY);
    else if (fault === 'truncate') ws.send(frame.slice(0, Math.floor(frame.length / 2)));
    else if (fault === 'status') ws.close(1011, 'Internal error');
    else ws.send(frame);
  }
}
