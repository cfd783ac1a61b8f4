// Runs in: tests.
//
// A plain HTTP proxy in front of the sandbox that records every request it passes on, so a
// provider test can count what the server received ("the OTP was sent once") without the
// sandbox keeping a log. A reply the sandbox cuts (a `drop` or `truncate` fault) is cut here too.

import { createServer, request as forward, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  /** The body parsed as JSON, or undefined when empty or not JSON. */
  readonly json: unknown;
}

export interface RecordingProxy {
  /** "http://127.0.0.1:PORT": put the sandbox's paths after it. */
  readonly base: string;
  readonly received: ReceivedRequest[];
  /** The requests for `method path` received since index `from` of `received`. */
  calls(method: string, path: string, from?: number): ReceivedRequest[];
  /** Cuts every open connection (a network change), keeping the proxy listening. */
  cut(): void;
  close(): Promise<void>;
}

export async function startRecordingProxy(target: string): Promise<RecordingProxy> {
  const upstream = new URL(target);
  const received: ReceivedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      received.push({ method: req.method ?? 'GET', path: (req.url ?? '/').split('?')[0]!, headers: req.headers, json: parse(body.toString('utf8')) });
      const out = forward({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host } }, (reply) => {
        res.writeHead(reply.statusCode ?? 502, reply.headers);
        reply.pipe(res);
        reply.on('aborted', () => res.socket?.destroy());
        reply.on('error', () => res.socket?.destroy());
      });
      out.on('error', () => req.socket.destroy());
      // The client gave up (a timeout, a cancel): the server sees the connection go, as it would directly.
      res.on('close', () => {
        if (!res.writableFinished) out.destroy();
      });
      out.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    received,
    calls: (method, path, from = 0) => received.slice(from).filter((r) => r.method === method && r.path === path),
    cut: () => server.closeAllConnections(),
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

function parse(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
