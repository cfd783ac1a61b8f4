// Runs in: main, CLI, tests.
//
// The LoginSteps one login hands its provider: secrets come from the vault's sources,
// questions go to the person through Prompt, and each step reports the state the person sees.
//
// Note (OTP answers): the linked account answers at most twice per login: the current code,
// then after a refusal the next time step's (app/linked-otp.ts times both), and never repeats
// a code the service just refused (a TOTP code repeats within its period). A second refusal
// means the account or the clock is wrong, and guessing on would spend the service's
// attempts (TrueNAS allows four, then AUTH_ERR), so from then on, or with no linked
// account, the person is asked. Change the tests in test/unit/sessions/otp.test.ts with it.

import { AuthdeskError } from '../errors.ts';
import type { Prompt } from '../platform/ports.ts';
import { PROVIDER_NAMES } from '../providers/index.ts';
import type { LoginCredential, LoginSteps, OtpRequest } from '../providers/index.ts';
import type { Profile } from '../vault/model.ts';
import { loginCancelled, untilAborted } from './cancellation.ts';
import type { CredentialSource, OtpSource, SeedStore, SessionState } from './types.ts';

const LINKED_ACCOUNT_ANSWERS = 2;

export interface LoginStepsContext {
  readonly profile: Profile;
  readonly signal: AbortSignal;
  readonly otp: OtpSource;
  readonly credentials: CredentialSource;
  /** Where an offered seed is kept; without one, offers are declined without asking. */
  readonly seeds: SeedStore | null;
  readonly prompt: Prompt;
  /** Shows a state of this login to the person. */
  readonly report: (state: SessionState) => void;
  /** Every secret handed to the provider goes in here, so no message can repeat one. */
  readonly secrets: Set<string>;
}

export function createLoginSteps(context: LoginStepsContext): LoginSteps {
  const { profile, signal, secrets } = context;
  const subject = `${PROVIDER_NAMES[profile.provider]} (${profile.name})`;
  let attempts = 0;
  let linkedAnswers = 0;
  let lastCode: string | null = null;

  const fromLinkedAccount = async (request: OtpRequest): Promise<string | null> => {
    if (request.from !== 'authenticator' || linkedAnswers >= LINKED_ACCOUNT_ANSWERS) return null;
    const moment = linkedAnswers === 0 ? 'current' : 'next';
    const code = await untilAborted(() => context.otp.code(profile, signal, moment), signal);
    if (code === null || code === lastCode) return null;
    linkedAnswers += 1;
    return code;
  };

  const fromPerson = async (request: OtpRequest): Promise<string> => {
    const message = request.message ?? otpQuestion(request, attempts > 1, PROVIDER_NAMES[profile.provider]);
    const typed = await untilAborted(() => context.prompt.askCode({ subject, message, ...(request.digits === undefined ? {} : { digits: request.digits }) }, signal), signal);
    const code = typed?.replace(/\s+/g, '') ?? '';
    if (code === '') throw loginCancelled();
    return code;
  };

  return {
    async credential(): Promise<LoginCredential> {
      const credential = await untilAborted(() => context.credentials.credential(profile, signal), signal);
      if (!credential) throw new AuthdeskError('CREDENTIAL_MISSING', `No password or API key is saved for ${profile.name}. Add one to the profile, then log in again.`);
      secrets.add(credential.secret);
      return credential;
    },

    async otp(request) {
      attempts += 1;
      context.report({ state: 'awaiting-otp', attempt: attempts });
      const code = (await fromLinkedAccount(request)) ?? (await fromPerson(request));
      lastCode = code;
      secrets.add(code);
      context.report({ state: 'logging-in' });
      return code;
    },

    async offerSeed({ otpauthUri }) {
      if (!context.seeds) return false;
      secrets.add(otpauthUri);
      const keep = await untilAborted(
        () => context.prompt.confirm({ subject, message: `${PROVIDER_NAMES[profile.provider]} issued a new authenticator secret for ${profile.username}. Keep it in Authdesk as an account linked to this profile, so Authdesk answers future codes itself?` }, signal),
        signal,
      );
      if (!keep) return false;
      await untilAborted(() => context.seeds!.store(profile, otpauthUri, signal), signal);
      // A fresh seed gets its own two automatic answers.
      linkedAnswers = 0;
      lastCode = null;
      return true;
    },

    async approval(notice, pending) {
      context.report({ state: 'awaiting-approval', message: notice.message, until: notice.until });
      const result = await untilAborted(() => pending, signal);
      context.report({ state: 'logging-in' });
      return result;
    },
  };
}

function otpQuestion(request: OtpRequest, refused: boolean, service: string): string {
  if (request.from === 'service') return refused ? `That code was not accepted. Type the newest code ${service} sent you.` : `Type the code ${service} sent you to finish logging in.`;
  return refused ? 'That code was not accepted. Type the current code from your authenticator app.' : 'Type the current code from your authenticator app to finish logging in.';
}
