// Runs in: development (npm run preview).
//
// The preview's one HTTP server on 127.0.0.1: the built renderer as main's app:// handler
// serves it (test/e2e/support/static-server.ts), the page with the stand-in, and the bridge's
// endpoints (transport.ts) behind the checks below.
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Router } from '../../electron/core/api/router.ts';
import { listenOnLoopback, rawPath, sendFile, setPageHeaders, type StaticServer } from '../../test/e2e/support/static-server.ts';
import { CALL_PATH, EVENTS_PATH, STANDIN_PATH, TOKEN_PARAM } from './endpoints.ts';
import { PREVIEW_POLICY } from './page.ts';
import { RefusedRequest, sendRefusal } from './refused.ts';
import { bearerToken, tokenMatches } from './token.ts';
import type { HttpTransport } from './transport.ts';

export interface PreviewServerOptions {
  /** 0 for any free port. */
  readonly port: number;
  readonly rendererDir: string;
  /** index.html as previewPage() rewrote it. */
  readonly page: string;
  /** The bundled stand-in, served at STANDIN_PATH. */
  readonly standin: string;
  readonly token: string;
  readonly transport: HttpTransport;
  /** The router that trusts the given origin: the backend's. */
  routerFor(origin: string): Router;
}

export function startPreviewServer(options: PreviewServerOptions): Promise<StaticServer> {
  return listenOnLoopback(options.port, (origin) => handlerFor(options, origin));
}

function handlerFor(options: PreviewServerOptions, origin: string): RequestListener {
  const { token, transport } = options;
  const router = options.routerFor(origin);
  const host = new URL(origin).host;
  // Note (sender): the router trusts the page's origin, and every call reaches it as a call
  // from the page's own URL once the checks in respond() passed: Host, Origin when present
  // and, above all, the token, which only the page opened from the printed URL holds. Those
  // checks do here what main's sender check does in the app, so the router's own check always
  // passes; a Referer would prove less than the token, and a page may send none. Change
  // together with token.ts.
  const senderUrl = `${origin}/`;

  function refuseUnlessToken(given: string | null): void {
    if (!tokenMatches(token, given)) throw new RefusedRequest(403, 'FORBIDDEN_SENDER', 'This request did not carry the preview’s token and was refused. Open the link that npm run preview printed.');
  }

  async function respond(request: IncomingMessage, response: ServerResponse): Promise<void> {
    setPageHeaders(response, PREVIEW_POLICY);
    // Note (DNS rebinding): a site whose name is made to resolve to 127.0.0.1 reaches this
    // port from the user's browser with its own Host and Origin; both must be the preview's.
    if (request.headers.host !== host) throw new RefusedRequest(403, 'FORBIDDEN_SENDER', `This preview answers only requests for ${host}.`);
    if (request.headers.origin !== undefined && request.headers.origin !== origin) {
      throw new RefusedRequest(403, 'FORBIDDEN_SENDER', 'This request came from another site and was refused.');
    }
    const path = rawPath(request);
    if (request.method === 'POST' && path === CALL_PATH) {
      refuseUnlessToken(bearerToken(request));
      await transport.call(request, response, router, senderUrl);
      return;
    }
    if (request.method !== 'GET') throw new RefusedRequest(405, 'INVALID_INPUT', 'The preview answers GET, and POST for calls.');
    if (path === EVENTS_PATH) {
      refuseUnlessToken(new URL(request.url ?? '/', origin).searchParams.get(TOKEN_PARAM));
      transport.openEvents(response);
    } else if (path === STANDIN_PATH) {
      response.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8' }).end(options.standin);
    } else if (path === '/' || path === '/index.html') {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(options.page);
    } else {
      await sendFile(options.rendererDir, request, response);
    }
  }

  return (request, response) => {
    respond(request, response).catch((error: unknown) => {
      // The name only: a message could quote what the request carried.
      if (!(error instanceof RefusedRequest)) console.error(`npm run preview: ${request.method} ${rawPath(request)} failed (${error instanceof Error ? error.name : typeof error})`);
      sendRefusal(response, error);
    });
  };
}
