// Runs in: sandbox (`npm run sandbox` and tests; never shipped).
//
// One device's stream events (docs/device-approvals.md §4.4): kept for an hour, longer than a
// challenge lives, so a reconnecting device resumes after its Last-Event-ID and still sees every
// challenge it can answer; a cursor the log cannot place is answered with a reset.

export const EVENT_RETENTION_MS = 60 * 60_000;

export type DeviceEventType = 'challenge' | 'resolved' | 'enrolled' | 'revoked';

export interface DeviceEvent {
  readonly id: number;
  readonly type: DeviceEventType;
  readonly at: number;
  readonly data: Readonly<Record<string, unknown>>;
}

export interface Replay {
  /** True when events after the cursor were dropped, or the cursor was never issued. */
  readonly reset: boolean;
  readonly firstEventId: number | null;
  readonly events: readonly DeviceEvent[];
}

export class EventLog {
  readonly #events: DeviceEvent[] = [];
  readonly #listeners = new Set<(event: DeviceEvent) => void>();
  #lastDroppedId = 0;

  append(event: DeviceEvent): void {
    this.#events.push(event);
    for (const listener of [...this.#listeners]) listener(event);
  }

  prune(now: number): void {
    while (this.#events.length > 0 && now - this.#events[0]!.at > EVENT_RETENTION_MS) this.#lastDroppedId = this.#events.shift()!.id;
  }

  /** `cursor` undefined replays the whole log; `highestIssued` is the newest id the server ever gave. */
  after(cursor: number | undefined, highestIssued: number): Replay {
    const reset = cursor !== undefined && (cursor < this.#lastDroppedId || cursor > highestIssued);
    const from = cursor === undefined || reset ? 0 : cursor;
    return { reset, firstEventId: this.#events[0]?.id ?? null, events: this.#events.filter((e) => e.id > from) };
  }

  subscribe(listener: (event: DeviceEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
