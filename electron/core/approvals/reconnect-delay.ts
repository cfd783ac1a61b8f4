// Runs in: main, CLI, tests.
//
// How long to wait before the next attempt to open a dropped stream (docs/device-approvals.md
// §4.4): 1 s doubling to 60 s, times a random factor in [0.5, 1], so many devices dropped at
// once by a server restart do not come back in step.

const FIRST_MS = 1000;
const LONGEST_MS = 60_000;
/** A connection that lasted this long was healthy: the next drop starts again at FIRST_MS. */
export const HEALTHY_MS = 60_000;

export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(LONGEST_MS, FIRST_MS * 2 ** Math.min(attempt, 16));
  return Math.round(base * (0.5 + random() / 2));
}
