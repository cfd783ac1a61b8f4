// Runs in: CLI.
//
// `authdesk login NAME`: logs in with the profile's saved password, answering the code step
// from its linked account (or asking on the terminal), and keeps the session in the vault for
// the other commands. A certificate met for the first time is asked about on a terminal;
// without one the login stops and says how to trust it.
//
// Note (--show-token): the one way a token leaves Authdesk, for scripts that call the service
// themselves. It is read from the vault's stored session, which is where sessions/ keeps it
// (app/sessions.ts's token store), since no service call returns a token.
import type { Core } from '../../../core/app/core.ts';
import type { ProfileView } from '../../../core/app/profile-input.ts';
import type { SessionEvent } from '../../../core/sessions/types.ts';
import { declinedQuestions } from '../../terminal-prompt.ts';
import { escapeUnprintable } from '../../../core/otp/names.ts';
import type { Command } from '../../command.ts';
import { EXIT } from '../../exit-codes.ts';
import { writeLine } from '../../io.ts';
import { jsonText } from '../../account-view.ts';
import { profileName, sessionJson, sessionText } from '../../session-view.ts';
import { activeOrThrow, profileArguments, withProfile } from './with-profile.ts';

/** A login that ended because the certificate question was declined, as the error that names the fingerprint. */
function certificateDeclined(profile: ProfileView, event: SessionEvent, fingerprint: string | null): SessionEvent {
  if (event.state !== 'logged-out' || fingerprint === null) return event;
  const message = `${profileName(profile)} presented a certificate no authority on this computer vouches for, and it was not trusted.`;
  return { profileId: event.profileId, state: 'error', error: { code: 'CERT_UNTRUSTED', message, details: { fingerprint } } };
}

function storedToken(core: Core, profileId: string): string | null {
  return core.vault.unlocked().data().sessions.find((s) => s.profileId === profileId)?.token ?? null;
}

export const loginCommand: Command = {
  name: 'login',
  summary: "log in to a profile's service, answering its code step from the vault",
  details: '--json: {profile, provider, state, expiresAt, identity}; on failure the error goes to standard error with exit 4 (the service or the network) or 5 (no such profile). The password and the token are never printed; --show-token adds the token to the output, for scripts that call the service themselves.\n\nA code the linked account cannot give is asked on the terminal. A server whose certificate no system authority vouches for shows its SHA-256 fingerprint to compare; without a terminal the login stops and names the "authdesk profile trust" command to run.',
  usage: 'login NAME [--json] [--show-token]',
  options: { 'show-token': { type: 'boolean' } },
  async run(context) {
    const { io, global, values } = context;
    const { name } = profileArguments(loginCommand, context, []);
    const { profile, event, token } = await withProfile(context, name, async (core, profile) => {
      const ended = certificateDeclined(profile, await core.sessions.login(profile.id), declinedQuestions(core.ports.prompt).certificate);
      const event = activeOrThrow(profile, ended, `The login to ${profileName(profile)} stopped before it finished: a question it asked was not answered. Run it on a terminal, or link an OTP account with: authdesk profile edit ${escapeUnprintable(profile.name)} --otp-account ID`);
      return { profile, event, token: values['show-token'] === true ? storedToken(core, profile.id) : null };
    });
    const shown = token === null ? {} : { token };
    if (global.json) writeLine(io.stdout, jsonText({ ...sessionJson(profile, event), ...shown }));
    else {
      writeLine(io.stdout, `${profileName(profile)}: ${sessionText(event, Date.now())}.`);
      if (token !== null) writeLine(io.stdout, token);
    }
    return EXIT.ok;
  },
};
