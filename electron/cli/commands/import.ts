// Runs in: CLI.
//
// `authdesk import`: accounts from another app's backup, an Authdesk backup, or one
// otpauth:// / otpauth-migration:// link. The whole file is read (and decrypted) before
// anything is added, so a damaged file or a wrong password adds nothing.
import { readFile } from 'node:fs/promises';
import type { Command } from '../command.ts';
import { AuthdeskError, isAuthdeskError } from '../../core/errors.ts';
import { FORMAT_IDS, FORMAT_NAMES, type FormatId, type ImportResult } from '../../core/transfer/index.ts';
import { EXIT } from '../exit-codes.ts';
import { describeFileError } from '../file-errors.ts';
import { writeLine } from '../io.ts';
import { withUnlockedCore } from '../core-session.ts';
import { passwordSource } from '../passwords.ts';

const LINK = /^otpauth(?:-migration)?:\/\//i;

function parseFormat(value: unknown): FormatId | 'auto' {
  if (value === undefined || value === 'auto') return 'auto';
  const format = FORMAT_IDS.find((id) => id === value);
  if (format === undefined) throw new AuthdeskError('INVALID_INPUT', `--format must be auto or one of: ${FORMAT_IDS.join(', ')}.`);
  return format;
}

async function readSource(source: string): Promise<Uint8Array | string> {
  if (LINK.test(source.trim())) return source.trim();
  try {
    return await readFile(source);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new AuthdeskError('NOT_FOUND', `There is no file at ${source}.`);
    if (code === 'EISDIR') throw new AuthdeskError('INVALID_INPUT', `${source} is a folder: give the backup file itself.`);
    throw new AuthdeskError('FILE_UNREADABLE', `Could not read ${source}: ${describeFileError(error)}. Check that you may read it.`);
  }
}

export const importCommand: Command = {
  name: 'import',
  summary: `add the accounts of a backup file or of one otpauth:// or otpauth-migration:// link; an encrypted file's password comes from --file-password, $AUTHDESK_FILE_PASSWORD, the line after the vault password with --password-stdin, or the terminal`,
  usage: `import <file|uri> [--format auto|${FORMAT_IDS.join('|')}] [--file-password P] [--json]`,
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
    const input = await readSource(source);
    const passwords = passwordSource(context);
    const { result, added, skipped } = await withUnlockedCore(context, async ({ transfer }) => {
      let result: ImportResult;
      const known = given ?? io.env.AUTHDESK_FILE_PASSWORD;
      try {
        result = await transfer.read(input, { format, ...(known === undefined ? {} : { password: known }) });
      } catch (error) {
        // Asked only once the file turns out to be encrypted.
        if (!isAuthdeskError(error, 'IMPORT_PASSWORD_REQUIRED') || known !== undefined) throw error;
        result = await transfer.read(input, { format, password: await passwords.other('file password', 'AUTHDESK_FILE_PASSWORD', { option: '--file-password' }) });
      }
      const { added, skipped } = await transfer.add(result);
      return { result, added: added.length, skipped };
    }, passwords);
    if (global.json) {
      writeLine(io.stdout, JSON.stringify({ format: result.format, imported: added, skipped, errors: result.errors }));
      return EXIT.ok;
    }
    const plural = added === 1 ? 'account' : 'accounts';
    writeLine(io.stdout, `Imported ${added} ${plural} from ${FORMAT_NAMES[result.format]} (${skipped} already there, skipped).`);
    for (const problem of result.errors) writeLine(io.stderr, `Entry ${problem.index + 1}: ${problem.message}`);
    return EXIT.ok;
  },
};
