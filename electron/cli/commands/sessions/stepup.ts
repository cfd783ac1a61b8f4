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
import { declinedQuestions } from '../../terminal-prompt.ts';
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
      const event = activeOrThrow(profile, ended, `${profileName(profile)} is no longer logged in. Log in again with: authdesk login ${escapeUnprintable(profile.name)}`);
      // A declined code keeps the session as it was, which is not a step-up.
      if (declinedQuestions(core.ports.prompt).code) throw new AuthdeskError('LOGIN_CANCELLED', `${profileName(profile)} was not stepped up: no code was typed. Run it on a terminal and type the code from the SMS; the session stays as it was.`);
      return { profile, event };
    });
    if (global.json) writeLine(io.stdout, jsonText(sessionJson(profile, event)));
    else writeLine(io.stdout, `${profileName(profile)}: stepped up by ${method === 'sms' ? 'SMS' : 'push'}; ${sessionText(event, Date.now())}.`);
    return EXIT.ok;
  },
};
