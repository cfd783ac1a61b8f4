// Runs in: CLI, tests.
//
// The Prompt port on a terminal: a question mid-operation (an OTP the vault does not answer, a
// certificate to trust) is asked on stderr and read from stdin, so stdout stays clean for
// --json. Without a terminal nobody can answer, so every question is declined at once and the
// operation reports what it needed instead of waiting forever.
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

export function terminalPrompt(io: CliIo): Prompt {
  return {
    async askCode(context, signal) {
      const answer = await ask(io, `${context.subject}: ${context.message}\nCode (empty to cancel): `, signal);
      const code = answer?.trim() ?? '';
      return code === '' ? null : code;
    },
    async confirm(context, signal) {
      const detail = context.detail === undefined ? '' : `\n${context.detail}`;
      const answer = await ask(io, `${context.subject}: ${context.message}${detail}\nContinue? [y/N] `, signal);
      return /^y(es)?$/i.test(answer?.trim() ?? '');
    },
  };
}
