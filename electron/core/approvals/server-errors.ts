// Runs in: main, CLI, tests.
//
// The approvals server's refusals (docs/device-approvals.md: `{"error", "message"}`) in words a
// person can act on, each with the code the window and the CLI map (CLI exit 4, or 5 for
// NOT_FOUND). details.serverError keeps the server's own code for the callers that branch on it
// (a revoked device stops reconnecting); it never reaches the window.

import { AuthdeskError } from '../errors.ts';
import type { HttpResponse } from '../providers/net/index.ts';

export const SERVICE = 'Authdesk approvals';

interface ErrorBody {
  readonly error: string;
  readonly message: string;
  readonly status: string | null;
}

export function readError(response: Pick<HttpResponse, 'json'>): ErrorBody {
  let body: Record<string, unknown> | null = null;
  try {
    const parsed = response.json();
    if (typeof parsed === 'object' && parsed !== null) body = parsed as Record<string, unknown>;
  } catch {
    body = null;
  }
  const text = (value: unknown): string => (typeof value === 'string' ? value.slice(0, 300) : '');
  return { error: text(body?.error), message: text(body?.message), status: typeof body?.status === 'string' ? body.status : null };
}

function waitWords(seconds: number): string {
  if (seconds < 90) return `${seconds} seconds`;
  return `${Math.ceil(seconds / 60)} minutes`;
}

const WORDS: Readonly<Record<string, { code: 'PROVIDER_AUTH_FAILED' | 'PROVIDER_ERROR' | 'NOT_FOUND'; words: string }>> = {
  PAIRING_REFUSED: { code: 'PROVIDER_AUTH_FAILED', words: 'The approvals server refused the pairing token: it is wrong, already used, or older than 10 minutes. Ask the service for a new pairing link.' },
  UNAUTHENTICATED: { code: 'PROVIDER_AUTH_FAILED', words: 'The approvals server did not accept this device\'s signature. If this keeps happening, enrol the profile again.' },
  DEVICE_REVOKED: { code: 'PROVIDER_AUTH_FAILED', words: 'This device was revoked for the account, so it receives no more requests. Enrol it again with a new pairing link to approve here.' },
  DEVICE_NOT_ENROLLED: { code: 'PROVIDER_AUTH_FAILED', words: 'This device is not enrolled for that account any more, so its answer was not taken. Enrol it again with a new pairing link.' },
  BAD_SIGNATURE: { code: 'PROVIDER_AUTH_FAILED', words: 'The approvals server could not verify this device\'s signature on the answer, so it was not taken.' },
  STALE_DECISION: { code: 'PROVIDER_ERROR', words: 'The approvals server refused the answer because this computer\'s clock is more than 5 minutes off. Correct the clock and answer again.' },
  EXPIRED: { code: 'PROVIDER_ERROR', words: 'This request expired before the answer reached the server, so nothing was approved. Ask for a new one from the requesting screen.' },
  NOT_FOUND: { code: 'NOT_FOUND', words: 'The approvals server does not know this request.' },
  UNKNOWN_DEVICE: { code: 'NOT_FOUND', words: 'The approvals server does not know that device; it may have been revoked already.' },
  NOT_ALLOWED: { code: 'PROVIDER_ERROR', words: 'That device belongs to another account, so this device cannot revoke it.' },
  UNKNOWN_ACCOUNT: { code: 'PROVIDER_ERROR', words: 'The approvals server does not serve this account.' },
};

/** The error for a refused answer; `now` dates a 429's retryAt. */
export function serverFailure(response: Pick<HttpResponse, 'status' | 'headers' | 'json'>, now: number): AuthdeskError {
  const body = readError(response);
  if (response.status === 429) {
    const seconds = Math.max(1, Number.parseInt(response.headers.get('retry-after') ?? '', 10) || 60);
    return new AuthdeskError('PROVIDER_RATE_LIMITED', `Too many wrong pairing attempts for this account or network. Wait ${waitWords(seconds)}, then try again with a new pairing link.`, {
      details: { retryAt: now + seconds * 1000, serverError: 'RATE_LIMITED' },
    });
  }
  if (response.status === 409 && body.error === 'ALREADY_DECIDED') {
    const how = body.status === null ? '' : ` (${body.status.toLowerCase()})`;
    return new AuthdeskError('PROVIDER_ERROR', `This request was already answered${how}, here or on another device, so this answer changed nothing.`, { details: { serverError: body.error } });
  }
  const known = WORDS[body.error];
  if (known) return new AuthdeskError(known.code, known.words, { details: { serverError: body.error } });
  if (response.status >= 500) return new AuthdeskError('PROVIDER_UNAVAILABLE', `${SERVICE} is not available right now (status ${response.status}). Try again in a few minutes.`);
  const said = body.message ? `: ${body.message}` : '';
  return new AuthdeskError('PROVIDER_ERROR', `${SERVICE} refused the request (status ${response.status})${said}`, { details: { serverError: body.error || String(response.status) } });
}

export function serverErrorOf(error: unknown): string | undefined {
  const value = (error as { details?: Record<string, unknown> } | null)?.details?.serverError;
  return typeof value === 'string' ? value : undefined;
}
