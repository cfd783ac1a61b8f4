// Runs in: main, CLI, tests.
//
// The HTTPS client Weavr and Appgate share: Node's fetch over an undici Agent that keeps
// connections alive, checks the profile's pinned certificate on every new connection, bounds
// every call by a timeout and every answer by a size, and retries only what the caller marks
// safe to send twice.
//
// Note (never twice): a request that may carry a password, an OTP or a challenge answer is
// sent once. If the connection fails after it left, the server may have counted it (an
// attempt towards a lockout, a spent OTP), so the failure goes to the person instead of a
// retry. Providers pass `retry: true` only for reads such as /version or /identities.

import type { TLSSocket } from 'node:tls';
import { Agent, buildConnector } from 'undici';
import { normalisePin, fingerprintOf } from './certificates.ts';
import { connectionFailure, PinMismatch, tooLarge, unreadable, type Endpoint } from './failures.ts';

const DEFAULT_TIMEOUT_MS = 15_000;
const MAX_BODY_BYTES = 1024 * 1024;
const RETRIES = 2;
const BACKOFF_MS = 250;

export interface HttpClientOptions {
  /** The service's base URL, path included ("https://host/multi"); requests append their path. */
  readonly baseUrl: string;
  /** The accepted certificate's SHA-256 fingerprint, or null to trust the system's CAs. */
  readonly pin: string | null;
  /** For messages: "Weavr Multi (work)". */
  readonly service: string;
  /** Per call, connection to last byte; 15 s when not given. */
  readonly timeoutMs?: number;
  /**
   * Longest pause between two chunks of a body; timeoutMs when not given. 0 (no limit) for a
   * client that opens event streams, whose reader watches the heartbeats itself.
   */
  readonly idleMs?: number;
}

export interface HttpRequest {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Appended to the base URL: "/login_with_password". */
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** Sent as JSON. */
  readonly json?: unknown;
  readonly signal: AbortSignal;
  /** True only when sending the request twice can spend nothing (no password, OTP or answer). */
  readonly retry?: boolean;
}

export interface HttpResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** The body parsed as JSON; null for an empty body; PROVIDER_ERROR when it is not JSON. */
  json(): unknown;
}

/** An answer whose body is read as it arrives (an event stream), not bounded. */
export interface StreamingResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly body: ReadableStream<Uint8Array>;
  /** The body read whole, bounded (for an error answer). */
  text(): Promise<string>;
}

export interface HttpClient {
  request(request: HttpRequest): Promise<HttpResponse>;
  /** Sends once (never retried); timeoutMs bounds the wait for the headers only. The caller's signal ends the body. */
  stream(request: Omit<HttpRequest, 'retry'>): Promise<StreamingResponse>;
  /** Closes kept-alive connections. */
  close(): Promise<void>;
}

export function createHttpClient(options: HttpClientOptions): HttpClient {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const base = options.baseUrl.replace(/\/+$/, '');
  const endpoint: Endpoint = { service: options.service, url: new URL(base), timeoutMs };
  const agent = createAgent(normalisePin(options.pin), timeoutMs, options.idleMs ?? timeoutMs);
  // Node's fetch takes undici's dispatcher, which the DOM's RequestInit does not name (the e2e
  // tsconfig has the DOM and its tests drive real clients); a variable passes under both.
  const send = (request: Omit<HttpRequest, 'retry'>, signal: AbortSignal): Promise<Response> => {
    const init = {
      method: request.method,
      headers: { accept: 'application/json', ...(request.json === undefined ? {} : { 'content-type': 'application/json' }), ...request.headers },
      ...(request.json === undefined ? {} : { body: JSON.stringify(request.json) }),
      redirect: 'manual' as const,
      signal,
      dispatcher: agent,
    };
    return fetch(`${base}${request.path}`, init);
  };

  const once = async (request: HttpRequest): Promise<HttpResponse> => {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = AbortSignal.any([request.signal, timeout]);
    try {
      const response = await send(request, signal);
      const text = await readBounded(response, options.service);
      return {
        status: response.status,
        headers: response.headers,
        text,
        json() {
          if (text.trim() === '') return null;
          try {
            return JSON.parse(text) as unknown;
          } catch {
            throw unreadable(options.service);
          }
        },
      };
    } catch (error) {
      throw await connectionFailure(error, endpoint, request.signal, timeout);
    }
  };

  return {
    async request(request) {
      for (let attempt = 0; ; attempt += 1) {
        try {
          const response = await once(request);
          if (request.retry && attempt < RETRIES && (response.status === 502 || response.status === 503 || response.status === 504)) {
            await backoff(attempt, request.signal);
            continue;
          }
          return response;
        } catch (error) {
          const transient = (error as { code?: unknown }).code === 'NETWORK_ERROR' || (error as { code?: unknown }).code === 'NETWORK_TIMEOUT';
          if (!request.retry || attempt >= RETRIES || !transient || request.signal.aborted) throw error;
          await backoff(attempt, request.signal);
        }
      }
    },
    async stream(request) {
      const headersDue = new AbortController();
      const timer = setTimeout(() => headersDue.abort(new DOMException('timed out', 'TimeoutError')), timeoutMs);
      try {
        const response = await send(request, AbortSignal.any([request.signal, headersDue.signal]));
        if (!response.body) throw unreadable(options.service);
        return { status: response.status, headers: response.headers, body: response.body, text: () => readBounded(response, options.service) };
      } catch (error) {
        throw await connectionFailure(error, endpoint, request.signal, headersDue.signal);
      } finally {
        clearTimeout(timer);
      }
    },
    close: () => agent.close(),
  };
}

function createAgent(pin: string | null, timeoutMs: number, idleMs: number): Agent {
  const limits = { keepAliveTimeout: 30_000, headersTimeout: timeoutMs, bodyTimeout: idleMs, connectTimeout: timeoutMs };
  if (!pin) return new Agent(limits);
  // A resumed TLS session carries no certificate to compare, so every connection does a full handshake.
  const connector = buildConnector({ rejectUnauthorized: false, timeout: timeoutMs, maxCachedSessions: 0 });
  return new Agent({
    ...limits,
    connect(options, callback) {
      connector(options, (error, socket) => {
        if (error || !socket) return callback(error ?? new Error('no socket'), null);
        if (options.protocol !== 'https:') return callback(null, socket);
        const fingerprint = fingerprintOf(socket as TLSSocket);
        if (fingerprint === pin) return callback(null, socket);
        socket.destroy();
        callback(new PinMismatch(fingerprint ?? 'unknown'), null);
      });
    },
  });
}

async function readBounded(response: Response, service: string): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > MAX_BODY_BYTES) {
    await response.body?.cancel();
    throw tooLarge(service, MAX_BODY_BYTES);
  }
  if (!response.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body) {
    size += chunk.byteLength;
    if (size > MAX_BODY_BYTES) {
      await response.body.cancel();
      throw tooLarge(service, MAX_BODY_BYTES);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function backoff(attempt: number, signal: AbortSignal): Promise<void> {
  const ms = BACKOFF_MS * 2 ** attempt * (0.5 + Math.random());
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
