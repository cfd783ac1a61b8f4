// Runs in: tests. The one fake PowerEvents: a test fires suspend, lock-screen ... by hand.
import type { PowerEvent, PowerEvents } from '../../electron/core/platform/ports.ts';

export class FakePower implements PowerEvents {
  readonly #listeners = new Map<PowerEvent, Set<() => void>>();

  on(event: PowerEvent, listener: () => void): () => void {
    const set = this.#listeners.get(event) ?? new Set();
    set.add(listener);
    this.#listeners.set(event, set);
    return () => void set.delete(listener);
  }

  fire(event: PowerEvent): void {
    for (const listener of this.#listeners.get(event) ?? []) listener();
  }
}
