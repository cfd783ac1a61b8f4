// Runs in: main, CLI, tests.
//
// The words a person reads when a TrueNAS login does not end in a session: one AuthdeskError
// per documented answer (CONTRACTS A.1 error frames, A.2 response types) and per way the
// socket can fail after something was sent. None of them quotes what was sent.

import { AuthdeskError } from '../../errors.ts';
import type { LoginCredential } from '../types.ts';

/** An error frame as the server sent it (CONTRACTS A.1). */
export class RpcCallError extends Error {
  readonly rpcCode: number;
  readonly errname: string | null;
  readonly reason: string | null;

  constructor(rpcCode: number, data: unknown) {
    super(`JSON-RPC error ${rpcCode}`);
    const record = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
    this.rpcCode = rpcCode;
    this.errname = typeof record.errname === 'string' ? record.errname : null;
    this.reason = typeof record.reason === 'string' ? record.reason : null;
  }
}

/** How long the unauthenticated rate limit's window lasts (CONTRACTS A.1: 60 s, resetting). */
const RATE_WINDOW_MS = 60_000;
const REASON_MAX = 160;

/**
 * What an error frame means for the person. `sent` are the secrets this login put on the wire,
 * so the server's own words are quoted only when they repeat none of them.
 */
export function rpcFailure(service: string, error: RpcCallError, sent: readonly string[]): AuthdeskError {
  if (error.errname === 'EBUSY') {
    return new AuthdeskError('PROVIDER_RATE_LIMITED', `${service} is refusing logins from this computer for now: too many attempts in the last minute. Wait a minute, then log in again.`, {
      details: { retryAt: Date.now() + RATE_WINDOW_MS },
    });
  }
  if (error.errname === 'EOPNOTSUPP') {
    return new AuthdeskError('PROVIDER_UNSUPPORTED', `${service} does not allow this way of logging in at its current security level (in STIG mode only a password with a one-time code is allowed). Use the password, or ask the administrator.`);
  }
  if (error.rpcCode === -32600 || error.rpcCode === -32601 || error.rpcCode === -32602) {
    return new AuthdeskError('PROVIDER_UNSUPPORTED', `${service} did not understand Authdesk's login request. It may run an API version Authdesk does not support (Authdesk speaks TrueNAS 25.04); update Authdesk or check the address.`);
  }
  if (error.rpcCode === -32000) {
    return new AuthdeskError('PROVIDER_UNAVAILABLE', `${service} is too busy to answer right now. Wait a moment, then log in again.`);
  }
  const reason = error.reason?.replace(/^\[[A-Z]+\]\s*/, '').slice(0, REASON_MAX);
  const quotable = reason && !sent.some((secret) => secret !== '' && reason.includes(secret));
  return new AuthdeskError('PROVIDER_ERROR', quotable ? `${service} refused the login: ${reason}` : `${service} refused the login (error ${error.rpcCode}).`);
}

export function credentialRefused(service: string, username: string, credential: LoginCredential): AuthdeskError {
  const what = credential.kind === 'api-key' ? 'the API key' : 'the password';
  return new AuthdeskError('PROVIDER_AUTH_FAILED', `${service} refused the user name ${username} or ${what}. Check both in the profile, then log in again.`);
}

export function otpRefused(service: string): AuthdeskError {
  return new AuthdeskError('PROVIDER_AUTH_FAILED', `${service} refused the one-time code four times and ended the login. Check that the linked account is the one set up for this TrueNAS user and that this computer's clock is right, then log in again.`);
}

export function credentialExpired(service: string, username: string, credential: LoginCredential): AuthdeskError {
  if (credential.kind === 'api-key') {
    return new AuthdeskError('PROVIDER_AUTH_FAILED', `${service} says the API key for ${username} has expired or was revoked. Create a new key in TrueNAS, save it in the profile, then log in again.`);
  }
  return new AuthdeskError('PROVIDER_PASSWORD_EXPIRED', `${service} says the password of ${username} has expired or must be changed. Set a new one in the TrueNAS web interface, save it in the profile, then log in again.`);
}

export function apiKeyNeedsTls(service: string): AuthdeskError {
  return new AuthdeskError('INVALID_INPUT', `${service} accepts an API key only over an encrypted connection, and revokes a key sent over ws://. Authdesk sent nothing. Change the profile's address to https:// or wss://, or log in with the password.`, {
    details: { field: 'baseUrl' },
  });
}

export function redirectLoop(service: string): AuthdeskError {
  return new AuthdeskError('PROVIDER_ERROR', `${service} passed the login to its other controller, and that one passed it on again. The pair may be failing over: wait a minute, then log in again.`);
}

export function redirectUnusable(service: string): AuthdeskError {
  return new AuthdeskError('PROVIDER_ERROR', `${service} passed the login to its other controller but named no address Authdesk can use. Enter the active controller's address in the profile.`);
}

export function unknownResponse(service: string, responseType: unknown): AuthdeskError {
  // A hostile or broken server chooses this text: keep only what a response type can look like.
  const name = typeof responseType === 'string' ? responseType.replace(/[^A-Z0-9_]/gi, '').slice(0, 40) : '';
  return new AuthdeskError('PROVIDER_UNSUPPORTED', `${service} answered the login with ${name ? `"${name}"` : 'an answer'} this version of Authdesk does not know; it may be newer than Authdesk. Update Authdesk, then log in again.`);
}

/** The socket closed after a call that carried a password, an OTP or a token was sent. */
export function cutAfterSending(service: string): AuthdeskError {
  return new AuthdeskError('NETWORK_ERROR', `The connection to ${service} was cut after Authdesk sent the login, so ${service} may or may not have counted the attempt. Authdesk did not send it again; check the connection, then log in again.`);
}

export function timedOutAfterSending(service: string, timeoutMs: number): AuthdeskError {
  return new AuthdeskError('NETWORK_TIMEOUT', `${service} did not answer the login within ${timeoutMs < 1000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} s`}, so it may or may not have counted the attempt. Authdesk did not send it again; check that it is running and reachable, then log in again.`);
}

export function connectionCut(service: string): AuthdeskError {
  return new AuthdeskError('NETWORK_ERROR', `The connection to ${service} was cut. Check the connection, then try again.`);
}

export function serverFailed(service: string): AuthdeskError {
  return new AuthdeskError('PROVIDER_UNAVAILABLE', `${service} reported an internal error and closed the connection. Wait a moment, then try again.`);
}
