// Runs in: tests (Node). Bundles standin-entry.ts for the browser, in memory.
import { build } from 'esbuild';
import { join } from 'node:path';

export async function bundleStandin(): Promise<string> {
  const result = await build({
    entryPoints: [join(import.meta.dirname, 'standin-entry.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'warning',
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error('esbuild produced no stand-in bundle');
  return output.text;
}
