// Runs in: CLI.
//
// `authdesk logout NAME`: forgets the session here and asks the service to end it. When the
// service cannot be told, the session is still forgotten here and the exit is 4 with why.
import { jsonText } from '../../account-view.ts';
import type { Command } from '../../command.ts';
import { EXIT } from '../../exit-codes.ts';
import { writeLine } from '../../io.ts';
import { profileName } from '../../session-view.ts';
import { profileArguments, withProfile } from './with-profile.ts';

export const logoutCommand: Command = {
  name: 'logout',
  summary: "log out of a profile's service and forget its session",
  details: 'The session is forgotten here even when the service cannot be told (then the exit is 4, saying why); the service ends it at its expiry. --json: {profile, provider, state}.',
  usage: 'logout NAME [--json]',
  async run(context) {
    const { io, global } = context;
    const { name } = profileArguments(logoutCommand, context, []);
    const profile = await withProfile(context, name, async (core, profile) => {
      await core.sessions.logout(profile.id);
      return profile;
    });
    if (global.json) writeLine(io.stdout, jsonText({ profile: profile.name, provider: profile.provider, state: 'logged-out' }));
    else writeLine(io.stdout, `${profileName(profile)}: logged out.`);
    return EXIT.ok;
  },
};
