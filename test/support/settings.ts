// Runs in: tests (and `npm run preview`). A SettingsStore in memory: nothing reaches the disk.
import type { SettingsStore } from '../../electron/core/platform/ports.ts';

export class MemorySettingsStore implements SettingsStore {
  readonly values = new Map<string, unknown>();

  get(key: string): unknown {
    return this.values.get(key);
  }

  set(key: string, value: unknown): void {
    this.values.set(key, value);
  }
}
