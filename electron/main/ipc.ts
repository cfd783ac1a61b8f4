// Runs in: main.
//
// Connects the core router to ipcMain and the core's events to the window. The sender check
// uses the frame that sent the message (checklist 17); events carry only their payload.
import { ipcMain, type WebContents } from 'electron';
import type { Router } from '../core/api/router.ts';
import { createEmitters, type ContractShape, type Emitters } from '../core/api/spec.ts';
import type { UserInput } from './input/user-input.ts';

/** Every channel of the router on ipcMain; userInput says whether the sender's window was just used. */
export function registerRouter(router: Router, userInput: UserInput): () => void {
  for (const channel of router.channels) {
    ipcMain.handle(channel, (event, input: unknown) => router.handle(channel, event.senderFrame?.url, input, { recentInput: () => userInput.recentIn(event.sender) }));
  }
  return () => {
    for (const channel of router.channels) ipcMain.removeHandler(channel);
  };
}

/** Events go to the window's top frame, payload only; a closed window misses them. */
export function windowEmitters<C extends ContractShape>(contract: C, target: () => WebContents | null): Emitters<C> {
  return createEmitters(contract, (channel, payload) => {
    const contents = target();
    if (contents && !contents.isDestroyed()) contents.send(channel, payload);
  });
}
