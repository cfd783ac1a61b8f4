// Runs in: main, CLI, tests.
//
// One enrolled device's live challenge stream (docs/device-approvals.md §4): a fresh nonce for
// every connection, Last-Event-ID to resume, events handled in order before the cursor moves,
// a heartbeat watch, and reconnection with jittered backoff, at once on wake.
//
// Note (exactly once): the cursor advances only after `handle` has finished with an event, and
// every connection resumes from it, so a drop mid-event replays that event rather than lose it;
// the handler skips a challenge id it already knows (after a `reset` the server replays its whole
// log). Change together with app/approvals.ts (the handler) and approvals/audit-log.ts.

import type { Clock } from '../platform/ports.ts';
import type { DeviceApi, Signer } from './device-api.ts';
import { HEALTHY_MS, reconnectDelay } from './reconnect-delay.ts';
import { serverErrorOf } from './server-errors.ts';
import { readEvents } from './sse-reader.ts';
import { parseServerEvent, type ServerEvent } from './stream-events.ts';
import type { StreamState } from './views.ts';

/** The server's heartbeat interval (§4.2). */
export const HEARTBEAT_MS = 15_000;

export interface StreamStatus {
  readonly state: StreamState;
  readonly retryAt: number | null;
  readonly problem: string | null;
}

export interface ChallengeStreamOptions {
  readonly api: DeviceApi;
  readonly signer: Signer;
  readonly clock: Clock;
  /** The last event handled, from an earlier run; null to receive the whole retained log. */
  readonly cursor: number | null;
  /** Silence longer than twice this closes the connection and opens another. */
  readonly heartbeatMs?: number;
  handle(event: ServerEvent, id: number | null): Promise<void>;
  status(status: StreamStatus): void;
}

/** Why this side ended a connection: woken (reconnect at once), or the heartbeats stopped. */
class Ended extends Error {}
const WOKEN = 'woken';
const SILENT = 'No heartbeat came from the approvals server in time, so Authdesk reconnected.';

export class ChallengeStream {
  readonly #options: ChallengeStreamOptions;
  #cursor: number | null;
  #stopped = false;
  #running: Promise<void> | null = null;
  #connection: AbortController | null = null;
  #wakeSleep: (() => void) | null = null;
  #attempt = 0;
  #immediate = false;

  constructor(options: ChallengeStreamOptions) {
    this.#options = options;
    this.#cursor = options.cursor;
  }

  /** The id of the last event handled. */
  get cursor(): number | null {
    return this.#cursor;
  }

  start(): void {
    this.#running ??= this.#run();
  }

  /** Ends the connection and every retry; resolves once the loop has stopped. */
  async stop(): Promise<void> {
    this.#stopped = true;
    this.#connection?.abort();
    this.#wakeSleep?.();
    await this.#running;
  }

  /** Reconnects now (wake from sleep, a new network): the old connection may be silently dead. */
  wake(): void {
    this.#attempt = 0;
    this.#immediate = true;
    this.#connection?.abort(new Ended(WOKEN));
    this.#wakeSleep?.();
  }

  async #run(): Promise<void> {
    while (!this.#stopped) {
      const startedAt = this.#options.clock.now();
      let problem: string | null;
      try {
        problem = await this.#connectOnce();
      } catch (error) {
        if (this.#stopped) break;
        if (serverErrorOf(error) === 'DEVICE_REVOKED') {
          this.#options.status({ state: 'revoked', retryAt: null, problem: (error as Error).message });
          return;
        }
        problem = error instanceof Ended && error.message === WOKEN ? null : (error as Error).message;
      }
      if (this.#stopped) break;
      if (this.#options.clock.now() - startedAt >= HEALTHY_MS) this.#attempt = 0;
      const delay = this.#immediate ? 0 : reconnectDelay(this.#attempt);
      this.#immediate = false;
      this.#attempt += 1;
      const retryAt = this.#options.clock.now() + delay;
      this.#options.status({ state: 'waiting', retryAt, problem });
      await this.#sleep(delay);
    }
    this.#options.status({ state: 'stopped', retryAt: null, problem: null });
  }

  /** One connection, until it ends; returns why it ended in words, or null. */
  async #connectOnce(): Promise<string | null> {
    const connection = new AbortController();
    this.#connection = connection;
    this.#options.status({ state: 'connecting', retryAt: null, problem: null });
    const response = await this.#options.api.openStream(this.#options.signer, this.#cursor, connection.signal);
    // Three missed heartbeats (45 s at the server's 15 s), as §4.2 of docs/device-approvals.md says.
    const deadAfter = 3 * (this.#options.heartbeatMs ?? HEARTBEAT_MS);
    let watch = this.#options.clock.setTimeout(() => connection.abort(new Ended(SILENT)), deadAfter);
    this.#options.status({ state: 'connected', retryAt: null, problem: null });
    try {
      await readEvents(
        response.body,
        () => {
          watch.cancel();
          watch = this.#options.clock.setTimeout(() => connection.abort(new Ended(SILENT)), deadAfter);
        },
        async (raw) => {
          const event = parseServerEvent(raw.type, raw.data);
          if (event) await this.#options.handle(event, raw.id);
          if (raw.id !== null) this.#cursor = raw.id;
        },
      );
      return 'The approvals server closed the connection.';
    } catch (error) {
      if (connection.signal.aborted) throw connection.signal.reason;
      throw error;
    } finally {
      watch.cancel();
      connection.abort();
    }
  }

  #sleep(ms: number): Promise<void> {
    if (ms === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = this.#options.clock.setTimeout(() => done(), ms);
      const done = (): void => {
        timer.cancel();
        this.#wakeSleep = null;
        resolve();
      };
      this.#wakeSleep = done;
    });
  }
}
