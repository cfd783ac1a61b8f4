// Runs in: main, CLI, tests.
//
// What a failed connection tells the person: one AuthdeskError per way the network can fail,
// shared by the HTTPS client and the WebSocket opener so both say the same words.

import { AuthdeskError } from '../../errors.ts';
import { changedCertificate, isCertificateFailure, probeFingerprint, untrustedCertificate } from './certificates.ts';

/** Raised inside a connector when the peer's certificate is not the pinned one. */
export class PinMismatch extends Error {
  readonly fingerprint: string;
  constructor(fingerprint: string) {
    super('certificate fingerprint differs from the pin');
    this.fingerprint = fingerprint;
  }
}

export interface Endpoint {
  /** For messages: "TrueNAS (nas)". */
  readonly service: string;
  readonly url: URL;
  readonly timeoutMs: number;
}

export function timedOut(endpoint: Endpoint): AuthdeskError {
  return new AuthdeskError('NETWORK_TIMEOUT', `${endpoint.service} did not answer within ${Math.round(endpoint.timeoutMs / 1000)} s. Check that it is running and reachable, then try again.`);
}

export function unreadable(service: string): AuthdeskError {
  return new AuthdeskError('PROVIDER_ERROR', `${service} sent an answer Authdesk could not read. It may be a different or newer server than expected; nothing else was sent.`);
}

export function tooLarge(service: string, limitBytes: number): AuthdeskError {
  return new AuthdeskError('PROVIDER_ERROR', `${service} sent an answer larger than ${Math.round(limitBytes / 1024)} KiB, more than any login needs; Authdesk stopped reading it.`);
}

/**
 * Turns whatever the transport threw into the error the person sees. `signal` is the caller's
 * own: when it aborted, its reason goes through untouched (sessions reads it as cancelled).
 */
export async function connectionFailure(error: unknown, endpoint: Endpoint, signal: AbortSignal, timeout: AbortSignal): Promise<unknown> {
  if (signal.aborted) return signal.reason;
  if (error instanceof AuthdeskError) return error;
  const mismatch = findCause(error, (cause): cause is PinMismatch => cause instanceof PinMismatch);
  if (mismatch) return changedCertificate(endpoint.service, mismatch.fingerprint);
  if (timeout.aborted) return timedOut(endpoint);
  if (isCertificateFailure(error)) {
    const fingerprint = await probeFingerprint(endpoint.url.hostname.replace(/^\[|\]$/g, ''), portOf(endpoint.url), AbortSignal.any([signal, AbortSignal.timeout(endpoint.timeoutMs)]));
    if (fingerprint) return untrustedCertificate(endpoint.service, fingerprint);
  }
  return new AuthdeskError('NETWORK_ERROR', `Could not reach ${endpoint.service} at ${endpoint.url.host}${reason(error)}. Check the address and your network, then try again.`);
}

function reason(error: unknown): string {
  const code = findCause(error, (cause): cause is { code: string } => typeof (cause as { code?: unknown }).code === 'string')?.code;
  switch (code) {
    case 'ECONNREFUSED':
      return ': nothing is listening there';
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
    case 'EPIPE':
      return ': the connection was cut';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return ': the name does not resolve';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return ': the host is unreachable';
    default:
      return '';
  }
}

function findCause<T>(error: unknown, test: (cause: object) => cause is T & object): T | undefined {
  for (let current = error, depth = 0; current && typeof current === 'object' && depth < 5; depth += 1) {
    if (test(current)) return current;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

export function portOf(url: URL): number {
  if (url.port) return Number(url.port);
  return url.protocol === 'https:' || url.protocol === 'wss:' ? 443 : 80;
}
