// Runs in: tests (Node), and `npm run preview`. Bundles a preload stand-in for the browser, in
// memory: the e2e one (standin-entry.ts) or the preview's (scripts/preview/standin-entry.ts).
import { build } from 'esbuild';
import { join } from 'node:path';

export async function bundleForBrowser(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'warning',
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error(`esbuild produced no bundle for ${entry}`);
  return output.text;
}

export function bundleStandin(): Promise<string> {
  return bundleForBrowser(join(import.meta.dirname, 'standin-entry.ts'));
}
