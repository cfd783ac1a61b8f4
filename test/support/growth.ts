// Runs in: tests. Whether work grows linearly with its input, measured as a ratio of times
// rather than against a clock, so a busy machine does not fail the test.

/** The fastest of a few runs of fn on an input of size n, in milliseconds. */
function fastest(fn: (input: string) => unknown, make: (n: number) => string, n: number): number {
  const input = make(n);
  let best = Infinity;
  for (let run = 0; run < 5; run++) {
    const start = performance.now();
    try {
      fn(input);
    } catch {
      // Rejecting the input is an outcome too: only its cost is measured.
    }
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

/**
 * How much longer fn takes on an input four times longer: about 4 when linear, about 16 when
 * quadratic. A floor of 0.05 ms keeps timer noise on tiny inputs from faking growth.
 */
export function growthRatio(fn: (input: string) => unknown, make: (n: number) => string, n: number): number {
  fastest(fn, make, n);
  return fastest(fn, make, 4 * n) / Math.max(fastest(fn, make, n), 0.05);
}
