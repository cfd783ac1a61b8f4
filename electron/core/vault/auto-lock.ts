// Runs in: main, tests.
//
// When to lock the vault without being asked: after idleMinutes without user activity, when
// the system suspends and when the screen locks (PowerEvents from main's powerMonitor), each
// of the two as the user's settings say (both on by default). Policy only: it calls `lock`, and main decides what locking shows.
import type { Clock, PowerEvent, PowerEvents } from '../platform/ports.ts';

export interface AutoLockOptions {
  readonly clock: Clock;
  readonly power: PowerEvents;
  /** Minutes without activity before locking; 0 turns the idle timer off (suspend and screen lock still lock). */
  readonly idleMinutes: number;
  /** Which power events lock; both by default. */
  readonly lockOn?: LockOn;
  readonly lock: () => void;
}

export interface LockOn {
  readonly suspend: boolean;
  readonly screenLock: boolean;
}

const LOCKING_EVENTS: readonly { readonly event: PowerEvent; readonly setting: keyof LockOn }[] = [
  { event: 'suspend', setting: 'suspend' },
  { event: 'lock-screen', setting: 'screenLock' },
];

export class AutoLock {
  readonly #clock: Clock;
  readonly #lock: () => void;
  readonly #unsubscribe: (() => void)[];
  #idleMs: number;
  #lockOn: LockOn;
  #timer: { cancel(): void } | null = null;
  #armed = false;

  constructor(options: AutoLockOptions) {
    this.#clock = options.clock;
    this.#lock = options.lock;
    this.#idleMs = Math.max(0, options.idleMinutes) * 60_000;
    this.#lockOn = options.lockOn ?? { suspend: true, screenLock: true };
    this.#unsubscribe = LOCKING_EVENTS.map(({ event, setting }) =>
      options.power.on(event, () => {
        if (this.#lockOn[setting]) this.#fire();
      }),
    );
  }

  /** Starts the idle timer: call when the vault unlocks. */
  arm(): void {
    this.#armed = true;
    this.#schedule();
  }

  /** Stops the idle timer: call when the vault locks by any path. */
  disarm(): void {
    this.#armed = false;
    this.#timer?.cancel();
    this.#timer = null;
  }

  /** User activity (a click, a key, a copied code): restarts the idle countdown. */
  activity(): void {
    if (this.#armed) this.#schedule();
  }

  setIdleMinutes(minutes: number): void {
    this.#idleMs = Math.max(0, minutes) * 60_000;
    if (this.#armed) this.#schedule();
  }

  setLockOn(lockOn: LockOn): void {
    this.#lockOn = lockOn;
  }

  dispose(): void {
    this.disarm();
    for (const off of this.#unsubscribe) off();
  }

  #schedule(): void {
    this.#timer?.cancel();
    this.#timer = this.#idleMs > 0 ? this.#clock.setTimeout(() => this.#fire(), this.#idleMs) : null;
  }

  #fire(): void {
    if (!this.#armed) return;
    this.disarm();
    this.#lock();
  }
}
