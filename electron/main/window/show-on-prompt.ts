// Runs in: main.
//
// A question asked in the middle of an operation (a code nothing in the vault answers, a
// certificate to trust) waits for the person in the window: when one is asked, the window opens
// or comes forward, wherever the operation started (the tray, the palette). The dialog names
// the profile it is about (PromptContext.subject); a window opened now takes the question from
// prompts.pending on start.
import type { PromptBroker } from '../../core/app/prompts.ts';
import type { WindowKeeper } from './window-keeper.ts';

export function showOnPrompt(prompts: PromptBroker, windows: WindowKeeper): () => void {
  return prompts.onEvent((event) => {
    if (event.type === 'ask') windows.show();
  });
}
