// Runs in: CLI.
//
// `authdesk export`: the accounts in another app's format or as an Authdesk encrypted backup.
// Note (password): the vault is opened with its password on every run (withUnlockedCore asks
// for it; the CLI has no keychain or cached key), so an export can never happen without the
// vault password having been given again.
import { access, chmod, writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Command } from '../command.ts';
import { AuthdeskError } from '../../core/errors.ts';
import { ENCRYPTED_EXPORTS, EXPORT_FORMATS } from '../../core/app/transfer.ts';
import { MIN_PASSWORD_LENGTH } from '../../core/vault/vault.ts';
import { EXIT } from '../exit-codes.ts';
import { describeFileError } from '../file-errors.ts';
import { SECRETS } from '../help.ts';
import { writeLine } from '../io.ts';
import { withUnlockedCore } from '../core-session.ts';
import { passwordSource, type PasswordSource } from '../passwords.ts';


interface OutputFile {
  readonly path: string;
  readonly bytes: Uint8Array | string;
}

function invalid(message: string): AuthdeskError {
  return new AuthdeskError('INVALID_INPUT', message);
}

function alreadyThere(path: string): AuthdeskError {
  return invalid(`${path} already exists; nothing was written. Add --force to replace it.`);
}

async function exportPassword(passwords: PasswordSource, given: string | undefined): Promise<string> {
  const password = await passwords.other('export password', 'AUTHDESK_EXPORT_PASSWORD', { option: '--export-password', given, confirm: true });
  if ([...password].length < MIN_PASSWORD_LENGTH) throw invalid(`The export password must be at least ${MIN_PASSWORD_LENGTH} characters long.`);
  return password;
}

/** Writes a new file only the user can read; an existing one only with --force. */
async function writePrivate(file: OutputFile, force: boolean): Promise<void> {
  try {
    await writeFile(file.path, file.bytes, { mode: 0o600, flag: force ? 'w' : 'wx' });
    // An overwritten file keeps its old mode otherwise.
    await chmod(file.path, 0o600);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw alreadyThere(file.path);
    throw new AuthdeskError('EXPORT_FAILED', `Could not write ${file.path}: ${describeFileError(error)}. Check the path and that you may write to its folder.`);
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/** FILE-1.png, FILE-2.png ... beside the URI list, without its extension. */
function qrPath(out: string, index: number): string {
  const extension = extname(out);
  return `${extension === '' ? out : out.slice(0, -extension.length)}-${index + 1}.png`;
}

export const exportCommand: Command = {
  name: 'export',
  summary: 'write the accounts as an Authdesk backup or for another app',
  details: `Asks for the vault password, and for an export password for the encrypted formats (authdesk, aegis): from $AUTHDESK_EXPORT_PASSWORD, the next --password-stdin line, the terminal, or --export-password (- for the terminal or the next line of standard input).\n\nSecrets: ${SECRETS}`,
  usage: `export --format ${EXPORT_FORMATS.join('|')} [--out FILE] [--force] [--export-password P|-] [--json]`,
  options: { format: { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean' }, 'export-password': { type: 'string' } },
  async run(context) {
    const { io, global, positionals, values } = context;
    const format = EXPORT_FORMATS.find((f) => f === values.format);
    if (format === undefined || positionals.length > 0) {
      writeLine(io.stderr, `authdesk export: --format must be one of ${EXPORT_FORMATS.join(', ')}.\nUsage: authdesk ${exportCommand.usage}`);
      return EXIT.usage;
    }
    const out = typeof values.out === 'string' ? values.out : undefined;
    if (format === 'authdesk' && out === undefined) throw invalid('An Authdesk backup is a binary file: give --out FILE.');
    // Checked again when writing; here only so the user is not asked for passwords in vain.
    if (out !== undefined && values.force !== true && (await exists(out))) throw alreadyThere(out);
    const given = typeof values['export-password'] === 'string' ? values['export-password'] : undefined;
    const passwords = passwordSource(context);
    const { files, count, skipped } = await withUnlockedCore(context, async ({ transfer }) => {
      const secret = ENCRYPTED_EXPORTS.includes(format) ? await exportPassword(passwords, given) : '';
      const result = await transfer.export(format, secret);
      const target = out ?? '-';
      const images = out === undefined ? [] : result.qrCodes.map((png, i) => ({ path: qrPath(out, i), bytes: png }));
      return { files: [{ path: target, bytes: result.content }, ...images], count: result.count, skipped: result.skipped };
    }, passwords);
    if (!ENCRYPTED_EXPORTS.includes(format)) writeLine(io.stderr, 'Warning: this export is NOT encrypted. Anyone who reads it can make your codes: keep it safe and delete it when done.');
    if (skipped.length > 0) writeLine(io.stderr, `${skipped.length} account(s) were left out: Google Authenticator cannot hold them (Steam, 7 digits, or a period other than 30 s).`);
    if (out === undefined) {
      io.stdout.write(files[0]?.bytes ?? '');
      return EXIT.ok;
    }
    const force = values.force === true;
    // All names are checked first, so a QR image in the way does not leave half an export behind.
    for (const file of files) if (!force && (await exists(file.path))) throw alreadyThere(file.path);
    for (const file of files) await writePrivate(file, force);
    if (global.json) writeLine(io.stdout, JSON.stringify({ format, accounts: count, files: files.map((f) => f.path), skipped }));
    else writeLine(io.stdout, `Exported ${count} account(s) to ${files.map((f) => f.path).join(', ')}.`);
    return EXIT.ok;
  },
};
