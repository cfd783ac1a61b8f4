// Runs in: main, CLI, tests.
//
// Note (keep-alive lead): Weavr ends a session 5 minutes after its last call. A kept-alive
// session calls a minute before that, or halfway for a shorter window, so one slow answer
// still lands inside the window.

const LEAD_MS = 60_000;

/** When to call to keep a session that expires at `until` alive. */
export function keepAliveAt(now: number, until: number): number {
  return until - Math.min(LEAD_MS, (until - now) / 2);
}
