// Runs in: CLI.
//
// What approvals, approve and deny share: the vault unlocked, every enrolled profile's challenge
// stream opened and caught up (what the server kept for this device handled, so the pending
// list is current), and the streams closed again before the vault locks.
import type { Core } from '../../../core/app/core.ts';
import type { PendingApproval } from '../../../core/api/types.ts';
import { AuthdeskError } from '../../../core/errors.ts';
import { escapeUnprintable } from '../../../core/otp/names.ts';
import type { CommandContext } from '../../command.ts';
import { withUnlockedCore } from '../../core-session.ts';

export function withStreams<T>(context: CommandContext, fn: (core: Core) => Promise<T>): Promise<T> {
  return withUnlockedCore(context, async (core) => {
    if (core.devices.enrolments().length === 0 && core.vault.unlocked().data().devices.length === 0) {
      throw new AuthdeskError('NOT_FOUND', 'No profile is enrolled on this computer for push approvals. Enrol one with: authdesk devices enrol PROFILE --pairing LINK');
    }
    core.devices.start();
    try {
      await core.devices.caughtUp();
      return await fn(core);
    } finally {
      await core.devices.stop();
    }
  });
}

/** The pending challenge a person named: its whole id, or a prefix of 6 or more characters only it has. */
export function findPending(core: Core, given: string): PendingApproval {
  const { pending, held } = core.approvals.pending();
  const exact = pending.find((p) => p.id === given);
  if (exact) return exact;
  const matches = given.length >= 6 ? pending.filter((p) => p.id.startsWith(given)) : [];
  if (matches.length === 1) return matches[0]!;
  const heldNote = held.length > 0 ? ` ${held.reduce((n, h) => n + h.count, 0)} held request(s) are not listed: open them in the app.` : '';
  throw new AuthdeskError('NOT_FOUND', `No pending request has the id "${escapeUnprintable(given)}"; it may have been answered or expired. "authdesk approvals" lists the pending ones.${heldNote}`);
}
