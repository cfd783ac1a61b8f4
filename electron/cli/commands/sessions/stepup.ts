// Runs in: CLI.
//
// `authdesk stepup NAME sms|push`: raises a logged-in Weavr session's assurance. SMS asks the
// code the service sent on the terminal; push waits (up to its 5 minutes) for the approval on
// the person's enrolled device.
import { AuthdeskError } from '../../../core/errors.ts';
import { escapeUnprintable } from '../../../core/otp/names.ts';
import { jsonText } from '../../account-view.ts';
import type { Command } from '../../command.ts';
import { EXIT } from '../../exit-codes.ts';
import { writeLine } from '../../io.ts';
import { profileName, sessionJson, sessionText } from '../../session-view.ts';
import { activeOrThrow, profileArguments, withProfile } from './with-profile.ts';

const METHODS = ['sms', 'push'] as const;

export const stepupCommand: Command = {
  name: 'stepup',
  summary: 'step up a logged-in session (Weavr): a code by SMS, or a push to your device',
  details: 'sms: the code the service texts you is asked on the terminal. push: approve on your enrolled Authdesk device; the command waits until the push is answered or expires (5 minutes). --json: {profile, provider, state, expiresAt, identity}.',
  usage: 'stepup NAME sms|push [--json]',
  async run(context) {
    const { io, global } = context;
    const { name, rest: [methodText = ''] } = profileArguments(stepupCommand, context, ['sms or push']);
    const method = METHODS.find((m) => m === methodText.toLowerCase());
    if (method === undefined) throw new AuthdeskError('INVALID_INPUT', `Step up with sms or push, not "${escapeUnprintable(methodText)}". Usage: authdesk ${stepupCommand.usage}`);
    const { profile, event } = await withProfile(context, name, async (core, profile) => {
      const ended = await core.sessions.stepUp(profile.id, method);
      return { profile, event: activeOrThrow(profile, ended, `The step-up of ${profileName(profile)} stopped before it finished: ${method === 'sms' ? 'no code was typed (run it on a terminal)' : 'the push was not approved'}.`) };
    });
    if (global.json) writeLine(io.stdout, jsonText(sessionJson(profile, event)));
    else writeLine(io.stdout, `${profileName(profile)}: stepped up by ${method === 'sms' ? 'SMS' : 'push'}; ${sessionText(event, Date.now())}.`);
    return EXIT.ok;
  },
};
