// Runs in: CLI.
//
// `authdesk status`: every profile's session as the vault keeps it (active until when, as whom,
// expired, logged out), without contacting any service.
import { AuthdeskError } from '../../../core/errors.ts';
import type { SessionEvent } from '../../../core/sessions/types.ts';
import { jsonText, table } from '../../account-view.ts';
import type { Command } from '../../command.ts';
import { withUnlockedCore } from '../../core-session.ts';
import { EXIT } from '../../exit-codes.ts';
import { writeLine } from '../../io.ts';
import { sessionJson, sessionText } from '../../session-view.ts';

export const statusCommand: Command = {
  name: 'status',
  summary: "every profile's session: logged in until when and as whom, expired or logged out",
  details: '--json: [{profile, provider, state, expiresAt, identity}], one per profile, never a token.',
  usage: 'status [--json]',
  async run(context) {
    const { io, global } = context;
    if (context.positionals.length > 0) throw new AuthdeskError('INVALID_INPUT', `It takes no arguments: it shows every profile. Usage: authdesk ${statusCommand.usage}`);
    const rows = await withUnlockedCore(context, async ({ profiles, sessions }) => {
      const states = new Map(sessions.states().map((s) => [s.profileId, s]));
      return profiles.list().map((profile) => ({ profile, event: states.get(profile.id) ?? ({ state: 'logged-out', profileId: profile.id } satisfies SessionEvent) }));
    });
    const now = Date.now();
    if (global.json) writeLine(io.stdout, jsonText(rows.map(({ profile, event }) => sessionJson(profile, event))));
    else if (rows.length === 0) writeLine(io.stdout, 'There are no profiles yet. Add one with: authdesk profile add NAME --provider truenas|weavr|appgate --url URL --username USER');
    else writeLine(io.stdout, table([['PROFILE', 'PROVIDER', 'SESSION'], ...rows.map(({ profile, event }) => [profile.name, profile.provider, sessionText(event, now)])]));
    return EXIT.ok;
  },
};
