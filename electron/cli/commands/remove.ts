// Runs in: CLI.
//
// `authdesk remove <id>`: deletes one account, named by its id or a unique start of it.
import type { Command } from '../command.ts';
import { accountName, findById } from '../account-view.ts';
import { EXIT } from '../exit-codes.ts';
import { writeLine } from '../io.ts';
import { withUnlockedCore } from '../core-session.ts';

export const removeCommand: Command = {
  name: 'remove',
  summary: 'remove an account, by its id or a unique start of it',
  details: 'The ids are those "authdesk list" shows.',
  usage: 'remove <id> [--json]',
  async run(context) {
    const { io, global, positionals } = context;
    const [id, ...extra] = positionals;
    if (id === undefined || extra.length > 0) {
      writeLine(io.stderr, `authdesk remove: give exactly one account id.\nUsage: authdesk ${removeCommand.usage}`);
      return EXIT.usage;
    }
    const removed = await withUnlockedCore(context, async ({ accounts }) => {
      const account = findById(accounts.list(), id);
      await accounts.remove(account.id);
      return account;
    });
    if (global.json) writeLine(io.stdout, JSON.stringify({ removed: removed.id }));
    else writeLine(io.stdout, `Removed ${accountName(removed)}.`);
    return EXIT.ok;
  },
};
