// Runs in: CLI.
//
// `authdesk add`: one account from an otpauth:// link or from options. An account with the
// same secret, issuer and name is not added twice; that is reported, not an error.
import type { Command, CommandContext, OptionSpec } from '../command.ts';
import { AuthdeskError } from '../../core/errors.ts';
import { OTP_TYPES, otpParams, parseAlgorithm, weakSecretWarning, type OtpEntry } from '../../core/otp/entry.ts';
import { parseOtpauthUri } from '../../core/otp/uri.ts';
import { accountJson, accountName, jsonText, shortIds } from '../account-view.ts';
import { EXIT } from '../exit-codes.ts';
import { SECRETS } from '../help.ts';
import { writeLine } from '../io.ts';
import { withUnlockedCore } from '../core-session.ts';
import { passwordSource, type PasswordSource } from '../passwords.ts';

const OPTIONS = {
  issuer: { type: 'string' }, label: { type: 'string' }, secret: { type: 'string' }, type: { type: 'string' },
  algorithm: { type: 'string' }, digits: { type: 'string' }, period: { type: 'string' }, counter: { type: 'string' },
} as const satisfies OptionSpec;

function usage(message: string): AuthdeskError {
  return new AuthdeskError('INVALID_INPUT', `${message} Usage: authdesk ${addCommand.usage}`);
}

function integerOption(values: CommandContext['values'], name: string): number | undefined {
  const value = values[name];
  if (typeof value !== 'string') return undefined;
  if (!/^\d{1,16}$/.test(value.trim())) throw usage(`--${name} must be a whole number.`);
  return Number(value.trim());
}

async function entryFromOptions(values: CommandContext['values'], passwords: PasswordSource, terminal: boolean): Promise<OtpEntry> {
  const text = (name: string) => (typeof values[name] === 'string' ? values[name] : undefined);
  const given = text('secret');
  if (given === undefined && !terminal) throw usage('Give an otpauth:// link (or - to read it from standard input), or the account with --secret and --issuer or --label.');
  const issuer = text('issuer')?.trim() ?? '';
  const label = text('label')?.trim() ?? '';
  if (issuer === '' && label === '') throw usage('Give --issuer or --label, so the account can be told apart from others.');
  const typeText = text('type')?.trim().toLowerCase() ?? 'totp';
  const type = OTP_TYPES.find((t) => t === typeText);
  if (type === undefined) throw usage(`--type must be one of ${OTP_TYPES.join(', ')}.`);
  const algorithmText = text('algorithm');
  const algorithm = algorithmText === undefined ? undefined : parseAlgorithm(algorithmText);
  if (algorithm === null) throw usage('--algorithm must be SHA1, SHA256 or SHA512.');
  const digits = integerOption(values, 'digits');
  const period = integerOption(values, 'period');
  const counter = integerOption(values, 'counter');
  // Asked last, so a mistake in the other options costs no typing.
  const secret = given === undefined || given === '-' ? await passwords.secret('secret (Base32)') : given;
  return { issuer, label, otp: otpParams({ type, secret, algorithm, digits, period, counter }) };
}

function entryFromLink(link: string): OtpEntry {
  if (/^\s*otpauth-migration:/i.test(link)) {
    throw new AuthdeskError('INVALID_INPUT', "This is a Google Authenticator export link (otpauth-migration://), which holds a list of accounts: add them with authdesk import '<link>', or authdesk import - to paste it unseen.");
  }
  return parseOtpauthUri(link);
}

export const addCommand: Command = {
  name: 'add',
  summary: 'add an account from an otpauth:// link, or from --secret and --issuer/--label',
  details: `An account already there is skipped. A Google Authenticator export link (otpauth-migration://) goes to "authdesk import". Give the link or the secret as - to type it unseen on a terminal or read it from standard input; without either, a terminal is asked for it.\n\nSecrets: ${SECRETS}`,
  usage: 'add <otpauth-uri|-> | add --secret BASE32|- --issuer NAME --label NAME [--type totp|hotp|steam] [--algorithm SHA1|SHA256|SHA512] [--digits N] [--period S] [--counter N] [--json]',
  options: OPTIONS,
  async run(context) {
    const { io, global, positionals, values } = context;
    const [uri, ...extra] = positionals;
    if (extra.length > 0) throw usage('Give one otpauth:// link at a time.');
    const withOptions = Object.keys(OPTIONS).some((name) => values[name] !== undefined);
    if (uri !== undefined && withOptions) throw usage('Give either an otpauth:// link or the options, not both.');
    const passwords = passwordSource(context);
    const terminal = io.stdin.isTTY === true;
    // Checked before the password is asked, so a typo costs no unlock.
    let entry: OtpEntry;
    if (uri === undefined && (withOptions || !terminal)) entry = await entryFromOptions(values, passwords, terminal);
    else entry = entryFromLink(uri === undefined || uri === '-' ? await passwords.secret('otpauth:// link') : uri);
    const { account, added, id } = await withUnlockedCore(context, async ({ accounts }) => {
      const result = await accounts.add(entry);
      return { ...result, id: shortIds(accounts.list()).get(result.account.id) ?? result.account.id };
    }, passwords);
    const weak = added ? weakSecretWarning(account.otp) : null;
    if (weak !== null) writeLine(io.stderr, `Warning: ${weak}`);
    if (global.json) writeLine(io.stdout, jsonText({ added, account: accountJson(account) }));
    else if (added) writeLine(io.stdout, `Added ${accountName(account)}, id ${id}.`);
    else writeLine(io.stdout, `${accountName(account)} is already in the vault with the same secret (id ${id}): nothing was added.`);
    return EXIT.ok;
  },
};
