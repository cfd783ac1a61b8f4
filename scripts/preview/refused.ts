// Runs in: development (npm run preview).
//
// A request the preview turns away before anything runs, or fails to answer. Either way the
// body is a Result, like the router's own refusals, so the page shows it as it shows
// FORBIDDEN_SENDER from main.
import type { ServerResponse } from 'node:http';
import { AuthdeskError, toWireError, type ErrorCode } from '../../electron/core/errors.ts';

export class RefusedRequest extends AuthdeskError {
  readonly status: number;

  constructor(status: number, code: ErrorCode, message: string) {
    super(code, message);
    this.name = 'RefusedRequest';
    this.status = status;
  }
}

export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers }).end(JSON.stringify(body));
}

/** Answers with the refusal's status, or 500 for anything else; either way as a Result. */
export function sendRefusal(response: ServerResponse, error: unknown): void {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  const status = error instanceof RefusedRequest ? error.status : 500;
  // Connection: close, because a refused body may still be on its way; reading it is wasted work.
  const headers: Record<string, string> = { Connection: 'close', ...(status === 405 ? { Allow: 'GET, POST' } : {}) };
  sendJson(response, status, { ok: false, error: toWireError(error) }, headers);
}
