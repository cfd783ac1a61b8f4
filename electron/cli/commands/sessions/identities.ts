// Runs in: CLI.
//
// `authdesk identities NAME` and `authdesk switch NAME IDENTITY`: who a Weavr session may act
// as, and acting as another. IDENTITY is an id or a name as `identities` prints them.
import type { ProfileView } from '../../../core/app/profile-input.ts';
import { AuthdeskError } from '../../../core/errors.ts';
import { escapeUnprintable } from '../../../core/otp/names.ts';
import type { Identity } from '../../../core/providers/index.ts';
import { jsonText, table } from '../../account-view.ts';
import type { Command } from '../../command.ts';
import { EXIT } from '../../exit-codes.ts';
import { writeLine } from '../../io.ts';
import { profileName, sessionJson, sessionText } from '../../session-view.ts';
import { activeOrThrow, profileArguments, withProfile } from './with-profile.ts';

const onlyOne = <T>(items: readonly T[]): T | undefined => (items.length === 1 ? items[0] : undefined);

/**
 * The identity with this id (or the one whose id ends in ":" and this, as Weavr's
 * "CORPORATE:3002" for 3002), else the one with this name ignoring case; NOT_FOUND otherwise.
 */
function findIdentity(profile: ProfileView, identities: readonly Identity[], text: string): Identity {
  const byId = identities.find((i) => i.id === text) ?? onlyOne(identities.filter((i) => i.id.endsWith(`:${text}`)));
  if (byId !== undefined) return byId;
  const byName = identities.filter((i) => i.name.toLowerCase() === text.toLowerCase());
  const named = onlyOne(byName);
  if (named !== undefined) return named;
  const why = byName.length > 1 ? `${byName.length} identities are named "${escapeUnprintable(text)}": give its id.` : `${profileName(profile)} has no identity "${escapeUnprintable(text)}".`;
  throw new AuthdeskError(byName.length > 1 ? 'INVALID_INPUT' : 'NOT_FOUND', `${why} "authdesk identities ${escapeUnprintable(profile.name)}" lists them.`);
}

export const identitiesCommand: Command = {
  name: 'identities',
  summary: 'list the identities a logged-in session may act as (Weavr), the current one marked',
  details: '--json: {profile, current, identities: [{id, name}]}.',
  usage: 'identities NAME [--json]',
  async run(context) {
    const { io, global } = context;
    const { name } = profileArguments(identitiesCommand, context, []);
    const { profile, current, identities } = await withProfile(context, name, async (core, profile) => ({ profile, ...(await core.sessions.identities(profile.id)) }));
    if (global.json) writeLine(io.stdout, jsonText({ profile: profile.name, current, identities }));
    else if (identities.length === 0) writeLine(io.stdout, `${profileName(profile)} has no identities to act as.`);
    else {
      writeLine(io.stdout, table([['', 'ID', 'NAME'], ...identities.map((i) => [i.id === current ? '*' : '', i.id, i.name])]));
      writeLine(io.stdout, `Switch with: authdesk switch ${escapeUnprintable(profile.name)} ID`);
    }
    return EXIT.ok;
  },
};

export const switchCommand: Command = {
  name: 'switch',
  summary: 'make a logged-in session act as another of its identities (Weavr)',
  details: 'IDENTITY is an id or a name, as "authdesk identities NAME" shows. --json: {profile, provider, state, expiresAt, identity}.',
  usage: 'switch NAME IDENTITY [--json]',
  async run(context) {
    const { io, global } = context;
    const { name, rest: [wanted = ''] } = profileArguments(switchCommand, context, ['IDENTITY']);
    const { profile, event } = await withProfile(context, name, async (core, profile) => {
      const { identities } = await core.sessions.identities(profile.id);
      const identity = findIdentity(profile, identities, wanted);
      const ended = await core.sessions.switchIdentity(profile.id, identity.id);
      return { profile, event: activeOrThrow(profile, ended, `${profileName(profile)} is no longer logged in. Log in again with: authdesk login ${escapeUnprintable(profile.name)}`) };
    });
    if (global.json) writeLine(io.stdout, jsonText(sessionJson(profile, event)));
    else writeLine(io.stdout, `${profileName(profile)}: ${sessionText(event, Date.now())}.`);
    return EXIT.ok;
  },
};
