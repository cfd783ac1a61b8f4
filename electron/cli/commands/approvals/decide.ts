// Runs in: CLI.
//
// `authdesk approve ID --number N` and `authdesk deny ID [--report]`: answers a pending push
// request on this computer's enrolled device. Approving needs the number the requesting screen
// shows; a wrong number denies and flags the request (exit 4), as the server rules.
import type { DecisionResult } from '../../../core/api/types.ts';
import { AuthdeskError } from '../../../core/errors.ts';
import { jsonText } from '../../account-view.ts';
import type { Command, CommandContext } from '../../command.ts';
import { EXIT, type ExitCode } from '../../exit-codes.ts';
import { writeLine } from '../../io.ts';
import { findPending, withStreams } from './with-streams.ts';

function theId(command: Command, context: CommandContext): string {
  const [id, ...extra] = context.positionals.map((p) => p.trim());
  if (id === undefined || id === '' || extra.length > 0) throw new AuthdeskError('INVALID_INPUT', `Give the request's ID (from "authdesk approvals"). Usage: authdesk ${command.usage}`);
  return id;
}

async function decide(context: CommandContext, id: string, decision: 'APPROVE' | 'DENY' | 'REPORT', typedNumber: string | undefined): Promise<ExitCode> {
  const result: DecisionResult = await withStreams(context, (core) => core.approvals.decide(findPending(core, id).id, decision, typedNumber));
  if (context.global.json) writeLine(context.io.stdout, jsonText(result));
  else if (result.reason === 'NUMBER_MISMATCH') writeLine(context.io.stderr, `authdesk: the number was not the one on the requesting screen, so the request was denied and flagged.`);
  else writeLine(context.io.stdout, `${result.id}: ${result.status.toLowerCase()}.`);
  return result.reason === 'NUMBER_MISMATCH' ? EXIT.provider : EXIT.ok;
}

export const approveCommand: Command = {
  name: 'approve',
  summary: 'approve a pending push request with the number the requesting screen shows',
  details: 'The number is typed, never shown here: only the screen that asked knows it. A wrong number denies the request and flags it (exit 4). --json: {id, status, reason, flagged}.',
  usage: 'approve ID --number N [--json]',
  options: { number: { type: 'string' } },
  async run(context) {
    const id = theId(approveCommand, context);
    const number = context.values.number;
    if (typeof number !== 'string' || !/^[0-9]{2,6}$/.test(number.trim())) {
      throw new AuthdeskError('INVALID_INPUT', `Give the 2 to 6 digits the requesting screen shows with --number. Usage: authdesk ${approveCommand.usage}`);
    }
    return decide(context, id, 'APPROVE', number.trim());
  },
};

export const denyCommand: Command = {
  name: 'deny',
  summary: 'deny a pending push request; --report marks it "this was not me"',
  details: '--report denies and flags the request for the service. --json: {id, status, reason, flagged}.',
  usage: 'deny ID [--report] [--json]',
  options: { report: { type: 'boolean' } },
  async run(context) {
    return decide(context, theId(denyCommand, context), context.values.report === true ? 'REPORT' : 'DENY', undefined);
  },
};
