// Runs in: tests (Node), and `npm run preview`. Serves a built renderer over loopback the way
// main's app:// handler does: the CSP as a header, files from one folder only.
import { createServer, type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { extname, resolve, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/window/csp.ts';

export interface StaticServer {
  /** e.g. http://127.0.0.1:43121 */
  readonly origin: string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** The file a request path names, or null when it would leave the root. */
export function resolveInside(root: string, pathname: string): string | null {
  let relative: string;
  try {
    relative = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (relative.includes('\0')) return null;
  const file = resolve(root, `.${relative.endsWith('/') ? `${relative}index.html` : relative}`);
  return file.startsWith(root + sep) ? file : null;
}

/** The request's path as the client sent it, without the query. */
export function rawPath(request: IncomingMessage): string {
  return (request.url ?? '/').split('?')[0] ?? '/';
}

/** The headers every response of the page's origin carries, under the given policy. */
export function setPageHeaders(response: ServerResponse, policy: string = CONTENT_SECURITY_POLICY): void {
  response.setHeader('Content-Security-Policy', policy);
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Cache-Control', 'no-store');
}

/** Answers a GET or HEAD with the file under root that the request names. */
export async function sendFile(root: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
  // The raw path, not new URL(...).pathname: URL parsing would quietly drop "../", and
  // the check below must see what a client really asked for.
  const file = resolveInside(resolve(root), rawPath(request));
  if (!file) {
    response.writeHead(403).end('Forbidden');
    return;
  }
  try {
    const body = await readFile(file);
    response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    response.end(request.method === 'HEAD' ? undefined : body);
  } catch {
    response.writeHead(404).end('Not found');
  }
}

/**
 * Listens on 127.0.0.1 (port 0: any free port) and only then builds the request handler, so
 * a handler that checks Host or Origin knows the origin it is served from.
 */
export async function listenOnLoopback(port: number, handlerFor: (origin: string) => RequestListener): Promise<StaticServer> {
  const server = createServer();
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', fail);
      done();
    });
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  server.on('request', handlerFor(origin));
  return {
    origin,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

export function serveDirectory(root: string): Promise<StaticServer> {
  return listenOnLoopback(0, () => async (request, response) => {
    setPageHeaders(response);
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405).end();
      return;
    }
    await sendFile(root, request, response);
  });
}
