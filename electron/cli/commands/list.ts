// Runs in: CLI.
//
// `authdesk list`: the accounts in the vault, in the app's order (DESIGN §9).
import type { Command } from '../command.ts';
import { accountJson, jsonText, shortIds, table } from '../account-view.ts';
import { EXIT } from '../exit-codes.ts';
import { writeLine } from '../io.ts';
import { withUnlockedCore } from '../core-session.ts';

export const listCommand: Command = {
  name: 'list',
  summary: 'list the accounts (id, issuer, name and type)',
  details: '--json: [{id, type, issuer, label, algorithm, digits, period, counter?}], never the secret.',
  usage: 'list [--json]',
  async run(context) {
    const { io, global, positionals } = context;
    if (positionals.length > 0) {
      writeLine(io.stderr, `authdesk list: it takes no arguments.\nUsage: authdesk ${listCommand.usage}`);
      return EXIT.usage;
    }
    const accounts = await withUnlockedCore(context, async (core) => core.accounts.list());
    if (global.json) writeLine(io.stdout, jsonText(accounts.map(accountJson)));
    else if (accounts.length === 0) writeLine(io.stdout, 'The vault has no accounts yet. Add one with: authdesk add <otpauth-uri>');
    else {
      const ids = shortIds(accounts);
      writeLine(io.stdout, table([['ID', 'ISSUER', 'NAME', 'TYPE'], ...accounts.map((a) => [ids.get(a.id) ?? a.id, a.issuer, a.label, a.otp.type.toUpperCase()])]));
    }
    return EXIT.ok;
  },
};
