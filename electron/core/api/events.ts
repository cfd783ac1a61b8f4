// Runs in: main, tests (and the e2e harness's and the preview's server side).
//
// Connects the core's events to the contract's event channels, once for every host: main's
// emitters send to the window over IPC, the browser harness's to the page. Returns the
// function that disconnects them all.
import type { Core } from '../app/core.ts';
import type { PromptBroker } from '../app/prompts.ts';
import type { Contract } from './contract/index.ts';
import type { Emitters } from './spec.ts';

export function connectEvents(core: Core, prompts: PromptBroker, emit: Emitters<Contract>): () => void {
  const stops = [
    core.vault.onStatus((status) => emit.vault.onStatus(status)),
    core.settings.onChange((settings) => emit.settings.onChange(settings)),
    prompts.onEvent((event) => emit.prompts.onEvent(event)),
    core.staging.onProgress((progress) => emit.transfer.onStageProgress(progress)),
    core.backups.onStatus((status) => emit.backups.onStatus(status)),
    // A question asked for an unlocked vault must not outlive the lock.
    core.vault.onStatus((status) => {
      if (status.state !== 'unlocked') prompts.withdrawAll();
    }),
  ];
  return () => {
    for (const stop of stops) stop();
  };
}
