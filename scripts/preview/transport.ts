// Runs in: development (npm run preview).
//
// The preview's stand-in for Electron's IPC, over HTTP on the page's own origin: each bridge
// call is one POST answered with the router's Result, and every core event is one message of
// a server-sent event stream to each open page. server.ts checks Host, Origin, method and
// token before anything here runs.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Router } from '../../electron/core/api/router.ts';
import { RefusedRequest, sendJson } from './refused.ts';

/** No call carries more than a few kilobytes; anything near this is not the window talking. */
export const MAX_BODY_BYTES = 1024 * 1024;

export interface HttpTransport {
  /** The backend's send: one event to every open page. */
  send(channel: string, payload: unknown): void;
  /** Answers a POST of `{channel, input, recentInput}` with the router's Result, as a call from senderUrl. */
  call(request: IncomingMessage, response: ServerResponse, router: Router, senderUrl: string): Promise<void>;
  /** Keeps the response open as an event stream until the page goes away. */
  openEvents(response: ServerResponse): void;
  /** Settles once no call is under way, so the core is closed after its last write. */
  idle(): Promise<void>;
}

const tooLarge = () => new RefusedRequest(413, 'INVALID_INPUT', `A call may carry at most ${MAX_BODY_BYTES} bytes.`);

function readBody(request: IncomingMessage): Promise<string> {
  if (Number(request.headers['content-length'] ?? 0) > MAX_BODY_BYTES) return Promise.reject(tooLarge());
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    // The rest of an oversized body is left unread: sendRefusal closes the connection.
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) fail(tooLarge());
      else chunks.push(chunk);
    });
    request.on('end', () => done(Buffer.concat(chunks).toString('utf8')));
    request.on('error', fail);
  });
}

function parseCall(body: string): { channel: string; input: unknown; recentInput: boolean } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    // Not the parser's message: it quotes the body, which may hold a password.
    throw new RefusedRequest(400, 'INVALID_INPUT', 'A call must be JSON.');
  }
  if (typeof parsed !== 'object' || parsed === null || typeof (parsed as { channel?: unknown }).channel !== 'string') {
    throw new RefusedRequest(400, 'INVALID_INPUT', 'A call is a JSON object with a channel and an input.');
  }
  const { channel, input, recentInput } = parsed as { channel: string; input: unknown; recentInput?: unknown };
  return { channel, input, recentInput: recentInput === true };
}

export function createHttpTransport(): HttpTransport {
  const streams = new Set<ServerResponse>();
  const running = new Set<Promise<unknown>>();
  return {
    send(channel, payload) {
      const message = `event: ${channel}\ndata: ${JSON.stringify(payload)}\n\n`;
      for (const stream of streams) stream.write(message);
    },
    async call(request, response, router, senderUrl) {
      const { channel, input, recentInput } = parseCall(await readBody(request));
      // Whether the page saw a trusted key press or click just now (test/e2e/support/trusted-input.ts).
      const answer = router.handle(channel, senderUrl, input, { recentInput: () => recentInput });
      running.add(answer);
      try {
        sendJson(response, 200, await answer);
      } finally {
        running.delete(answer);
      }
    },
    openEvents(response) {
      response.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8' });
      // A comment sends the headers now, so the page's EventSource opens before its first call.
      response.write(': open\n\n');
      streams.add(response);
      response.on('close', () => streams.delete(response));
    },
    async idle() {
      await Promise.allSettled(running);
    },
  };
}
