// Runs in: CLI.
//
// `authdesk export`: the accounts in another app's format or as an Authdesk encrypted backup.
// Note (password): the vault is opened with its password on every run (withUnlockedCore asks
// for it; the CLI has no keychain or cached key), so an export can never happen without the
// vault password having been given again.
//
// Note (output files): a target that is one of the vault's own files (by name, or through a
// symlink or hard link by identity) is refused even with --force, and so is a symlink: writing
// through it would follow it, and replacing it would quietly break what it is for. --force
// writes a new 0600 file beside the target and renames it over (atomic-file.ts writeOwnFile),
// so an old file is replaced whole, never written into. The export is all or nothing, and the
// "NOT encrypted" warning is printed only once it is written.
import { lstat, unlink } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Command } from '../command.ts';
import { AuthdeskError } from '../../core/errors.ts';
import { ENCRYPTED_EXPORTS, EXPORT_FORMATS } from '../../core/app/transfer.ts';
import { writeOwnFile } from '../../core/vault/atomic-file.ts';
import { isVaultFile } from '../../core/vault/own-files.ts';
import { MIN_PASSWORD_LENGTH } from '../../core/vault/vault.ts';
import { EXIT } from '../exit-codes.ts';
import { describeFileError } from '../../core/platform/file-errors.ts';
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

/** Refuses the vault's own files and symlinks whatever --force says, and an existing file without it. */
async function checkTarget(path: string, vaultPath: string, force: boolean): Promise<void> {
  if (await isVaultFile(path, vaultPath)) {
    throw invalid(`${path} is one of the vault's own files; nothing was written, and --force does not change that. Choose another --out.`);
  }
  const found = await lstat(path).catch(() => null);
  if (found?.isSymbolicLink()) throw invalid(`${path} is a symbolic link; nothing was written. Give the path of the file itself.`);
  if (found !== null && !force) throw alreadyThere(path);
}

/** Writes every file or, if one fails, removes those already written. */
async function writeAllOrNothing(files: readonly OutputFile[], force: boolean): Promise<void> {
  const written: string[] = [];
  for (const file of files) {
    try {
      await writeOwnFile(file.path, typeof file.bytes === 'string' ? Buffer.from(file.bytes) : file.bytes, force);
      written.push(file.path);
    } catch (error) {
      for (const path of written) await unlink(path).catch(() => undefined);
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') throw alreadyThere(file.path);
      throw new AuthdeskError('EXPORT_FAILED', `Could not write ${file.path}: ${describeFileError(error)}; nothing was exported. Check the path and that you may write to its folder.`);
    }
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
    const force = values.force === true;
    // Checked again when writing; here only so the user is not asked for passwords in vain.
    if (out !== undefined) await checkTarget(out, global.vaultPath, force);
    const given = typeof values['export-password'] === 'string' ? values['export-password'] : undefined;
    const passwords = passwordSource(context);
    const { files, count, skipped } = await withUnlockedCore(context, async ({ transfer }) => {
      const secret = ENCRYPTED_EXPORTS.includes(format) ? await exportPassword(passwords, given) : '';
      // Written to standard output, the links have no images beside them: none are drawn.
      const result = await transfer.export(format, secret, { qrCodes: out !== undefined });
      const target = out ?? '-';
      const images = out === undefined ? [] : result.qrCodes.map((png, i) => ({ path: qrPath(out, i), bytes: png }));
      return { files: [{ path: target, bytes: result.content }, ...images], count: result.count, skipped: result.skipped };
    }, passwords);
    // All names are checked first, so a QR image in the way does not leave half an export behind.
    if (out !== undefined) for (const file of files) await checkTarget(file.path, global.vaultPath, force);
    if (out === undefined) io.stdout.write(files[0]?.bytes ?? '');
    else await writeAllOrNothing(files, force);
    if (!ENCRYPTED_EXPORTS.includes(format)) writeLine(io.stderr, 'Warning: this export is NOT encrypted. Anyone who reads it can make your codes: keep it safe and delete it when done.');
    if (skipped.length > 0) writeLine(io.stderr, `${skipped.length} account(s) were left out: Google Authenticator cannot hold them (Steam, 7 digits, or a period other than 30 s).`);
    if (out === undefined) return EXIT.ok;
    if (global.json) writeLine(io.stdout, JSON.stringify({ format, accounts: count, files: files.map((f) => f.path), skipped }));
    else writeLine(io.stdout, `Exported ${count} account(s) to ${files.map((f) => f.path).join(', ')}.`);
    return EXIT.ok;
  },
};
