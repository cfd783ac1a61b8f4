// Runs in: sandbox (`npm run sandbox` and tests; never shipped).
//
// A small router over node:http. Handlers return a Reply instead of writing to the socket, so the
// fault layer can delay, cut or corrupt any reply without the handlers knowing.

import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { MALFORMED_BODY, type Faults } from './faults.ts';
import type { HandlingTime } from './handling-time.ts';

export interface Reply {
  readonly status: number;
  readonly headers?: Record<string, string>;
  /** Serialized as JSON; absent means an empty body. */
  readonly body?: unknown;
}

/** Returned by handlers that took over the response themselves (event streams, held requests). */
export const STREAMED = Symbol('streamed');

export interface SandboxRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  readonly params: Readonly<Record<string, string>>;
  /** The parsed JSON body; undefined when empty or not JSON (see `jsonError`). */
  readonly body: unknown;
  readonly jsonError: boolean;
  readonly remoteAddress: string;
  readonly raw: IncomingMessage;
  readonly res: ServerResponse;
}

export type Handler = (request: SandboxRequest) => Reply | typeof STREAMED | Promise<Reply | typeof STREAMED>;

interface Route {
  readonly method: string;
  readonly segments: readonly string[];
  readonly handler: Handler;
  readonly faultable: boolean;
}

const MAX_BODY = 1024 * 1024;

export function json(status: number, body?: unknown, headers?: Record<string, string>): Reply {
  return headers ? { status, body, headers } : { status, body };
}

export function header(request: SandboxRequest, name: string): string | undefined {
  const value = request.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

export function bearer(request: SandboxRequest): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(header(request, 'authorization') ?? '');
  return match?.[1];
}

export class Router {
  readonly #routes: Route[] = [];
  readonly #faults: Faults;
  readonly #time: HandlingTime;

  constructor(faults: Faults, time: HandlingTime) {
    this.#faults = faults;
    this.#time = time;
  }

  /** `pattern` segments starting with ":" capture a parameter. Admin routes pass faultable=false. */
  add(method: string, pattern: string, handler: Handler, faultable = true): void {
    this.#routes.push({ method, segments: pattern.split('/').filter(Boolean), handler, faultable });
  }

  handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    return this.#time.measure(() => this.#handle(req, res));
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    const method = req.method ?? 'GET';
    const found = this.#match(method, url.pathname);
    let bodyText: string;
    try {
      bodyText = await readBody(req);
    } catch {
      send(res, { status: 413, body: { code: 'PAYLOAD_TOO_LARGE', message: 'The request body is over 1 MiB.' } });
      return;
    }
    if (!found) {
      send(res, { status: 404, body: { code: 'NOT_FOUND', message: `No route for ${method} ${url.pathname} in the sandbox.` } });
      return;
    }
    let body: unknown;
    let jsonError = false;
    if (bodyText.trim() !== '') {
      try {
        body = JSON.parse(bodyText);
      } catch {
        jsonError = true;
      }
    }
    const request: SandboxRequest = {
      method, path: url.pathname, query: url.searchParams, headers: req.headers, params: found.params,
      body, jsonError, remoteAddress: req.socket.remoteAddress ?? '', raw: req, res,
    };
    const fault = found.route.faultable ? this.#faults.take(method, url.pathname) : { latencyMs: 0 };
    if (fault.latencyMs > 0) await sleep(fault.latencyMs);
    const failure = fault.failure;
    if (failure?.kind === 'drop') {
      req.socket.destroy();
      return;
    }
    if (failure?.kind === 'status') {
      // Appgate documents a body for 500 (UnexpectedError); Weavr and the others send none.
      const appgate = url.pathname.startsWith('/admin/') && failure.status === 500;
      send(res, appgate ? { status: 500, body: { id: 'unexpected error', message: 'An unexpected error occurred.' } } : { status: failure.status ?? 500 });
      return;
    }
    let reply: Reply | typeof STREAMED;
    try {
      reply = await found.route.handler(request);
    } catch (error) {
      console.error('sandbox: handler failed', error);
      reply = { status: 500 };
    }
    if (reply === STREAMED) return;
    if (failure?.kind === 'malformed') {
      res.writeHead(reply.status === 204 ? 200 : reply.status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(MALFORMED_BODY), ...reply.headers });
      res.end(MALFORMED_BODY);
      return;
    }
    if (failure?.kind === 'truncate') {
      const text = JSON.stringify(reply.body ?? {});
      res.writeHead(reply.status === 204 ? 200 : reply.status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...reply.headers });
      res.write(text.slice(0, Math.floor(text.length / 2)));
      res.socket?.destroy();
      return;
    }
    send(res, reply);
  }

  #match(method: string, path: string): { route: Route; params: Record<string, string> } | undefined {
    const parts = path.split('/').filter(Boolean);
    for (const route of this.#routes) {
      if (route.method !== method || route.segments.length !== parts.length) continue;
      const params: Record<string, string> = {};
      const ok = route.segments.every((segment, i) => {
        const part = decodeURIComponent(parts[i]!);
        if (segment.startsWith(':')) {
          params[segment.slice(1)] = part;
          return true;
        }
        return segment === part;
      });
      if (ok) return { route, params };
    }
    return undefined;
  }
}

export function send(res: ServerResponse, reply: Reply): void {
  if (res.headersSent) return;
  const text = reply.body === undefined ? '' : JSON.stringify(reply.body);
  const headers: Record<string, string | number> = { ...reply.headers, 'content-length': Buffer.byteLength(text) };
  if (text !== '') headers['content-type'] ??= 'application/json';
  res.writeHead(reply.status, headers);
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
