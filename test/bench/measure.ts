// Runs in: benchmarks.
//
// Timing helpers for test/bench/*.bench.ts. Each benchmark reports its value next to a
// baseline measured in the same run, so the ratio survives a noisy machine.

export interface BenchResult {
  /** Stable across runs and wording changes, so results can be compared run to run. */
  readonly id: string;
  readonly name: string;
  readonly unit: 'ms' | 'us' | 'ns';
  readonly value: number;
  readonly baseline: number | null;
  readonly ratio: number | null;
  /** Optional target for the ratio or the value, and whether it was met. */
  readonly target?: { readonly of: 'ratio' | 'value'; readonly max: number; readonly met: boolean };
}

/** Median wall time in milliseconds of `runs` calls after `warmup` calls. */
export async function medianMs(fn: () => unknown, { runs = 15, warmup = 3 }: { runs?: number; warmup?: number } = {}): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await fn();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] ?? Number.NaN;
}

/**
 * Measures `value` and `baseline` interleaved (ABAB...), so drift in machine load hits both
 * alike, and reports medians.
 */
export async function compare(
  id: string,
  name: string,
  value: () => unknown,
  baseline: () => unknown,
  options: { runs?: number; warmup?: number; target?: { of: 'ratio' | 'value'; max: number } } = {},
): Promise<BenchResult> {
  const runs = options.runs ?? 15;
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < (options.warmup ?? 3); i++) {
    await value();
    await baseline();
  }
  for (let i = 0; i < runs; i++) {
    a.push(await medianMs(value, { runs: 1, warmup: 0 }));
    b.push(await medianMs(baseline, { runs: 1, warmup: 0 }));
  }
  const med = (xs: number[]) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)] ?? Number.NaN;
  return result(id, name, med(a), med(b), options.target);
}

export function result(id: string, name: string, value: number, baseline: number | null, target?: { of: 'ratio' | 'value'; max: number }): BenchResult {
  const ratio = baseline === null || baseline === 0 ? null : value / baseline;
  const round = (x: number) => Math.round(x * 1000) / 1000;
  const out: BenchResult = { id, name, unit: 'ms', value: round(value), baseline: baseline === null ? null : round(baseline), ratio: ratio === null ? null : round(ratio) };
  if (!target) return out;
  const measured = target.of === 'ratio' ? (ratio ?? Number.POSITIVE_INFINITY) : value;
  return { ...out, target: { of: target.of, max: target.max, met: measured <= target.max } };
}
