// Runs in: CLI.
//
// `authdesk profile add|edit` options turned into the profiles service's input. Everything that
// can be checked without the vault is checked first, so a typo costs no unlock; the secrets
// (the service's password or API key, Weavr's programme key) are read last, never from argv.
import { AuthdeskError } from '../../../core/errors.ts';
import { PROVIDER_TYPES, type ProfileInput } from '../../../core/app/profile-input.ts';
import type { AccountsService } from '../../../core/accounts/accounts.ts';
import { PROVIDER_NAMES } from '../../../core/providers/index.ts';
import type { ProviderType } from '../../../core/vault/model.ts';
import { findById } from '../../account-view.ts';
import type { CommandContext, OptionSpec } from '../../command.ts';
import type { PasswordSource } from '../../passwords.ts';

export const PROFILE_INPUT_OPTIONS = {
  provider: { type: 'string' },
  url: { type: 'string' },
  username: { type: 'string' },
  'otp-account': { type: 'string' },
  'api-key': { type: 'string' },
  'use-api-key': { type: 'boolean' },
  'keep-alive': { type: 'string' },
  name: { type: 'string' },
  password: { type: 'boolean' },
} as const satisfies OptionSpec;

/** The variable a script sets the profile's secret in (password, or API key with --use-api-key). */
export const PROFILE_SECRET_VARIABLE = 'AUTHDESK_PROFILE_PASSWORD';

function invalid(message: string, usage: string): AuthdeskError {
  return new AuthdeskError('INVALID_INPUT', `${message} Usage: authdesk ${usage}`);
}

/** The options as given, checked for what can be checked before the vault is open. */
export interface ProfileFlags {
  readonly name?: string;
  readonly provider?: ProviderType;
  readonly url?: string;
  readonly username?: string;
  /** An account id or a unique start of it, as `authdesk list` shows; null to unlink. */
  readonly otpAccount?: string | null;
  /** `--api-key`: Weavr's programme key (given as `-`, read by withProgrammeKey). */
  readonly programmeKey?: string;
  readonly keepAlive?: boolean;
  /** Which secret to read and save, if any. */
  readonly secret: 'password' | 'api-key' | null;
}

export function profileFlags(values: CommandContext['values'], usage: string, adding: boolean): ProfileFlags {
  const text = (name: keyof typeof PROFILE_INPUT_OPTIONS): string | undefined => {
    const value = values[name];
    return typeof value === 'string' ? value.trim() : undefined;
  };
  const providerText = text('provider')?.toLowerCase();
  const provider = PROVIDER_TYPES.find((p) => p === providerText);
  if (providerText !== undefined && provider === undefined) throw invalid(`--provider must be one of ${PROVIDER_TYPES.join(', ')}.`, usage);
  if (adding) {
    const missing = (['provider', 'url', 'username'] as const).filter((name) => !text(name));
    if (missing.length > 0) throw invalid(`Give ${missing.map((m) => `--${m}`).join(', ')}.`, usage);
  }
  for (const name of ['url', 'username', 'name'] as const) if (text(name) === '') throw invalid(`--${name} cannot be empty.`, usage);
  const keepAliveText = text('keep-alive')?.toLowerCase();
  if (keepAliveText !== undefined && keepAliveText !== 'on' && keepAliveText !== 'off') throw invalid('--keep-alive must be on or off.', usage);
  const otpAccount = text('otp-account');
  const useApiKey = values['use-api-key'] === true;
  const newSecret = adding || useApiKey || values.password === true;
  return {
    ...(text('name') === undefined ? {} : { name: text('name') }),
    ...(provider === undefined ? {} : { provider }),
    ...(text('url') === undefined ? {} : { url: text('url') }),
    ...(text('username') === undefined ? {} : { username: text('username') }),
    ...(otpAccount === undefined ? {} : { otpAccount: adding || otpAccount.toLowerCase() !== 'none' ? otpAccount : null }),
    ...(text('api-key') === undefined ? {} : { programmeKey: text('api-key') }),
    ...(keepAliveText === undefined ? {} : { keepAlive: keepAliveText === 'on' }),
    secret: newSecret ? (useApiKey ? 'api-key' : 'password') : null,
  };
}

/**
 * The flags with a programme key given as `-` read: typed unseen on a terminal, else the next
 * line of standard input, before the vault password as every secret given as `-` is.
 */
export async function withProgrammeKey(flags: ProfileFlags, passwords: PasswordSource): Promise<ProfileFlags> {
  if (flags.programmeKey !== '-') return flags;
  return { ...flags, programmeKey: await passwords.secret(`${PROVIDER_NAMES.weavr} programme API key`) };
}

/**
 * The service input for these flags, with the vault open: the OTP account resolved to its
 * full id, then the password or API key read (after the vault password on standard input).
 */
export async function profileInput(flags: ProfileFlags, context: { accounts: AccountsService; passwords: PasswordSource; provider: ProviderType; username: string }): Promise<Partial<ProfileInput>> {
  const { accounts, passwords } = context;
  const otpAccountId = flags.otpAccount === undefined || flags.otpAccount === null ? flags.otpAccount : findById(accounts.list(), flags.otpAccount).id;
  const service = PROVIDER_NAMES[context.provider];
  let credential: { secret: string; credentialKind: 'password' | 'api-key' } | undefined;
  if (flags.secret !== null) {
    const what = flags.secret === 'api-key' ? `${service} API key for ${context.username}` : `${service} password for ${context.username}`;
    const secret = await passwords.other(what, PROFILE_SECRET_VARIABLE);
    if (secret === '') throw new AuthdeskError('INVALID_INPUT', `The ${what} is empty; nothing was saved.`);
    credential = { secret, credentialKind: flags.secret };
  }
  return {
    ...(flags.name === undefined ? {} : { name: flags.name }),
    ...(flags.provider === undefined ? {} : { provider: flags.provider }),
    ...(flags.url === undefined ? {} : { url: flags.url }),
    ...(flags.username === undefined ? {} : { username: flags.username }),
    ...(otpAccountId === undefined ? {} : { otpAccountId }),
    ...(flags.keepAlive === undefined ? {} : { keepAlive: flags.keepAlive }),
    ...credential,
    ...(flags.programmeKey === undefined ? {} : { programmeKey: flags.programmeKey }),
  };
}
