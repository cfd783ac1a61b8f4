// Runs in: main, CLI, tests.
//
// Every status Weavr Multi documents for the calls Authdesk makes (CONTRACTS B.3) as an
// AuthdeskError with words a person can act on. Bodies are read only for their documented,
// non-secret fields (errorCode, message, invalid field names); a body is never quoted whole.

import { AuthdeskError } from '../../errors.ts';
import type { HttpResponse } from '../net/index.ts';

/** Which call failed: the same status means different things at login and on a live session. */
export type WeavrCall = 'login' | 'identities' | 'access' | 'stepup' | 'logout';

export const LOCKOUT_MS = 30 * 60_000;

/** The error for a response outside the call's documented successes. */
export function weavrFailure(response: HttpResponse, call: WeavrCall, service: string, now: number): AuthdeskError {
  const body = readErrorBody(response);
  switch (response.status) {
    case 400:
      return new AuthdeskError('PROVIDER_ERROR', `${service} refused the request as malformed${body.fields ? ` (${body.fields})` : ''}. Check the profile's email and settings; if they look right, Authdesk may need an update.`);
    case 401:
      return call === 'login'
        ? new AuthdeskError('PROVIDER_AUTH_FAILED', `${service} did not accept the profile's programme key. Check the key in the profile (Weavr calls it the api-key).`)
        : sessionEnded(service);
    case 403:
      return forbidden(call, body, service);
    case 404:
      if (body.errorCode === 'TOKEN_EXPIRED' || body.errorCode === 'TOKEN_NOT_FOUND') return sessionEnded(service);
      return new AuthdeskError('PROVIDER_ERROR', `${service} answered "not found"${body.message ? `: ${body.message}` : ''}. Check the profile's address.`);
    case 409:
      return conflict(call, body, service, now);
    case 410:
      return new AuthdeskError('PROVIDER_ERROR', `${service} says this login is no longer available${body.errorCode ? ` (${body.errorCode})` : ''}. Check the account in Weavr.`);
    case 423: {
      const retryAt = now + LOCKOUT_MS;
      return new AuthdeskError('PROVIDER_LOCKED', `${service} locked the account for 30 minutes after repeated wrong passwords. Try again after ${clockTime(retryAt)}, with the right password.`, { details: { retryAt } });
    }
    case 429:
      return rateLimited(service, response, now);
    case 500:
      return new AuthdeskError('PROVIDER_UNAVAILABLE', `${service} had an internal error. Try again in a few minutes.`);
    case 503:
      return new AuthdeskError('PROVIDER_UNAVAILABLE', `${service} is unavailable right now (maintenance or overload). Try again in a few minutes.`);
    default:
      return new AuthdeskError('PROVIDER_ERROR', `${service} answered with an unexpected status (${response.status})${body.message ? `: ${body.message}` : ''}.`);
  }
}

/** A 401 (or 404 TOKEN_EXPIRED) on a live session: 5 idle minutes passed, or it was logged out elsewhere. */
export function sessionEnded(service: string): AuthdeskError {
  return new AuthdeskError('PROVIDER_AUTH_FAILED', `The ${service} session has ended (5 minutes without activity, or it was logged out). Log in again.`);
}

/** A success whose body lacks what the contract promises: a different or newer server. */
export function unexpectedAnswer(service: string): AuthdeskError {
  return new AuthdeskError('PROVIDER_UNSUPPORTED', `${service} answered in a form Authdesk does not know; it may be a newer version of the API. Update Authdesk, or tell its developers.`);
}

/** Refuses locally while a 429's reset has not passed, so nothing is sent to a service that asked us to wait. */
export function stillRateLimited(service: string, retryAt: number, now: number): AuthdeskError {
  return new AuthdeskError('PROVIDER_RATE_LIMITED', `${service} asked Authdesk to slow down; nothing was sent. ${waitWords(retryAt - now)}`, { details: { retryAt } });
}

function rateLimited(service: string, response: HttpResponse, now: number): AuthdeskError {
  const seconds = Number(response.headers.get('x-ratelimit-reset'));
  // Without a readable reset, the shortest window Weavr documents (w=60) is the safe guess.
  const retryAt = now + (Number.isFinite(seconds) && seconds > 0 ? seconds : 60) * 1000;
  return new AuthdeskError('PROVIDER_RATE_LIMITED', `${service} received too many requests from this computer. ${waitWords(retryAt - now)}`, { details: { retryAt } });
}

function waitWords(ms: number): string {
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  return `Wait ${minutes} minute${minutes === 1 ? '' : 's'}, then try again.`;
}

function forbidden(call: WeavrCall, body: ErrorBody, service: string): AuthdeskError {
  if (call === 'login') return new AuthdeskError('PROVIDER_AUTH_FAILED', `${service} did not accept the email and password. Check them in the profile; repeated wrong passwords lock the account for 30 minutes.`);
  if (body.errorCode === 'STEP_UP_REQUIRED' || body.message === 'STEP_UP_REQUIRED') return new AuthdeskError('PROVIDER_AUTH_FAILED', `${service} wants a step-up first. Step up by SMS or push, then try again.`);
  if (call === 'access') return new AuthdeskError('PROVIDER_AUTH_FAILED', `${service} refused that identity for this login. Choose one of the identities it lists.`);
  return new AuthdeskError('PROVIDER_AUTH_FAILED', `${service} refused this action for the current identity${body.errorCode ? ` (${body.errorCode})` : ''}. Switch identity or log in again.`);
}

// The 409 codes of the step-up and identity calls (CONTRACTS B.3); the verify codes that only
// mean "ask the person again" are handled in stepup.ts before this is reached.
const CONFLICTS: Readonly<Record<string, (service: string) => AuthdeskError>> = {
  CHANNEL_NOT_REGISTERED: (s) => new AuthdeskError('PROVIDER_ERROR', `No step-up device (phone number or Authy app) is registered for this account at ${s}. Register one in Weavr first.`),
  CHANNEL_NOT_SUPPORTED: (s) => new AuthdeskError('PROVIDER_UNSUPPORTED', `${s} does not offer that kind of step-up for this account.`),
  MOBILE_NUMBER_INVALID: (s) => new AuthdeskError('PROVIDER_ERROR', `${s} cannot send an SMS: the account's mobile number is not valid. Correct it in Weavr.`),
  MOBILE_COUNTRY_NOT_SUPPORTED: (s) => new AuthdeskError('PROVIDER_ERROR', `${s} cannot send an SMS to the account's mobile number in that country.`),
  CHALLENGE_LIMIT_EXCEEDED: (s) => new AuthdeskError('PROVIDER_RATE_LIMITED', `${s} refused: too many step-up attempts for this session. Log out and in again, then step up.`),
  STATE_INVALID: (s) => new AuthdeskError('PROVIDER_ERROR', `${s} says a step-up is already waiting, or there is no code to check. Wait for it to end (5 minutes at most), then try again.`),
  VERIFICATION_CODE_EXPIRED: (s) => new AuthdeskError('PROVIDER_AUTH_FAILED', `The SMS code from ${s} expired (codes last 5 minutes). Step up again for a new code.`),
  IDENTITY_TYPE_NOT_SUPPORTED: (s) => new AuthdeskError('PROVIDER_UNSUPPORTED', `${s} does not list identities for this kind of account.`),
};

function conflict(call: WeavrCall, body: ErrorBody, service: string, now: number): AuthdeskError {
  if (call === 'login') return new AuthdeskError('PROVIDER_PASSWORD_EXPIRED', `The ${service} password has expired. Change it in Weavr, then save the new one in this profile.`);
  if (body.errorCode === 'RETRY_IN_15SEC') {
    const retryAt = now + 15_000;
    return new AuthdeskError('PROVIDER_RATE_LIMITED', `${service} sent an SMS code moments ago. Wait 15 seconds before asking for another.`, { details: { retryAt } });
  }
  const known = body.errorCode ? CONFLICTS[body.errorCode] : undefined;
  if (known) return known(service);
  return new AuthdeskError('PROVIDER_ERROR', `${service} refused the request${body.errorCode ? ` (${body.errorCode})` : ''}.`);
}

interface ErrorBody {
  readonly errorCode?: string;
  readonly message?: string;
  /** "email: REQUIRED, password.value: SIZE": the 400's field names and rules, never their values. */
  readonly fields?: string;
}

const WORD = /^[A-Z0-9_]{1,64}$/;

/** The documented error fields, each checked to be the short token or sentence it should be. */
export function readErrorBody(response: HttpResponse): ErrorBody {
  let parsed: unknown;
  try {
    parsed = response.json();
  } catch {
    return {};
  }
  if (typeof parsed !== 'object' || parsed === null) return {};
  const raw = parsed as { errorCode?: unknown; message?: unknown; syntaxErrors?: { invalidFields?: unknown } };
  const out: { errorCode?: string; message?: string; fields?: string } = {};
  if (typeof raw.errorCode === 'string' && WORD.test(raw.errorCode)) out.errorCode = raw.errorCode;
  if (typeof raw.message === 'string' && raw.message.length <= 255) out.message = raw.message;
  const invalid = raw.syntaxErrors?.invalidFields;
  if (Array.isArray(invalid)) {
    const fields = invalid
      .filter((f): f is { fieldName: string; error: string } => typeof f?.fieldName === 'string' && typeof f?.error === 'string')
      .slice(0, 5)
      .map((f) => `${f.fieldName.slice(0, 64)}: ${WORD.test(f.error) ? f.error : 'invalid'}`);
    if (fields.length > 0) out.fields = fields.join(', ');
  }
  return out;
}

function clockTime(ms: number): string {
  return new Date(ms).toISOString().slice(11, 16) + ' UTC';
}
