// Runs in: CLI.
//
// What login, logout, identities, switch and stepup share: exactly the arguments they name
// (the profile's NAME first), the vault unlocked, the profile found by name, and a session that
// ended in an error turned into that error with the next step (session-view.ts).
import type { ProfileView } from '../../../core/app/profile-input.ts';
import type { Core } from '../../../core/app/core.ts';
import { AuthdeskError } from '../../../core/errors.ts';
import type { SessionEvent } from '../../../core/sessions/types.ts';
import type { Command, CommandContext } from '../../command.ts';
import { withUnlockedCore } from '../../core-session.ts';
import { writeLine } from '../../io.ts';
import { findProfile, profileName, sessionFailure, untilText } from '../../session-view.ts';

/** The positionals after NAME, exactly `count` of them (each non-empty), or a usage error. */
export function profileArguments(command: Command, context: CommandContext, names: readonly string[]): { name: string; rest: string[] } {
  const [name, ...rest] = context.positionals.map((p) => p.trim());
  if (name === undefined || name === '' || rest.length !== names.length || rest.includes('')) {
    const wanted = ['the profile NAME', ...names].join(' and ');
    throw new AuthdeskError('INVALID_INPUT', `Give ${wanted} (quote a name with spaces). Usage: authdesk ${command.usage}`);
  }
  return { name, rest };
}

/**
 * Runs fn on the named profile with the vault unlocked. A wait for approval elsewhere (an
 * Appgate push, a Weavr push step-up) is told on standard error while it lasts, with its expiry.
 */
export function withProfile<T>(context: CommandContext, name: string, fn: (core: Core, profile: ProfileView) => Promise<T>): Promise<T> {
  return withUnlockedCore(context, async (core) => {
    const profile = findProfile(core.profiles.list(), name);
    const stop = core.sessions.onState((event) => {
      if (event.profileId !== profile.id || event.state !== 'awaiting-approval') return;
      const until = event.until === null ? '' : ` Waiting ${untilText(event.until, Date.now())}.`;
      writeLine(context.io.stderr, `${profileName(profile)}: ${event.message}${until}`);
    });
    try {
      return await fn(core, profile);
    } finally {
      stop();
    }
  });
}

/** The event, when the session is active; its error, with what to do next, otherwise. */
export function activeOrThrow(profile: ProfileView, event: SessionEvent, whenNot: string): SessionEvent & { state: 'active' } {
  if (event.state === 'active') return event;
  if (event.state === 'error') throw sessionFailure(profile, event);
  throw new AuthdeskError('LOGIN_CANCELLED', whenNot);
}
