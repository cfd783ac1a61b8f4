// Runs in: sandbox (`npm run sandbox` and tests; never shipped).
//
// Every expiry in the sandbox reads this clock, so a test can jump five minutes without sleeping
// (the tests pass the shared FakeClock of test/support/clock.ts).

export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };
