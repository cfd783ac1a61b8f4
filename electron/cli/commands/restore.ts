// Runs in: CLI.
//
// `authdesk restore FILE`: replaces the vault with a backup (an automatic backup, a
// `.bak`, or any copy of a vault file). Only the backup's password is asked, so it also
// brings a vault back on a computer that has none. The vault as it was is kept first as a
// backup of its own (app/backups.ts), so a restore can be undone by restoring that file.
import type { Command } from '../command.ts';
import { cliCore, closeCore } from '../core-session.ts';
import { EXIT } from '../exit-codes.ts';
import { writeLine } from '../io.ts';
import { passwordSource } from '../passwords.ts';

export const restoreCommand: Command = {
  name: 'restore',
  summary: 'replace the vault with a backup (the current vault is kept as a backup first)',
  details:
    "Asks for the backup's password (the vault password when the backup was made) from $AUTHDESK_PASSWORD, --password-stdin or the terminal. Nothing changes unless that password opens the backup and the backup is whole.\n\nThe vault as it was is kept first as authdesk-backup-…-before-restore.authdesk in the backup folder chosen in the app's Settings, or beside the vault while backups are off: restore that file to undo.",
  usage: 'restore <backup-file> [--vault FILE] [--password-stdin] [--json]',
  async run(context) {
    const { io, global, positionals } = context;
    const file = positionals[0];
    if (file === undefined || positionals.length > 1) {
      writeLine(io.stderr, `authdesk restore: give one backup file.\nUsage: authdesk ${restoreCommand.usage}`);
      return EXIT.usage;
    }
    const password = await passwordSource(context).current('backup password');
    const core = cliCore(context);
    let result;
    try {
      result = await core.backups.restoreFile(file, password);
    } finally {
      await closeCore(core, io);
    }
    if (global.json) writeLine(io.stdout, JSON.stringify({ restored: file, accounts: result.accounts, keptAs: result.keptAs }));
    else {
      writeLine(io.stdout, `Restored ${result.accounts} account(s) from ${file} into ${global.vaultPath}.`);
      writeLine(io.stdout, result.keptAs === null ? 'There was no vault before, so nothing needed keeping.' : `The vault as it was is kept at ${result.keptAs}: restore that file to undo.`);
    }
    return EXIT.ok;
  },
};
