// Runs in: main, CLI, tests.
//
// Weavr step-up (CONTRACTS B.3, B.4): an SMS code typed by the person, or a push approved on
// their device. Both end with a fresh /access_token that must say STEPPED_UP (identities.ts).
//
// Note (learning a push outcome): Weavr publishes no polling endpoint; the outcome goes to a
// webhook, which a desktop app cannot receive. When the profile names Authdesk's approvals
// service (APPROVALS_OPTION, the relay of docs/device-approvals.md that answers
// GET /requests/weavr/<challenge id>), the wait follows it, and so learns DECLINED and
// EXPIRED and shows the number to pick on the device. Without it, the documented fallback:
// repeat POST /access_token until STEPPED_UP, and call the push expired after its 5 minutes.

import { setTimeout as delay } from 'node:timers/promises';
import { AuthdeskError } from '../../errors.ts';
import type { Profile } from '../../vault/model.ts';
import { createHttpClient, PIN_OPTION } from '../net/index.ts';
import type { LoginResult, LoginSteps } from '../types.ts';
import type { WeavrClient } from './client.ts';
import { readErrorBody, unexpectedAnswer, weavrFailure } from './errors.ts';
import { exchange } from './identities.ts';
import type { WeavrSession } from './session-token.ts';

/** The Profile.options key naming Authdesk's approvals service (its /approvals/v1 base URL). */
export const APPROVALS_OPTION = 'approvalsUrl';
/** Wrong codes before Weavr uses a challenge up (ONE_CHALLENGE_LIMIT_REMAINING comes before the last). */
const SMS_ATTEMPTS = 3;
const MAX_SLIPS = 3;
/** A push challenge lives 5 minutes (CONTRACTS B.3, docs/device-approvals.md §5). */
const PUSH_LIFETIME_MS = 5 * 60_000;
const PUSH_CHANNEL = 'AUTHY';

const ASK_AGAIN: Readonly<Record<string, string>> = {
  VERIFICATION_CODE_INVALID: 'That code was not right. Check the SMS and type it again.',
  ONE_CHALLENGE_LIMIT_REMAINING: 'That code was not right either. One try is left before the code is used up.',
};

export async function smsStepUp(client: WeavrClient, session: WeavrSession, steps: LoginSteps): Promise<LoginResult> {
  await client.send({ method: 'POST', path: '/stepup/challenges/otp/SMS', call: 'stepup', ok: [204], bearer: session.access });
  let message: string | undefined;
  let sent = 0;
  // Typing slips (not 6 digits) are asked again without spending one of the service's tries.
  for (let asked = 0; asked < SMS_ATTEMPTS + MAX_SLIPS; asked += 1) {
    const code = (await steps.otp({ from: 'service', digits: 6, ...(message ? { message } : {}) })).trim();
    if (!/^[0-9]{6}$/.test(code)) {
      message = 'A Weavr SMS code is 6 digits; that was not sent. Type the code from the SMS.';
      continue;
    }
    // Each code goes out once: a timeout here fails the step-up rather than spend a try again.
    sent += 1;
    const response = await client.send({ method: 'POST', path: '/stepup/challenges/otp/SMS/verify', call: 'stepup', ok: [204, 409], bearer: session.access, json: { verificationCode: code } });
    const errorCode = response.status === 409 ? readErrorBody(response).errorCode : undefined;
    if (response.status === 204 || errorCode === 'ALREADY_VERIFIED') return steppedUp(client, session);
    message = errorCode ? ASK_AGAIN[errorCode] : undefined;
    if (errorCode === 'CHALLENGE_LIMIT_EXCEEDED' || (message && sent === SMS_ATTEMPTS)) throw codesUsedUp(client.service);
    if (!message) throw weavrFailure(response, 'stepup', client.service, client.now());
  }
  throw new AuthdeskError('INVALID_INPUT', `No 6-digit code was given, so nothing more was sent to ${client.service}. Step up again.`);
}

export interface PushOptions {
  readonly profile: Profile;
  readonly pollMs: number;
  readonly timeoutMs: number | undefined;
  readonly signal: AbortSignal;
}

export async function pushStepUp(client: WeavrClient, session: WeavrSession, steps: LoginSteps, options: PushOptions): Promise<LoginResult> {
  // The wait stops when the approval step settles, whichever way: a person who cancelled is not polled for.
  const stop = new AbortController();
  const signal = AbortSignal.any([options.signal, stop.signal]);
  // Opened first, so a bad approvals address is reported before a push reaches the person's phone.
  const relay = openRelay(options, signal);
  try {
    const response = await client.send({ method: 'POST', path: `/stepup/challenges/push/${PUSH_CHANNEL}`, call: 'stepup', ok: [200], bearer: session.access });
    const id = (response.json() as { id?: unknown } | null)?.id;
    if (typeof id !== 'string' || !/^[0-9]{1,32}$/.test(id)) throw unexpectedAnswer(client.service);
    const first = relay ? await relay.status(id) : null;
    const until = first?.expiresAt ?? client.now() + PUSH_LIFETIME_MS;
    const pick = first?.number === undefined ? '' : ` and pick ${first.number}`;
    const notice = { message: `Approve the Weavr step-up for ${session.identity.name} on your phone${pick}.`, until };
    const pending = waitForPush(client, session, relay && (() => relay.status(id)), until, signal, options.pollMs);
    // When the step settles first (cancelled), the wait's own ending is nobody's news.
    pending.catch(() => undefined);
    return await steps.approval(notice, pending);
  } finally {
    stop.abort();
    await relay?.close();
  }
}

/** `relayStatus` asks Authdesk's approvals service, when the profile names one. */
async function waitForPush(client: WeavrClient, session: WeavrSession, relayStatus: (() => Promise<RelayStatus>) | null, until: number, signal: AbortSignal, pollMs: number): Promise<LoginResult> {
  const relay = relayStatus !== null;
  for (;;) {
    const status = relayStatus ? (await relayStatus()).status : 'UNKNOWN';
    if (status === 'DENIED' || status === 'REPORTED') throw new AuthdeskError('PROVIDER_AUTH_FAILED', `The step-up was declined on the device, so the ${client.service} session was not stepped up.`);
    if (status === 'EXPIRED') throw pushExpired(client.service);
    if (!relay || status === 'APPROVED') {
      const exchanged = await exchange(client, session.auth, session.identity, session.identities);
      if (exchanged.steppedUp) return exchanged.result;
      if (relay) throw notSteppedUp(client.service);
    }
    if (client.now() >= until) throw pushExpired(client.service);
    await delay(pollMs, undefined, { signal }).catch(() => {
      throw signal.reason;
    });
  }
}

interface RelayStatus {
  readonly status: string;
  readonly number?: number;
  readonly expiresAt?: number;
}

interface Relay {
  status(challengeId: string): Promise<RelayStatus>;
  close(): Promise<void>;
}

function openRelay(options: PushOptions, signal: AbortSignal): Relay | null {
  const base = options.profile.options[APPROVALS_OPTION];
  if (!base) return null;
  const service = 'Authdesk approvals';
  if (!URL.canParse(base)) throw new AuthdeskError('INVALID_INPUT', `The profile's approvals address is not a web address. Correct it, or remove it to wait on Weavr alone.`, { details: { field: `options.${APPROVALS_OPTION}` } });
  // The profile's pin is for the Weavr host; the relay gets it only when it is that same host.
  const sameHost = new URL(base).origin === new URL(options.profile.baseUrl).origin;
  const http = createHttpClient({
    baseUrl: base, pin: sameHost ? (options.profile.options[PIN_OPTION] ?? null) : null, service,
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
  });
  return {
    close: () => http.close(),
    async status(challengeId) {
      const response = await http.request({ method: 'GET', path: `/requests/weavr/${challengeId}`, signal, retry: true });
      const body = response.json() as Partial<RelayStatus> | null;
      if (response.status !== 200 || typeof body?.status !== 'string') {
        throw new AuthdeskError('PROVIDER_ERROR', `${service} does not know this Weavr step-up (status ${response.status}). Check the approvals address in the profile.`);
      }
      return {
        status: body.status,
        ...(typeof body.number === 'number' ? { number: body.number } : {}),
        ...(typeof body.expiresAt === 'number' ? { expiresAt: body.expiresAt } : {}),
      };
    },
  };
}

async function steppedUp(client: WeavrClient, session: WeavrSession): Promise<LoginResult> {
  const exchanged = await exchange(client, session.auth, session.identity, session.identities);
  if (!exchanged.steppedUp) throw notSteppedUp(client.service);
  return exchanged.result;
}

function codesUsedUp(service: string): AuthdeskError {
  return new AuthdeskError('PROVIDER_AUTH_FAILED', `Three wrong codes used up the SMS code from ${service}. Step up again for a new one.`);
}

function pushExpired(service: string): AuthdeskError {
  return new AuthdeskError('PROVIDER_AUTH_FAILED', `No one approved the ${service} step-up within 5 minutes, so it expired. Step up again when your phone is at hand.`);
}

function notSteppedUp(service: string): AuthdeskError {
  return new AuthdeskError('PROVIDER_ERROR', `${service} accepted the step-up but still reports the session as standard. Try the step-up again.`);
}
