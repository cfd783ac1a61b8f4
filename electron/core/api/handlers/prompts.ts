// Runs in: main, tests. The `prompts` namespace's handlers.
import type { PromptBroker } from '../../app/prompts.ts';
import type { Contract } from '../contract/index.ts';
import type { Handlers } from '../spec.ts';

export function promptsHandlers(prompts: PromptBroker): Handlers<Contract>['prompts'] {
  return {
    pending: () => prompts.pending(),
    answer: ({ id, answer }) => {
      prompts.answer(id, answer);
      return null;
    },
  };
}
