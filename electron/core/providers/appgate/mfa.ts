// Runs in: main, CLI, tests.
//
// The second factor of an Appgate admin login (CONTRACTS C.2 `/authentication/otp/initialize`,
// `/authentication/otp`): the four types the controller names, each answered through LoginSteps,
// ending in the token that carries the MFA flag.
//
// Note (codes): a refused code (401) is followed by another from steps.otp, at most
// MAX_CODES in all, sdpctl's limit; sessions/login-steps.ts decides where each comes from (the
// linked account's next time step once, then the person). A code whose answer was lost (timeout,
// cut connection) is never followed by another: the controller may have counted it.
//
// Note (userPassword): initialize carries the password, as sdpctl sends it, because some MFA
// configurations need it and the controller does not say which beforehand.

import { AuthdeskError } from '../../errors.ts';
import type { Profile } from '../../vault/model.ts';
import { PROVIDER_NAMES, type LoginSteps } from '../types.ts';
import { LoginAnswer, MfaAnswer, answer } from './answers.ts';
import { openConnection, type AppgateConnection } from './connection.ts';
import { refused, serverWords, unknownMfaType } from './errors.ts';

const MAX_CODES = 3;
/** What a Push sends as its OTP unless the controller wants the password (CONTRACTS C.2). */
const PUSH_DUMMY_OTP = 'push';
/** How long a Push waits when initialize names no timeout. */
const DEFAULT_PUSH_SECONDS = 60;
/** Added to the controller's Push timeout: "clients waiting shorter than this timeout will fail with a wrong error". */
const PUSH_GRACE_MS = 15_000;

export interface MfaContext {
  readonly connection: AppgateConnection;
  readonly profile: Profile;
  readonly steps: LoginSteps;
  readonly password: string;
  /** The partial token from /authentication. */
  readonly token: string;
  readonly signal: AbortSignal;
}

interface CodeAnswer {
  readonly otp: string;
  readonly state?: string;
}

/** Runs the second factor; resolves with the token that now carries the MFA flag. */
export async function completeMfa(context: MfaContext): Promise<string> {
  const first = await initialize(context);
  switch (first.type) {
    case 'AlreadySeeded':
      return answerCodes(context, async () => ({ otp: await context.steps.otp({ from: 'authenticator' }) }));
    case 'Secret':
      // The seed exists nowhere else: declined, there is no authenticator to read a code from.
      if (!(await context.steps.offerSeed({ otpauthUri: seedUri(first, context) }))) throw seedDeclined(context);
      return answerCodes(context, async () => ({ otp: await context.steps.otp({ from: 'authenticator' }) }));
    case 'Challenge':
      // A RADIUS state answers one response; a refused code needs a fresh challenge.
      return answerCodes(context, async (attempt) => {
        const challenge = attempt === 0 ? first : await initialize(context);
        const otp = await context.steps.otp({ from: 'service', ...(challenge.responseMessage ? { message: challenge.responseMessage } : {}) });
        return challenge.state === undefined ? { otp } : { otp, state: challenge.state };
      });
    case 'Push':
      return push(first, context);
    default:
      throw unknownMfaType(first.type, context.connection.service);
  }
}

async function initialize({ connection, token, password, signal }: MfaContext): Promise<MfaAnswer> {
  const response = await connection.send({ method: 'POST', path: '/authentication/otp/initialize', token, json: { userPassword: password } }, signal);
  if (response.status !== 200) throw refused(response, connection.service, 'mfa');
  return answer(response, MfaAnswer, connection.service);
}

async function answerCodes(context: MfaContext, next: (attempt: number) => Promise<CodeAnswer>): Promise<string> {
  const { connection, token, signal } = context;
  for (let attempt = 0; ; attempt += 1) {
    const code = await next(attempt);
    const response = await connection.send({ method: 'POST', path: '/authentication/otp', token, json: code }, signal);
    if (response.status === 200) return answer(response, LoginAnswer, connection.service).token;
    if (response.status !== 401) throw refused(response, connection.service, 'code');
    if (attempt + 1 >= MAX_CODES) {
      throw new AuthdeskError(
        'PROVIDER_AUTH_FAILED',
        `${connection.service} refused ${MAX_CODES} codes in a row. Check that the authenticator account linked to this profile is the one enrolled for ${context.profile.username}, and that this computer's clock is right; then log in again.`,
      );
    }
  }
}

/**
 * Push: the OTP call itself waits while the controller asks the person's device, so it goes
 * over a connection whose timeout outlasts the controller's.
 */
async function push(init: MfaAnswer, context: MfaContext): Promise<string> {
  const seconds = init.timeout ?? DEFAULT_PUSH_SECONDS;
  const waiting = openConnection(context.profile, seconds * 1000 + PUSH_GRACE_MS);
  const service = context.connection.service;
  const otp = init.sendPassword ? context.password : PUSH_DUMMY_OTP;
  try {
    const pending = waiting.send({ method: 'POST', path: '/authentication/otp', token: context.token, json: { otp } }, context.signal);
    const message = init.responseMessage ?? `Approve the sign-in to ${service} on your device.`;
    const response = await context.steps.approval({ message, until: Date.now() + seconds * 1000 }, pending);
    if (response.status === 200) return answer(response, LoginAnswer, service).token;
    if (response.status !== 401) throw refused(response, service, 'code');
    throw new AuthdeskError('PROVIDER_AUTH_FAILED', `${service} did not get an approval from your device${serverWords(response)}. Log in again to send a new request.`);
  } finally {
    await waiting.close();
  }
}

/** The otpauth URI of a seed the controller issued (`Secret`): its own, or one built from the secret. */
function seedUri(init: MfaAnswer, { connection, profile }: MfaContext): string {
  if (init.otpAuthUrl?.startsWith('otpauth://')) return init.otpAuthUrl;
  if (!init.secret) throw new AuthdeskError('PROVIDER_ERROR', `${connection.service} started authenticator enrolment but sent no secret. Finish the enrolment in the Appgate admin UI, then log in again.`);
  const label = encodeURIComponent(`${PROVIDER_NAMES.appgate}:${profile.username}`);
  return `otpauth://totp/${label}?secret=${encodeURIComponent(init.secret)}&issuer=${encodeURIComponent(PROVIDER_NAMES.appgate)}`;
}

function seedDeclined({ connection, profile }: MfaContext): AuthdeskError {
  return new AuthdeskError(
    'PROVIDER_ERROR',
    `${connection.service} issued a new authenticator secret for ${profile.username}, and Authdesk did not keep it, so no app can give its code. Log in again and keep it, or enrol the authenticator in the Appgate admin UI.`,
  );
}
