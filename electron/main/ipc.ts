// Runs in: main.
//
// Connects the core router to ipcMain and the core's events to the window. The sender check
// uses the frame that sent the message (checklist 17); events carry only their payload.
import { ipcMain, type WebContents } from 'electron';
import type { Router } from '../core/api/router.ts';
import { channelName, members, type ContractShape, type Emitters } from '../core/api/spec.ts';

/** onCall runs for every message from the window: a sign of the user's activity (auto-lock). */
export function registerRouter(router: Router, onCall: () => void): () => void {
  for (const channel of router.channels) {
    ipcMain.handle(channel, (event, input: unknown) => {
      onCall();
      return router.handle(channel, event.senderFrame?.url, input);
    });
  }
  return () => {
    for (const channel of router.channels) ipcMain.removeHandler(channel);
  };
}

export function createEmitters<C extends ContractShape>(contract: C, target: () => WebContents | null): Emitters<C> {
  const emitters: Record<string, Record<string, (payload: unknown) => void>> = {};
  for (const { namespace, member, spec } of members(contract)) {
    if (spec.kind !== 'event') continue;
    const channel = channelName(namespace, member);
    (emitters[namespace] ??= {})[member] = (payload) => {
      const contents = target();
      if (contents && !contents.isDestroyed()) contents.send(channel, payload);
    };
  }
  return emitters as unknown as Emitters<C>;
}
