// Runs in: renderer.
//
// The questions main is waiting on (an OTP nothing in the vault answers, an SMS code, a
// certificate to trust), in the order they were asked: prompts.pending once, then
// prompts.onEvent. A question leaves the queue when it is answered here or withdrawn by main
// (its login was cancelled or ended), so a stale dialog never answers the next one.
import type { Question } from '../../../../electron/core/api/types.ts';
import { settle } from '../bridge.ts';

class PromptQueue {
  questions = $state.raw<readonly Question[]>([]);

  /** Lists the waiting questions, then follows main's events; returns the unsubscribe. */
  start(): () => void {
    const stop = window.authdesk.prompts.onEvent((event) => {
      if (event.type === 'ask') this.#add(event.question);
      else this.#drop(event.id);
    });
    void settle(() => window.authdesk.prompts.pending()).then((pending) => {
      if (pending.status === 'ready') for (const question of pending.value) this.#add(question);
    });
    return stop;
  }

  /**
   * The code typed, true or false for a confirmation, or null to decline. A refusal means main
   * had already withdrawn the question; the login it belonged to shows how it ended.
   */
  async answer(id: string, answer: string | boolean | null): Promise<void> {
    this.#drop(id);
    await settle(() => window.authdesk.prompts.answer({ id, answer }));
  }

  #add(question: Question): void {
    if (!this.questions.some((q) => q.id === question.id)) this.questions = [...this.questions, question];
  }

  #drop(id: string): void {
    this.questions = this.questions.filter((q) => q.id !== id);
  }
}

export const promptQueue = new PromptQueue();
