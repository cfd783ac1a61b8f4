// Runs in: CLI.
//
// `authdesk approvals [--watch] [--json]`: the push requests waiting for this computer's
// answer. --watch keeps the streams open and writes one line per event until Ctrl+C.
import type { ApprovalEvent, AuditRecord, PendingApproval } from '../../../core/api/types.ts';
import { escapeUnprintable } from '../../../core/otp/names.ts';
import { jsonText } from '../../account-view.ts';
import type { Command } from '../../command.ts';
import { withUnlockedCore } from '../../core-session.ts';
import { EXIT } from '../../exit-codes.ts';
import { writeLine } from '../../io.ts';
import { untilText } from '../../session-view.ts';
import { withStreams } from './with-streams.ts';

const pendingJson = (p: PendingApproval) => ({ id: p.id, profile: p.profileName, action: p.action, origin: p.origin, expiresAt: new Date(p.expiresAt).toISOString() });

function pendingText(p: PendingApproval): string {
  const burst = p.burst ? ` [burst: ${p.collapsed.length + 1} requests]` : '';
  return `${p.id}  ${escapeUnprintable(p.profileName)}: ${escapeUnprintable(p.action)} from ${escapeUnprintable(p.origin)}; type ${p.numberDigits} digits; expires ${untilText(p.expiresAt, Date.now())}${burst}`;
}

function auditText(r: AuditRecord): string {
  const how = r.status === null ? 'pending' : `${r.status.toLowerCase()}${r.decidedHere ? ' here' : r.decidedBy === null ? '' : ' on another device'}`;
  const flags = r.flags.length === 0 ? '' : ` [${r.flags.join(', ')}]`;
  return `${new Date(r.createdAt).toISOString()}  ${escapeUnprintable(r.profileName)}: ${escapeUnprintable(r.action)} from ${escapeUnprintable(r.origin)}: ${how}${flags}`;
}

/** One line for a watched event, or null for one a script does not need (stream states). */
function eventLine(event: ApprovalEvent, json: boolean): string | null {
  switch (event.type) {
    case 'challenge':
      return json ? jsonText({ event: 'challenge', ...pendingJson(event.approval) }) : `new: ${pendingText(event.approval)}`;
    case 'resolved': {
      const { id, status, reason, flagged } = event.result;
      return json ? jsonText({ event: 'resolved', id, status, reason, flagged }) : `${id}: ${status.toLowerCase()}${flagged ? ' (flagged)' : ''}`;
    }
    case 'held': {
      const held = event.view.held.find((h) => h.profileId === event.profileId);
      const count = held?.count ?? 0;
      return json ? jsonText({ event: 'held', profile: held?.profileName ?? null, count }) : `held: ${count} request(s) for ${escapeUnprintable(held?.profileName ?? 'a profile')} after repeated denials; open them in the app`;
    }
    case 'streams':
      return null;
  }
}

export const approvalsCommand: Command = {
  name: 'approvals',
  summary: 'list the push requests waiting for an answer here; --watch follows them',
  details: 'Each pending request: its ID (for approve and deny), profile, what is asked, from where and when it expires. Held requests (after repeated denials) are counted on standard error, not listed. --json: [{id, profile, action, origin, expiresAt}]. --watch: one line per event (with --json, one JSON object per line: challenge, resolved or held) until Ctrl+C. --audit: the audit log from the vault instead, newest first (--json: its records).',
  usage: 'approvals [--watch] [--audit] [--json]',
  options: { watch: { type: 'boolean' }, audit: { type: 'boolean' } },
  async run(context) {
    const { io, global } = context;
    if (context.values.audit === true) {
      const records = await withUnlockedCore(context, async (core) => core.approvals.audit({}));
      if (global.json) writeLine(io.stdout, jsonText(records));
      else if (records.length === 0) writeLine(io.stdout, 'The audit log has no push requests yet.');
      else for (const r of records) writeLine(io.stdout, auditText(r));
      return EXIT.ok;
    }
    return withStreams(context, async (core) => {
      const { pending, held } = core.approvals.pending();
      for (const h of held) writeLine(io.stderr, `${h.count} held request(s) for ${escapeUnprintable(h.profileName)} after repeated denials; open them in the app.`);
      if (context.values.watch !== true) {
        if (global.json) writeLine(io.stdout, jsonText(pending.map(pendingJson)));
        else if (pending.length === 0) writeLine(io.stdout, 'No push requests are waiting.');
        else for (const p of pending) writeLine(io.stdout, pendingText(p));
        return EXIT.ok;
      }
      for (const p of pending) writeLine(io.stdout, global.json ? jsonText({ event: 'challenge', ...pendingJson(p) }) : `waiting: ${pendingText(p)}`);
      const stop = core.approvals.onEvent((event) => {
        const line = eventLine(event, global.json);
        if (line !== null) writeLine(io.stdout, line);
      });
      try {
        await new Promise<void>((resolve) => {
          process.once('SIGINT', resolve);
          process.once('SIGTERM', resolve);
        });
      } finally {
        stop();
      }
      return EXIT.ok;
    });
  },
};
