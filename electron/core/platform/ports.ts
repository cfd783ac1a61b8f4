// Runs in: main, CLI, tests.
//
// What the core needs from its host. Main implements these with Electron (safeStorage,
// electron-store, powerMonitor ...); the CLI and the tests implement them with plain Node.
import type { KeychainInfo } from '../api/types.ts';

/** The OS keychain (Electron safeStorage in the app). The CLI has none. */
export interface KeyProtector {
  info(): Promise<KeychainInfo>;
  encrypt(plain: Uint8Array): Promise<Uint8Array>;
  decrypt(sealed: Uint8Array): Promise<Uint8Array>;
}

export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
  setTimeout(fn: () => void, ms: number): { cancel(): void };
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout(fn, ms) {
    const timer = setTimeout(fn, ms);
    timer.unref?.();
    return { cancel: () => clearTimeout(timer) };
  },
};

/** Non-secret preferences (electron-store in the app, conf in the CLI: the same JSON file). */
export interface SettingsStore<T extends Record<string, unknown> = Record<string, unknown>> {
  get<K extends keyof T>(key: K): T[K];
  set<K extends keyof T>(key: K, value: T[K]): void;
}

export interface Notifier {
  notify(title: string, body: string): void;
}

export interface Clipboard {
  /** Writes text and clears it after clearAfterMs unless something else was copied since. */
  writeText(text: string, clearAfterMs: number): void;
}

export type PowerEvent = 'suspend' | 'resume' | 'lock-screen' | 'unlock-screen';

export interface PowerEvents {
  on(event: PowerEvent, listener: () => void): () => void;
}
