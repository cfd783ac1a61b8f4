// Runs in: main, tests (and the e2e harness's server side).
//
// The Prompt port for a front end that answers asynchronously (the window): each question
// gets an id and goes to the listeners (main forwards it over the contract's prompts.onAsk
// event); the window answers with prompts.answer. A question whose operation is cancelled is
// withdrawn, so a stale dialog cannot answer the next login. The CLI asks on its terminal
// instead (electron/cli/terminal-prompt.ts).
import { randomUUID } from 'node:crypto';
import { AuthdeskError } from '../errors.ts';
import type { Prompt, PromptContext } from '../platform/ports.ts';

export type Question =
  | { readonly id: string; readonly kind: 'code'; readonly subject: string; readonly message: string; readonly digits: number | null }
  | { readonly id: string; readonly kind: 'confirm'; readonly subject: string; readonly message: string; readonly detail: string | null };

export type PromptEvent = { readonly type: 'ask'; readonly question: Question } | { readonly type: 'withdrawn'; readonly id: string };

type Pending = { readonly question: Question; readonly settle: (answer: string | boolean | null) => void };

export class PromptBroker implements Prompt {
  readonly #pending = new Map<string, Pending>();
  readonly #listeners = new Set<(event: PromptEvent) => void>();

  onEvent(listener: (event: PromptEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => void this.#listeners.delete(listener);
  }

  /** Questions still waiting, for a window that opens after they were asked. */
  pending(): Question[] {
    return [...this.#pending.values()].map((p) => p.question);
  }

  askCode(context: PromptContext & { readonly digits?: number }, signal: AbortSignal): Promise<string | null> {
    const question: Question = { id: randomUUID(), kind: 'code', subject: context.subject, message: context.message, digits: context.digits ?? null };
    return this.#ask(question, signal).then((answer) => (typeof answer === 'string' ? answer : null));
  }

  confirm(context: PromptContext & { readonly detail?: string }, signal: AbortSignal): Promise<boolean> {
    const question: Question = { id: randomUUID(), kind: 'confirm', subject: context.subject, message: context.message, detail: context.detail ?? null };
    return this.#ask(question, signal).then((answer) => answer === true);
  }

  /** The user's answer: text for a code (null declines), true or false for a confirmation. */
  answer(id: string, answer: string | boolean | null): void {
    const pending = this.#pending.get(id);
    if (pending === undefined) throw new AuthdeskError('NOT_FOUND', 'This question was already answered or withdrawn.');
    const fits = answer === null || (pending.question.kind === 'code' ? typeof answer === 'string' : typeof answer === 'boolean');
    if (!fits) throw new AuthdeskError('INVALID_INPUT', pending.question.kind === 'code' ? 'This question needs a code.' : 'This question needs a yes or no.');
    pending.settle(answer);
  }

  /** Withdraws every question (the vault locked, the app quits). */
  withdrawAll(): void {
    for (const { settle } of [...this.#pending.values()]) settle(null);
  }

  #ask(question: Question, signal: AbortSignal): Promise<string | boolean | null> {
    if (signal.aborted) return Promise.resolve(null);
    return new Promise((resolve) => {
      const settle = (answer: string | boolean | null) => {
        if (!this.#pending.delete(question.id)) return;
        signal.removeEventListener('abort', withdraw);
        if (answer === null) this.#emit({ type: 'withdrawn', id: question.id });
        resolve(answer);
      };
      const withdraw = () => settle(null);
      signal.addEventListener('abort', withdraw, { once: true });
      this.#pending.set(question.id, { question, settle });
      this.#emit({ type: 'ask', question });
    });
  }

  #emit(event: PromptEvent): void {
    for (const listener of this.#listeners) listener(event);
  }
}
