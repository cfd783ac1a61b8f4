// Runs in: main, CLI, tests.
//
// Note (long timers): Node fires a setTimeout longer than 2^31-1 ms (about 24.8 days) at
// once, and a TrueNAS session lasts up to 30 days. So the wait is cut into steps no longer
// than that, and each step re-reads the clock, which also keeps a wall clock set back (NTP
// correcting a fast clock) from expiring a session early.

import type { Clock } from '../platform/ports.ts';

const LONGEST_TIMER_MS = 2 ** 31 - 1;

/** Calls onExpired once the clock reaches `until`, unless cancelled first. */
export function scheduleExpiry(clock: Clock, until: number, onExpired: () => void): { cancel(): void } {
  let timer: { cancel(): void };
  const wait = (): void => {
    const left = Math.max(0, until - clock.now());
    timer = clock.setTimeout(() => (clock.now() >= until ? onExpired() : wait()), Math.min(left, LONGEST_TIMER_MS));
  };
  wait();
  return { cancel: () => timer.cancel() };
}
