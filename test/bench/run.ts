// Runs in: `npm run bench`. Runs every test/bench/*.bench.ts (or those named on the command
// line) and prints one JSON object: {"benchmarks":[{id, name, unit, value, baseline, ratio}]}.
import { readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchResult } from './measure.ts';

const here = dirname(fileURLToPath(import.meta.url));
const filter = process.argv.slice(2);
const files = (await readdir(here)).filter((f) => f.endsWith('.bench.ts') && (filter.length === 0 || filter.some((x) => f.includes(x)))).sort();

const benchmarks: BenchResult[] = [];
for (const file of files) {
  const module = (await import(pathToFileURL(join(here, file)).href)) as { default: () => Promise<BenchResult[]> };
  process.stderr.write(`bench: ${file}\n`);
  benchmarks.push(...(await module.default()));
}
process.stdout.write(`${JSON.stringify({ benchmarks }, null, 2)}\n`);
