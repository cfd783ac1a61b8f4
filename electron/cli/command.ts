// Runs in: CLI.
//
// One file per command under commands/, each describing its own options so that
// `authdesk help <command>` and parsing cannot drift apart.
import type { ParseArgsConfig } from 'node:util';
import type { CliIo } from './io.ts';
import type { ExitCode } from './exit-codes.ts';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

/** Options every command accepts (DESIGN §9). */
export const GLOBAL_OPTIONS = {
  vault: { type: 'string' },
  json: { type: 'boolean' },
  'password-stdin': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies OptionSpec;

export interface GlobalOptions {
  /** The vault file: --vault, else AUTHDESK_VAULT, else the app's user-data folder. */
  readonly vaultPath: string;
  readonly json: boolean;
  readonly passwordStdin: boolean;
}

export interface CommandContext {
  readonly io: CliIo;
  readonly global: GlobalOptions;
  readonly positionals: readonly string[];
  readonly values: Readonly<Record<string, string | boolean | string[] | boolean[] | undefined>>;
}

export interface Command {
  readonly name: string;
  /** One line for `authdesk --help`. */
  readonly summary: string;
  /** More for `authdesk help <command>`, in paragraphs separated by a blank line. */
  readonly details?: string;
  /** Usage line after "authdesk ", e.g. "code [QUERY] [--json] [--at UNIX_SECONDS]". */
  readonly usage: string;
  readonly options?: OptionSpec;
  run(context: CommandContext): Promise<ExitCode>;
}
