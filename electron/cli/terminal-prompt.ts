// Runs in: CLI, tests.
//
// The Prompt port on a terminal: a question mid-operation (an OTP the vault does not answer, a
// certificate to trust) is asked on stderr and read from stdin, so stdout stays clean for
// --json. Without a terminal nobody can answer, so every question is declined at once and the
// operation reports what it needed instead of waiting forever.
//
// Note (declined questions): a login whose certificate question is declined ends as cancelled
// (core/sessions/certificate-trust.ts), which says nothing of the fingerprint, and a step-up
// whose code is declined keeps the session as it was (core/sessions/session-manager.ts), which
// looks like success. The prompt remembers what it declined, so `authdesk login` can name the
// command that trusts the certificate and `authdesk stepup` can say it did not step up
// (commands/sessions/login.ts and stepup.ts read it back with declinedQuestions).
import { createInterface } from 'node:readline/promises';
import type { Prompt } from '../core/platform/ports.ts';
import type { CliIo } from './io.ts';

async function ask(io: CliIo, text: string, signal: AbortSignal): Promise<string | null> {
  if (!io.stdin.isTTY || signal.aborted) return null;
  const lines = createInterface({ input: io.stdin, output: io.stderr, terminal: true });
  try {
    return await lines.question(text, { signal });
  } catch {
    // Aborted, or Ctrl+C/Ctrl+D: the question is declined.
    return null;
  } finally {
    lines.close();
  }
}

// The shape of the fingerprint a certificate question carries as its detail.
const FINGERPRINT = /^(?:[0-9A-F]{2}:){31}[0-9A-F]{2}$/;

export interface DeclinedQuestions {
  /** The fingerprint of the certificate last declined, if any. */
  certificate: string | null;
  /** Whether a code was asked for and none given. */
  code: boolean;
}

const declined = new WeakMap<Prompt, DeclinedQuestions>();

/** What this prompt declined so far (nothing for a prompt not made here). */
export function declinedQuestions(prompt: Prompt): Readonly<DeclinedQuestions> {
  return declined.get(prompt) ?? { certificate: null, code: false };
}

export function terminalPrompt(io: CliIo): Prompt {
  const record: DeclinedQuestions = { certificate: null, code: false };
  const prompt: Prompt = {
    async askCode(context, signal) {
      const answer = await ask(io, `${context.subject}: ${context.message}\nCode (empty to cancel): `, signal);
      const code = answer?.trim() ?? '';
      if (code === '') record.code = true;
      return code === '' ? null : code;
    },
    async confirm(context, signal) {
      const detail = context.detail === undefined ? '' : `\n${context.detail}`;
      const answer = await ask(io, `${context.subject}: ${context.message}${detail}\nContinue? [y/N] `, signal);
      const yes = /^y(es)?$/i.test(answer?.trim() ?? '');
      if (!yes && context.detail !== undefined && FINGERPRINT.test(context.detail)) record.certificate = context.detail;
      return yes;
    },
  };
  declined.set(prompt, record);
  return prompt;
}
