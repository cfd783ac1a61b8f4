// Runs in: CLI, tests.
//
// The one place the CLI gets passwords and other secrets, for every command.
// A password comes from, in order: --password-stdin (one line each, in the order asked),
// an environment variable (AUTHDESK_PASSWORD; AUTHDESK_NEW_PASSWORD for a new password when
// the current one is asked too), or the terminal with echo off. A secret given as `-` (a link,
// a Base32 secret) comes from the terminal with echo off, or else from the next line of
// standard input, in the same order. Command-line arguments are visible to other users of the
// machine (ps, /proc), so every secret has a way in that is not one. Secrets are never
// printed, logged or put in an error message.
import type { CommandContext } from './command.ts';
import { AuthdeskError } from '../core/errors.ts';
import type { CliIo } from './io.ts';

type Stdin = CliIo['stdin'] & { setRawMode?: (raw: boolean) => unknown };

const CTRL_C = '\u0003';
const CTRL_D = '\u0004';
const BACKSPACES = new Set(['\u007f', '\b']);

/** Reads one line from a terminal without echoing it. */
export function promptHidden(io: CliIo, prompt: string): Promise<string> {
  const stdin = io.stdin as Stdin;
  return new Promise((resolve, reject) => {
    let typed = '';
    const finish = (error: AuthdeskError | null) => {
      stdin.off('data', onData);
      stdin.setRawMode?.(false);
      stdin.pause();
      io.stderr.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (chunk: Buffer | string) => {
      for (const char of chunk.toString()) {
        if (char === '\r' || char === '\n') return finish(null);
        if (char === CTRL_C || (char === CTRL_D && typed === '')) return finish(new AuthdeskError('INVALID_INPUT', 'Cancelled: nothing was entered.'));
        if (BACKSPACES.has(char)) typed = [...typed].slice(0, -1).join('');
        else if (char >= ' ') typed += char;
      }
    };
    io.stderr.write(prompt);
    stdin.setRawMode?.(true);
    stdin.on('data', onData);
    stdin.resume();
  });
}

async function readAll(stdin: CliIo['stdin']): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks);
}

async function readAllLines(stdin: CliIo['stdin']): Promise<string[]> {
  const lines = (await readAll(stdin)).toString('utf8').split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

export class PasswordSource {
  readonly #io: CliIo;
  readonly #fromStdin: boolean;
  #lines: Promise<string[]> | null = null;
  #nextLine = 0;

  constructor(io: CliIo, passwordStdin: boolean) {
    this.#io = io;
    this.#fromStdin = passwordStdin;
  }

  async #stdinLine(what: string): Promise<string> {
    this.#lines ??= readAllLines(this.#io.stdin);
    const line = (await this.#lines)[this.#nextLine++];
    if (line === undefined) throw new AuthdeskError('INVALID_INPUT', `Standard input has no line for the ${what} (one line each, in this order: a secret given as -, then the passwords).`);
    return line;
  }

  /**
   * A secret the command line names as `-`: typed with echo off on a terminal, else the next
   * line of standard input (before the passwords, which are asked after it).
   */
  async secret(what: string): Promise<string> {
    if (this.#io.stdin.isTTY) return promptHidden(this.#io, `${what[0]?.toUpperCase() ?? ''}${what.slice(1)}: `);
    return this.#stdinLine(what);
  }

  /** The whole of standard input as bytes (`import -`), which then holds no password. */
  async allOfStdin(): Promise<Uint8Array> {
    if (this.#fromStdin) throw new AuthdeskError('INVALID_INPUT', 'Standard input holds the file, so it cannot hold the vault password too: set AUTHDESK_PASSWORD instead of --password-stdin.');
    return readAll(this.#io.stdin);
  }

  #noSource(what: string, variable: string): AuthdeskError {
    return new AuthdeskError('INVALID_INPUT', `No ${what}: run in a terminal, pass --password-stdin, or set ${variable}.`);
  }

  /** The current vault password, or another vault password (`what`: a backup's, for `restore`). */
  async current(what = 'vault password'): Promise<string> {
    if (this.#fromStdin) return this.#stdinLine(what);
    const fromEnv = this.#io.env.AUTHDESK_PASSWORD;
    if (fromEnv !== undefined) return fromEnv;
    if (!this.#io.stdin.isTTY) throw this.#noSource(what, 'AUTHDESK_PASSWORD');
    return promptHidden(this.#io, `${what[0]?.toUpperCase() ?? ''}${what.slice(1)}: `);
  }

  /**
   * A password to set, asked twice on a terminal. `variable` is AUTHDESK_PASSWORD for
   * `init` (no current password) and AUTHDESK_NEW_PASSWORD where the current one is asked too.
   */
  async newPassword(variable: 'AUTHDESK_PASSWORD' | 'AUTHDESK_NEW_PASSWORD'): Promise<string> {
    if (this.#fromStdin) return this.#stdinLine('new password');
    const fromEnv = this.#io.env[variable];
    if (fromEnv !== undefined) return fromEnv;
    if (!this.#io.stdin.isTTY) throw this.#noSource('new password', variable);
    const first = await promptHidden(this.#io, 'New vault password: ');
    const second = await promptHidden(this.#io, 'Repeat the new password: ');
    if (first !== second) throw new AuthdeskError('INVALID_INPUT', 'The two passwords differ; nothing was changed.');
    return first;
  }

  /**
   * A password that is not the vault's (an import file's, an export's): the command-line
   * option's value if given (`-`: the terminal, else the next line of standard input), else
   * `variable`, else the next --password-stdin line, else the terminal (asked twice when
   * `confirm`, for a password being set). Without `option`, there is no command-line way in.
   */
  async other(what: string, variable: string, options: { option?: string; given?: string | undefined; confirm?: boolean } = {}): Promise<string> {
    // `--file-password -` and the like: from the terminal or standard input, never the environment.
    const dash = options.given === '-';
    if (options.given !== undefined && !dash) return options.given;
    const fromEnv = dash ? undefined : this.#io.env[variable];
    if (fromEnv !== undefined) return fromEnv;
    if (this.#fromStdin || (dash && !this.#io.stdin.isTTY)) return this.#stdinLine(what);
    if (!this.#io.stdin.isTTY) throw new AuthdeskError('INVALID_INPUT', `No ${what}: ${options.option === undefined ? '' : `give ${options.option}, `}run in a terminal, pass --password-stdin, or set ${variable}.`);
    const prompt = `${what[0]?.toUpperCase() ?? ''}${what.slice(1)}`;
    const first = await promptHidden(this.#io, `${prompt}: `);
    if (options.confirm && (await promptHidden(this.#io, `Repeat the ${what}: `)) !== first) {
      throw new AuthdeskError('INVALID_INPUT', 'The two passwords differ; nothing was changed.');
    }
    return first;
  }
}

export function passwordSource(context: CommandContext): PasswordSource {
  return new PasswordSource(context.io, context.global.passwordStdin);
}
