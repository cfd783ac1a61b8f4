// Runs in: CLI.
//
// `authdesk profile add|edit|list|remove|trust`: the services Authdesk logs in to. A profile's
// password or API key is kept in the vault and read from a terminal (echo off),
// AUTHDESK_PROFILE_PASSWORD or --password-stdin, never from an argument; nothing prints it.
import type { ProfileView } from '../../../core/app/profile-input.ts';
import { AuthdeskError } from '../../../core/errors.ts';
import { escapeUnprintable } from '../../../core/otp/names.ts';
import { jsonText, table } from '../../account-view.ts';
import type { Command, CommandContext } from '../../command.ts';
import { withUnlockedCore } from '../../core-session.ts';
import { EXIT } from '../../exit-codes.ts';
import { SECRETS } from '../../help.ts';
import { writeLine } from '../../io.ts';
import { passwordSource } from '../../passwords.ts';
import { findProfile, profileName } from '../../session-view.ts';
import { PROFILE_INPUT_OPTIONS, PROFILE_SECRET_VARIABLE, profileFlags, profileInput, withProgrammeKey } from './profile-input.ts';

const USAGE = {
  add: 'profile add NAME --provider truenas|weavr|appgate --url URL --username USER [--otp-account ID] [--api-key KEY|-] [--use-api-key] [--keep-alive on|off] [--json]',
  edit: 'profile edit NAME [--name NEW] [--url URL] [--username USER] [--otp-account ID|none] [--password] [--use-api-key] [--api-key KEY|-] [--keep-alive on|off] [--json]',
  list: 'profile list [--json]',
  remove: 'profile remove NAME [--json]',
  trust: 'profile trust NAME --fingerprint SHA256 [--json]',
} as const;
type Action = keyof typeof USAGE;

// The options each action takes; another one is a mistake worth saying, not ignoring.
const ALLOWED: Record<Action, readonly string[]> = {
  add: ['provider', 'url', 'username', 'otp-account', 'api-key', 'use-api-key', 'keep-alive'],
  edit: ['name', 'url', 'username', 'otp-account', 'api-key', 'use-api-key', 'keep-alive', 'password'],
  list: [],
  remove: [],
  trust: ['fingerprint'],
};

function invalid(message: string, action: Action): AuthdeskError {
  return new AuthdeskError('INVALID_INPUT', `${message} Usage: authdesk ${USAGE[action]}`);
}

/**
 * A fingerprint as people copy it: with or without colons, in either case, after a label such
 * as openssl's "sha256 Fingerprint=". Anything else is passed on for the service to refuse.
 */
function fingerprintText(given: string): string {
  const hex = given.replace(/^.*=/, '').replace(/[\s:]/g, '').toUpperCase();
  return /^[0-9A-F]{64}$/.test(hex) ? (hex.match(/../g) ?? []).join(':') : given.trim();
}

function profileJson(profile: ProfileView) {
  const { id, name, provider, baseUrl, username, credential, otpAccountId, keepAlive, programmeKeySet, certificate } = profile;
  return { id, name, provider, url: baseUrl, username, credential, otpAccountId, keepAlive, programmeKeySet, certificate };
}

function describe(profile: ProfileView): string {
  const secret = profile.credential === null ? 'no password saved' : profile.credential === 'api-key' ? 'API key saved' : 'password saved';
  const otp = profile.otpAccountId === null ? 'codes asked on the terminal' : 'codes from a linked account';
  return `${profileName(profile)} at ${escapeUnprintable(profile.baseUrl)}, user ${escapeUnprintable(profile.username)}; ${secret}, ${otp}`;
}

async function run(action: Action, context: CommandContext, name: string | undefined): Promise<ProfileView | readonly ProfileView[]> {
  const { values } = context;
  if (action === 'add' || action === 'edit') {
    const passwords = passwordSource(context);
    const flags = await withProgrammeKey(profileFlags(values, USAGE[action], action === 'add'), passwords);
    return withUnlockedCore(context, async ({ profiles, accounts }) => {
      const existing = action === 'edit' ? findProfile(profiles.list(), name ?? '') : null;
      const provider = flags.provider ?? existing?.provider;
      if (provider === undefined) throw invalid('Give --provider.', action);
      const input = await profileInput(flags, { accounts, passwords, provider, username: flags.username ?? existing?.username ?? '' });
      if (existing === null) return profiles.create({ name: name ?? '', provider, url: flags.url ?? '', username: flags.username ?? '', ...input });
      return profiles.edit(existing.id, input);
    }, passwords);
  }
  return withUnlockedCore(context, async ({ profiles }) => {
    if (action === 'list') return profiles.list();
    const profile = findProfile(profiles.list(), name ?? '');
    if (action === 'remove') {
      await profiles.remove(profile.id);
      return profile;
    }
    return profiles.trustCertificate(profile.id, fingerprintText(typeof values.fingerprint === 'string' ? values.fingerprint : ''));
  });
}

function report(action: Action, context: CommandContext, result: ProfileView | readonly ProfileView[]): void {
  const { io, global } = context;
  if (Array.isArray(result)) {
    const list = result as readonly ProfileView[];
    if (global.json) writeLine(io.stdout, jsonText(list.map(profileJson)));
    else if (list.length === 0) writeLine(io.stdout, `There are no profiles yet. Add one with: authdesk ${USAGE.add}`);
    else writeLine(io.stdout, table([['NAME', 'PROVIDER', 'USER', 'URL', 'OTP'], ...list.map((p) => [p.name, p.provider, p.username, p.baseUrl, p.otpAccountId === null ? 'asked' : 'linked'])]));
    return;
  }
  const profile = result as ProfileView;
  if (global.json) {
    writeLine(io.stdout, jsonText(action === 'remove' ? { removed: profile.name } : profileJson(profile)));
    return;
  }
  const name = escapeUnprintable(profile.name);
  const lines = {
    add: `Added ${describe(profile)}. Log in with: authdesk login ${name}`,
    edit: `Saved ${describe(profile)}.`,
    remove: `Removed ${profileName(profile)} and its saved password; its linked OTP account stays in the vault.`,
    trust: `${profileName(profile)} now trusts the certificate ${profile.certificate ?? ''}. Log in with: authdesk login ${name}`,
    list: '',
  };
  writeLine(io.stdout, lines[action]);
}

export const profileCommand: Command = {
  name: 'profile',
  summary: 'add, edit, list or remove the services Authdesk logs in to (TrueNAS, Weavr, Appgate)',
  details: [
    ...Object.values(USAGE).map((usage) => `authdesk ${usage}`),
    '--url takes what you would paste: the address a server prints (ws://host:port/api/current), or a bare https://host; Authdesk completes it to the service\'s endpoint.',
    `The password (or, with --use-api-key, a TrueNAS API key) is asked on a terminal with echo off, or read from ${PROFILE_SECRET_VARIABLE}, or from the line after the vault password with --password-stdin; it is kept in the vault and never printed. "profile edit" keeps the saved one unless --password or --use-api-key is given. --api-key is Weavr's programme key (- types it unseen on a terminal, or reads the next line of standard input). --otp-account takes an id from "authdesk list": that account answers the login's code step; without one, the code is asked on the terminal. --keep-alive on keeps a Weavr session from lapsing after 5 idle minutes.`,
    '"profile trust" pins a server\'s certificate after you compared its SHA-256 fingerprint (a login that meets a new certificate names it and this command). "profile remove" logs the session out and removes the saved password; the linked OTP account stays in the vault.',
    `Secrets: ${SECRETS}`,
  ].join('\n\n'),
  usage: 'profile add|edit|list|remove|trust [NAME] [options]',
  options: { ...PROFILE_INPUT_OPTIONS, fingerprint: { type: 'string' } },
  async run(context) {
    const [actionText, name, ...extra] = context.positionals;
    const action = Object.hasOwn(USAGE, actionText ?? '') ? (actionText as Action) : null;
    if (action === null) throw new AuthdeskError('INVALID_INPUT', `Say what to do with profiles: add, edit, list, remove or trust. Usage: authdesk ${profileCommand.usage}`);
    if (action === 'list' ? name !== undefined : name === undefined || name.trim() === '' || extra.length > 0) {
      throw invalid(action === 'list' ? 'It takes no NAME.' : 'Give exactly one profile NAME (quote it if it has spaces).', action);
    }
    const stray = Object.keys(PROFILE_INPUT_OPTIONS).concat('fingerprint').filter((option) => context.values[option] !== undefined && !ALLOWED[action].includes(option));
    if (stray.length > 0) throw invalid(`"profile ${action}" does not take ${stray.map((s) => `--${s}`).join(', ')}.`, action);
    if (action === 'trust' && typeof context.values.fingerprint !== 'string') throw invalid('Give the certificate\'s --fingerprint, as the failed login printed it.', action);
    report(action, context, await run(action, context, name?.trim()));
    return EXIT.ok;
  },
};
