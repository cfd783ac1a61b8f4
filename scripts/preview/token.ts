// Runs in: development (npm run preview).
//
// Note (token): the preview serves the real core on a loopback port that every local process
// and every web page the user visits can reach. Only the page opened from the printed URL
// knows this random token, so only it can call the core: other processes, other browser tabs
// and DNS-rebinding pages get 403 and nothing runs. The page sends it as a Bearer header on
// calls and, because EventSource cannot set headers, as a query parameter on the event stream
// only. Change together with standin-entry.ts, which reads it from the URL.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export function createToken(): string {
  return randomBytes(32).toString('base64url');
}

const digest = (text: string): Buffer => createHash('sha256').update(text).digest();

/**
 * Compared as SHA-256 digests so timingSafeEqual always sees equal lengths: the time taken
 * tells a caller nothing about the token, not even its length.
 */
export function tokenMatches(expected: string, given: string | null | undefined): boolean {
  return typeof given === 'string' && timingSafeEqual(digest(expected), digest(given));
}

/** The token of an `Authorization: Bearer <token>` header, or null. */
export function bearerToken(request: IncomingMessage): string | null {
  const match = /^Bearer ([A-Za-z0-9_-]+)$/.exec(request.headers.authorization ?? '');
  return match?.[1] ?? null;
}
