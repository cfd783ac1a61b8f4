// Runs in: preload (sandboxed renderer, bundled to one CommonJS file).
//
// Exposes window.authdesk and nothing else: no ipcRenderer, no Node, no Electron object.
import { contextBridge, ipcRenderer } from 'electron';
import type { Result } from '../core/api/spec.ts';
import { buildBridge } from './bridge.ts';

contextBridge.exposeInMainWorld(
  'authdesk',
  buildBridge({
    invoke: (channel, input) => ipcRenderer.invoke(channel, input) as Promise<Result<unknown>>,
    subscribe(channel, listener) {
      const forward = (_event: unknown, payload: unknown) => listener(payload);
      ipcRenderer.on(channel, forward);
      return () => {
        ipcRenderer.removeListener(channel, forward);
      };
    },
  }),
);
