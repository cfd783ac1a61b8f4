// Runs in: tests. The one fake Prompt: scripted answers, then questions that wait for the test.
import type { Prompt, PromptContext } from '../../electron/core/platform/ports.ts';

export type CodeQuestion = PromptContext & { readonly digits?: number };

export class FakePrompt implements Prompt {
  /** Every code question, in order. */
  readonly asked: CodeQuestion[] = [];
  /** Every yes/no question, in order. */
  readonly decided: (PromptContext & { readonly detail?: string })[] = [];
  /** The answers to yes/no questions, in order; once they run out, every one is declined. */
  readonly decisions: boolean[] = [];
  /** What each code question settled with, in order: a code, or null (declined or aborted). */
  readonly settled: (string | null)[] = [];
  readonly #answers: (string | null)[];

  /** Answers code questions in order (null declines); once they run out, a question waits until its signal aborts. */
  constructor(answers: readonly (string | null)[] = []) {
    this.#answers = [...answers];
  }

  askCode(context: CodeQuestion, signal: AbortSignal): Promise<string | null> {
    this.asked.push(context);
    const answer = new Promise<string | null>((resolve) => {
      if (this.#answers.length > 0) resolve(this.#answers.shift() ?? null);
      else if (signal.aborted) resolve(null);
      else signal.addEventListener('abort', () => resolve(null), { once: true });
    });
    return answer.then((code) => {
      this.settled.push(code);
      return code;
    });
  }

  async confirm(context: PromptContext & { readonly detail?: string }): Promise<boolean> {
    this.decided.push(context);
    return this.decisions.shift() ?? false;
  }
}
