// Runs in: main, tests.
//
// When to lock the vault without being asked: after idleMinutes without user activity in
// Authdesk or at the computer (the OS's idle time), when the system suspends and when the
// screen locks (PowerEvents from main's powerMonitor), each of the two as the user's settings
// say (both on by default). Policy only: it calls `lock`, and main decides what locking shows.
import type { Clock, PowerEvent, PowerEvents } from '../platform/ports.ts';

// Note (asking the OS): the OS's idle time and lock state are polled, as Electron has no event
// for them, and Linux desktops often send no 'lock-screen' at all (Electron emits it on macOS
// and Windows only), so a locked screen is also seen here. Each poll is two cheap system calls;
// every 15 s while the vault is open costs nothing measurable, and a lock comes at most 15 s
// after the screen locked or the idle minutes ran out. Only while unlocked: a locked vault
// polls nothing.
export const SYSTEM_IDLE_POLL_MS = 15_000;

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
  readonly #power: PowerEvents;
  #idleMs: number;
  #lockOn: LockOn;
  #timer: { cancel(): void } | null = null;
  #poll: { cancel(): void } | null = null;
  #armed = false;

  constructor(options: AutoLockOptions) {
    this.#clock = options.clock;
    this.#lock = options.lock;
    this.#idleMs = Math.max(0, options.idleMinutes) * 60_000;
    this.#lockOn = options.lockOn ?? { suspend: true, screenLock: true };
    this.#power = options.power;
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
    this.#schedulePoll();
  }

  /** Stops the idle timer: call when the vault locks by any path. */
  disarm(): void {
    this.#armed = false;
    this.#timer?.cancel();
    this.#timer = null;
    this.#poll?.cancel();
    this.#poll = null;
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

  #schedulePoll(): void {
    if (this.#power.systemIdle === undefined) return;
    this.#poll?.cancel();
    this.#poll = this.#clock.setTimeout(() => this.#checkSystem(), SYSTEM_IDLE_POLL_MS);
  }

  /** The screen locked, or nobody touched the computer for the idle minutes: lock. */
  #checkSystem(): void {
    this.#poll = null;
    if (!this.#armed || this.#power.systemIdle === undefined) return;
    const { seconds, locked } = this.#power.systemIdle();
    if ((locked && this.#lockOn.screenLock) || (this.#idleMs > 0 && seconds * 1000 >= this.#idleMs)) this.#fire();
    else this.#schedulePoll();
  }

  #fire(): void {
    if (!this.#armed) return;
    this.disarm();
    this.#lock();
  }
}
