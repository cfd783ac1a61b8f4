// Runs in: CLI.
//
// `authdesk import`: accounts from another app's backup, an Authdesk backup, or one
// otpauth:// / otpauth-migration:// link. The whole file is read (at most the import size
// cap) and decrypted before anything is added, so a damaged file or a wrong password adds nothing.
import type { Command } from '../command.ts';
import { AuthdeskError, isAuthdeskError } from '../../core/errors.ts';
import { FORMAT_IDS, FORMAT_NAMES, readImportFile, type FormatId, type ImportResult } from '../../core/transfer/index.ts';
import { EXIT } from '../exit-codes.ts';
import { SECRETS } from '../help.ts';
import { writeLine } from '../io.ts';
import { withUnlockedCore } from '../core-session.ts';
import type { CliIo } from '../io.ts';
import { passwordSource, type PasswordSource } from '../passwords.ts';

const LINK = /^otpauth(?:-migration)?:\/\//i;

function parseFormat(value: unknown): FormatId | 'auto' {
  if (value === undefined || value === 'auto') return 'auto';
  const format = FORMAT_IDS.find((id) => id === value);
  if (format === undefined) throw new AuthdeskError('INVALID_INPUT', `--format must be auto or one of: ${FORMAT_IDS.join(', ')}.`);
  return format;
}

async function readSource(source: string): Promise<Uint8Array | string> {
  return LINK.test(source.trim()) ? source.trim() : readImportFile(source);
}

/** `import -`: a link typed unseen on a terminal, else the whole of standard input (a link or a file). */
async function fromStdin(io: CliIo, passwords: PasswordSource): Promise<Uint8Array | string> {
  if (io.stdin.isTTY) return (await passwords.secret('otpauth:// or otpauth-migration:// link')).trim();
  return passwords.allOfStdin();
}

export const importCommand: Command = {
  name: 'import',
  summary: 'add the accounts of a backup file, or of an otpauth:// or otpauth-migration:// link',
  details: `- reads the link or the file from standard input (or the link, unseen, from a terminal). An encrypted file's password comes from $AUTHDESK_FILE_PASSWORD, the line after the vault password with --password-stdin, the terminal, or --file-password (- for the terminal or the next line of standard input). An encrypted backup of an old andOTP version has nothing to recognise it by: name it with --format andotp.\n\nSecrets: ${SECRETS}`,
  usage: `import <file|uri|-> [--format auto|${FORMAT_IDS.join('|')}] [--file-password P|-] [--json]`,
  options: { format: { type: 'string' }, 'file-password': { type: 'string' } },
  async run(context) {
    const { io, global, positionals, values } = context;
    const [source, ...extra] = positionals;
    if (source === undefined || extra.length > 0) {
      writeLine(io.stderr, `authdesk import: give one file or link.\nUsage: authdesk ${importCommand.usage}`);
      return EXIT.usage;
    }
    const format = parseFormat(values.format);
    const given = typeof values['file-password'] === 'string' ? values['file-password'] : undefined;
    const passwords = passwordSource(context);
    const input = source === '-' ? await fromStdin(io, passwords) : await readSource(source);
    const { result, added, skipped } = await withUnlockedCore(context, async ({ transfer }) => {
      let result: ImportResult;
      const known = given === '-' ? undefined : (given ?? io.env.AUTHDESK_FILE_PASSWORD);
      try {
        result = await transfer.read(input, { format, ...(known === undefined ? {} : { password: known }) });
      } catch (error) {
        // Asked only once the file turns out to be encrypted.
        if (!isAuthdeskError(error, 'IMPORT_PASSWORD_REQUIRED') || known !== undefined) throw error;
        result = await transfer.read(input, { format, password: await passwords.other('file password', 'AUTHDESK_FILE_PASSWORD', { option: '--file-password', given }) });
      }
      const { added, skipped } = await transfer.add(result);
      return { result, added: added.length, skipped };
    }, passwords);
    if (global.json) {
      writeLine(io.stdout, JSON.stringify({ format: result.format, imported: added, skipped, errors: result.errors, warnings: result.warnings }));
      return EXIT.ok;
    }
    const plural = added === 1 ? 'account' : 'accounts';
    writeLine(io.stdout, `Imported ${added} ${plural} from ${FORMAT_NAMES[result.format]} (${skipped} already there, skipped).`);
    for (const problem of result.errors) writeLine(io.stderr, `Entry ${problem.index + 1}: ${problem.message}`);
    for (const warning of result.warnings) writeLine(io.stderr, `Entry ${warning.index + 1}, imported with a warning: ${warning.message}`);
    return EXIT.ok;
  },
};
