// Runs in: development (npm run preview). The command line: `[--vault FILE] [--port N] [--json]`.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

export const USAGE = 'usage: npm run preview -- [--vault FILE] [--port N] [--json]';

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export interface PreviewOptions {
  /** An absolute path, or undefined for a throwaway vault. */
  readonly vault: string | undefined;
  /** 0 for any free port. */
  readonly port: number;
  readonly json: boolean;
}

function parse(args: readonly string[]) {
  try {
    return parseArgs({
      args: [...args],
      options: { vault: { type: 'string' }, port: { type: 'string' }, json: { type: 'boolean', default: false } },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

export function parseOptions(args: readonly string[]): PreviewOptions {
  const values = parse(args);
  if (values.port !== undefined && !/^\d{1,5}$/.test(values.port)) throw new UsageError(`--port must be a port number, not "${values.port}".`);
  const port = Number(values.port ?? 0);
  if (port > 65535) throw new UsageError(`--port must be at most 65535, not ${port}.`);
  if (values.vault === '') throw new UsageError('--vault needs a file name.');
  return { vault: values.vault === undefined ? undefined : resolve(values.vault), port, json: values.json };
}
