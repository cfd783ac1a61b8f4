// Runs in: CLI, tests.
//
// The Prompt port on a terminal: a question mid-operation (an OTP the vault does not answer, a
// certificate to trust) is asked on stderr and read from stdin, so stdout stays clean for
// --json. Without a terminal nobody can answer, so every question is declined at once and the
// operation reports what it needed instead of waiting forever.
//
// Note (a declined certificate): a login whose certificate question is declined ends as
// cancelled (core/sessions/certificate-trust.ts), which says nothing of the fingerprint. The
// prompt remembers the fingerprint it declined, so `authdesk login` can name the command that
// trusts it (commands/sessions/login.ts reads it back with declinedCertificate).
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
const declined = new WeakMap<Prompt, string>();

/** The certificate fingerprint this prompt last declined to trust, if any. */
export function declinedCertificate(prompt: Prompt): string | null {
  return declined.get(prompt) ?? null;
}

export function terminalPrompt(io: CliIo): Prompt {
  const prompt: Prompt = {
    async askCode(context, signal) {
      const answer = await ask(io, `${context.subject}: ${context.message}\nCode (empty to cancel): `, signal);
      const code = answer?.trim() ?? '';
      return code === '' ? null : code;
    },
    async confirm(context, signal) {
      const detail = context.detail === undefined ? '' : `\n${context.detail}`;
      const answer = await ask(io, `${context.subject}: ${context.message}${detail}\nContinue? [y/N] `, signal);
      const yes = /^y(es)?$/i.test(answer?.trim() ?? '');
      if (!yes && context.detail !== undefined && FINGERPRINT.test(context.detail)) declined.set(prompt, context.detail);
      return yes;
    },
  };
  return prompt;
}
