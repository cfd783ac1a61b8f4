// Runs in: CLI, tests.
import { parseArgs } from 'node:util';
import pkg from '../../package.json' with { type: 'json' };
import { isAuthdeskError, type AuthdeskError } from '../core/errors.ts';
import { defaultUserDataDir, defaultVaultPath } from '../core/platform/paths.ts';
import { GLOBAL_OPTIONS, type Command } from './command.ts';
import { commands } from './commands/index.ts';
import { EXIT, exitCodeFor, type ExitCode } from './exit-codes.ts';
import { isErrnoError } from '../core/platform/file-errors.ts';
import { vaultFileError } from './file-errors.ts';
import { commandHelp, helpText } from './help.ts';
import { writeLine, type CliIo } from './io.ts';

export async function runCli(argv: readonly string[], io: CliIo, list: readonly Command[] = commands): Promise<ExitCode> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    const target = rest[0] === undefined ? undefined : list.find((c) => c.name === rest[0]);
    writeLine(io.stdout, target ? commandHelp(target) : helpText(list, defaultVaultPath(defaultUserDataDir(process.platform, io.env))));
    return EXIT.ok;
  }
  if (first === '--version' || first === '-v') {
    writeLine(io.stdout, pkg.version);
    return EXIT.ok;
  }
  const command = list.find((c) => c.name === first);
  if (!command) {
    writeLine(io.stderr, `authdesk: unknown command "${first}". Run "authdesk --help" for the list.`);
    return EXIT.usage;
  }

  let parsed;
  try {
    parsed = parseArgs({ args: [...rest], options: { ...GLOBAL_OPTIONS, ...command.options }, allowPositionals: true, strict: true });
  } catch (error) {
    writeLine(io.stderr, `authdesk ${command.name}: ${(error as Error).message}`);
    writeLine(io.stderr, `Usage: authdesk ${command.usage}`);
    return EXIT.usage;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    writeLine(io.stdout, commandHelp(command));
    return EXIT.ok;
  }
  const vaultOption = values.vault;
  const defaultPath = defaultVaultPath(defaultUserDataDir(process.platform, io.env));
  const global = {
    vaultPath: typeof vaultOption === 'string' ? vaultOption : (io.env.AUTHDESK_VAULT ?? defaultPath),
    json: values.json === true,
    passwordStdin: values['password-stdin'] === true,
  };
  try {
    return await command.run({ io, global, positionals, values });
  } catch (thrown) {
    const error = isErrnoError(thrown) ? vaultFileError(thrown, global.vaultPath, defaultPath) : thrown;
    if (isAuthdeskError(error)) {
      const message = withNextStep(error, global.vaultPath, typeof vaultOption === 'string' ? ` --vault ${vaultOption}` : '');
      if (global.json) writeLine(io.stderr, JSON.stringify({ error: { ...error.toWire(), message } }));
      else writeLine(io.stderr, `authdesk ${command.name}: ${message}`);
      return exitCodeFor(error.code);
    }
    writeLine(io.stderr, `authdesk ${command.name}: unexpected failure (${(error as Error)?.name ?? 'Error'}). Nothing was changed.`);
    return EXIT.usage;
  }
}

/** The core's message, and what to type next where the CLI knows it better than the core. */
function withNextStep(error: AuthdeskError, vaultPath: string, vaultArgument: string): string {
  if (error.code === 'VAULT_NOT_FOUND') return `${error.message} Create one with: authdesk init${vaultArgument}`;
  const backup = error.details?.['backupPath'];
  if (error.code === 'VAULT_DAMAGED') {
    if (typeof backup === 'string') return `${error.message} To go back to it, copy ${backup} over ${vaultPath} (the changes made since that version are lost).`;
    return `${error.message} There is no backup beside it: restore it from a copy of your own, or move it away and create a new vault with: authdesk init${vaultArgument}`;
  }
  return error.message;
}
