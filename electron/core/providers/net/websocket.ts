// Runs in: main, CLI, tests.
//
// Opens a WebSocket (TrueNAS's JSON-RPC transport) with the same trust, timeout and failure
// words as the HTTPS client: the pinned certificate is checked right after the TLS handshake,
// before the upgrade request is written, and the handshake is bounded by the timeout.

import { connect as tlsConnect, type ConnectionOptions } from 'node:tls';
import type WebSocket from 'ws';
import type { ClientOptions } from 'ws';
import { fingerprintOf, normalisePin } from './certificates.ts';
import { connectionFailure, PinMismatch, type Endpoint } from './failures.ts';

const DEFAULT_TIMEOUT_MS = 15_000;
/** No TrueNAS login frame comes near this; a bigger one is refused by ws before it is buffered. */
const MAX_FRAME_BYTES = 1024 * 1024;

export interface WebSocketOptions {
  readonly pin: string | null;
  /** For messages: "TrueNAS (nas)". */
  readonly service: string;
  readonly signal: AbortSignal;
  /** Bounds the connection and the handshake; 15 s when not given. */
  readonly timeoutMs?: number;
}

/** Resolves with an open socket; rejects with the error the person should see. */
export async function openWebSocket(url: string, options: WebSocketOptions): Promise<WebSocket> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const endpoint: Endpoint = { service: options.service, url: new URL(url), timeoutMs };
  const pin = normalisePin(options.pin);
  const timeout = AbortSignal.timeout(timeoutMs);
  // Loaded on first use, as undici is in http-client.ts.
  const { default: WebSocketClient } = await import('ws');
  const socket = new WebSocketClient(url, {
    handshakeTimeout: timeoutMs,
    maxPayload: MAX_FRAME_BYTES,
    followRedirects: false,
    perMessageDeflate: false,
    ...(pin ? { rejectUnauthorized: false, createConnection: pinnedConnection(pin) } : {}),
  });
  try {
    await new Promise<void>((resolve, reject) => {
      const stop = () => reject(options.signal.aborted ? options.signal.reason : timeout.reason);
      const abort = AbortSignal.any([options.signal, timeout]);
      if (abort.aborted) return stop();
      abort.addEventListener('abort', stop, { once: true });
      socket.once('open', () => {
        abort.removeEventListener('abort', stop);
        resolve();
      });
      socket.once('error', (error) => {
        abort.removeEventListener('abort', stop);
        reject(error);
      });
      socket.once('unexpected-response', (_request, response) => {
        abort.removeEventListener('abort', stop);
        reject(new Error(`unexpected HTTP ${response.statusCode}`));
      });
    });
    return socket;
  } catch (error) {
    // terminate() before the upgrade finishes emits one more 'error'; the failure is already reported.
    socket.on('error', () => undefined);
    socket.terminate();
    throw await connectionFailure(error, endpoint, options.signal, timeout);
  }
}

// ws hands createConnection the options it would give tls.connect; its type names net's overloads.
function pinnedConnection(pin: string): ClientOptions['createConnection'] {
  return ((options: ConnectionOptions) => {
    const socket = tlsConnect({ ...options, rejectUnauthorized: false });
    socket.once('secureConnect', () => {
      const fingerprint = fingerprintOf(socket);
      if (fingerprint !== pin) socket.destroy(new PinMismatch(fingerprint ?? 'unknown'));
    });
    return socket;
  }) as ClientOptions['createConnection'];
}
