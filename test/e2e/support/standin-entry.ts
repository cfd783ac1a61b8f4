// Runs in: Chromium only (bundled by standin.ts into an init script that runs before the app).
//
// The e2e stand-in for electron/preload/index.ts: the same buildBridge, over a Playwright
// binding instead of ipcRenderer. Events come from the test process through __authdeskEmit.
import type { Result } from '../../../electron/core/api/spec.ts';
import { exposeBridge } from './expose-bridge.ts';
import { watchTrustedInput } from './trusted-input.ts';

interface StandinHost {
  __authdeskInvoke(channel: string, input: unknown, recentInput: boolean): Promise<Result<unknown>>;
}

const host = globalThis as unknown as StandinHost;
const listeners = new Map<string, Set<(payload: unknown) => void>>();
const recentInput = watchTrustedInput();

exposeBridge({
  invoke: (channel, input) => host.__authdeskInvoke(channel, input, recentInput()),
  subscribe(channel, listener) {
    const group = listeners.get(channel) ?? new Set();
    listeners.set(channel, group);
    group.add(listener);
    return () => {
      group.delete(listener);
    };
  },
});

Object.defineProperty(globalThis, '__authdeskEmit', {
  value(channel: string, payload: unknown): void {
    for (const listener of listeners.get(channel) ?? []) listener(payload);
  },
  writable: false,
  configurable: false,
});
