// Runs in: main, CLI, tests.
//
// What each status the Appgate admin API documents (CONTRACTS C.2, C.3) tells the person. The
// controller's own words (`reason`, `message`, the fields of a 422) are quoted when present:
// they name the problem better than a status does and carry no secret of ours.

import * as v from 'valibot';
import { AuthdeskError } from '../../errors.ts';
import type { HttpResponse } from '../net/index.ts';
import { bodyOrNull } from './answers.ts';

/** Which call was refused: the same status means different things at each. */
export type Step = 'sign-in' | 'mfa' | 'code' | 'authorization' | 'logout';

const ErrorAnswer = v.object({
  message: v.optional(v.string()),
  reason: v.optional(v.string()),
  errors: v.optional(v.array(v.object({ field: v.string(), message: v.optional(v.string()) }))),
});
type ErrorAnswer = v.InferOutput<typeof ErrorAnswer>;

/** The longest piece of the controller's text quoted in a message. */
const MAX_QUOTE = 200;

export function refused(response: HttpResponse, service: string, step: Step): AuthdeskError {
  const answer = errorAnswer(response);
  const said = wordsOf(answer);
  switch (response.status) {
    case 400:
      return new AuthdeskError('PROVIDER_ERROR', `${service} refused the request as malformed${said}. Nothing was accepted; if this persists, the controller may be newer than this Authdesk.`);
    case 401:
      return unauthorized(step, service, said);
    case 403:
      return new AuthdeskError('PROVIDER_ERROR', `${service} accepted the sign-in but refused administration${said}. Ask an Appgate administrator to give this user an administrative role, or use another account.`);
    case 406:
      return new AuthdeskError('PROVIDER_UNSUPPORTED', `${service} refused every admin API version this Authdesk speaks${said}. Update Authdesk or the controller.`);
    case 422:
      return invalid(answer, service);
    case 500:
      return new AuthdeskError('PROVIDER_UNAVAILABLE', `${service} had an internal error${said}. Try again in a few minutes; if it persists, check the controller's logs.`);
    case 502:
    case 503:
    case 504:
      return new AuthdeskError('PROVIDER_UNAVAILABLE', `${service} is unavailable (HTTP ${response.status}), perhaps restarting or under maintenance. Try again in a few minutes.`);
    default:
      return new AuthdeskError('PROVIDER_ERROR', `${service} answered with HTTP ${response.status}${said}, which Authdesk did not expect at this step.`);
  }
}

/** An MFA type the contract does not list (CONTRACTS C.2): a newer controller's, named for the person. */
export function unknownMfaType(type: string, service: string): AuthdeskError {
  return new AuthdeskError(
    'PROVIDER_UNSUPPORTED',
    `${service} asked for a kind of two-factor authentication this Authdesk does not know ("${type.slice(0, 40)}"). Update Authdesk, or log in with the Appgate admin UI.`,
  );
}

/** The controller's own words about a refusal, quoted for a message (": \"…\""), or ''. */
export function serverWords(response: HttpResponse): string {
  return wordsOf(errorAnswer(response));
}

function wordsOf(answer: ErrorAnswer): string {
  return quote(answer.reason ?? answer.message);
}

function unauthorized(step: Step, service: string, said: string): AuthdeskError {
  switch (step) {
    case 'sign-in':
      return new AuthdeskError('PROVIDER_AUTH_FAILED', `${service} refused the sign-in${said}. Check the profile's username, saved password and identity provider, then log in again.`);
    case 'code':
      return new AuthdeskError('PROVIDER_AUTH_FAILED', `${service} did not accept the code${said}.`);
    default:
      // TokenError: the partial token from step 1 expired or was revoked.
      return new AuthdeskError('PROVIDER_ERROR', `${service} ended the sign-in before it finished${said}. Log in again.`);
  }
}

function invalid(answer: ErrorAnswer, service: string): AuthdeskError {
  const fields = answer.errors ?? [];
  const list = fields.map((e) => (e.message ? `${e.field} ${e.message}` : e.field)).join('; ');
  const first = fields[0]?.field;
  return new AuthdeskError(
    'PROVIDER_ERROR',
    `${service} refused the request${quote(list || answer.message)}. Check the profile's settings; if they look right, the controller may be newer than this Authdesk.`,
    first === undefined ? undefined : { details: { field: first.slice(0, 80) } },
  );
}

function errorAnswer(response: HttpResponse): ErrorAnswer {
  const parsed = v.safeParse(ErrorAnswer, bodyOrNull(response));
  return parsed.success ? parsed.output : {};
}

function quote(text: string | undefined): string {
  // The sentence goes on after the quote, so the controller's own full stop is dropped.
  const clean = text?.replace(/[\p{Cc}\p{Cf}]+/gu, ' ').trim().replace(/\.$/, '');
  if (!clean) return '';
  return `: "${clean.length > MAX_QUOTE ? `${clean.slice(0, MAX_QUOTE)}…` : clean}"`;
}
