// Runs in: tests. The one fake PowerEvents: a test fires suspend, lock-screen ... by hand.
import type { PowerEvent, PowerEvents, SystemIdle } from '../../electron/core/platform/ports.ts';

export class FakePower implements PowerEvents {
  readonly #listeners = new Map<PowerEvent, Set<() => void>>();
  /** Absent until a test says what the OS reports (as in the CLI, which cannot tell). */
  systemIdle?: () => SystemIdle;

  on(event: PowerEvent, listener: () => void): () => void {
    const set = this.#listeners.get(event) ?? new Set();
    set.add(listener);
    this.#listeners.set(event, set);
    return () => void set.delete(listener);
  }

  fire(event: PowerEvent): void {
    for (const listener of this.#listeners.get(event) ?? []) listener();
  }

  /** From now on the OS reports this: seconds since the last input anywhere, and whether the screen is locked. */
  reportSystemIdle(idle: SystemIdle): void {
    this.systemIdle = () => idle;
  }
}
