// Runs in: CLI.
//
// `authdesk passwd`: changes the vault password. The vault gets a new master key, so the old
// password opens neither it nor its backup. The CLI has no OS keychain, so keychain unlock
// set up in the app is turned off, and the user is told.
import type { Command } from '../command.ts';
import { cliCore, closeCore } from '../core-session.ts';
import { EXIT } from '../exit-codes.ts';
import { writeLine } from '../io.ts';
import { passwordSource } from '../passwords.ts';

export const passwdCommand: Command = {
  name: 'passwd',
  summary: 'change the vault password',
  details: 'With --password-stdin: the current password, then the new one, one line each; or $AUTHDESK_PASSWORD and $AUTHDESK_NEW_PASSWORD.',
  usage: 'passwd [--vault FILE] [--password-stdin] [--json]',
  async run(context) {
    const { io, global } = context;
    const passwords = passwordSource(context);
    const core = cliCore(context);
    let keychainTurnedOff: boolean;
    try {
      // The current password unlocks first, so a typo is reported before a new one is asked.
      const current = await passwords.current();
      await core.vault.unlockWithPassword(current);
      const vault = core.vault.unlocked();
      const hadKeychain = vault.keychainEnabled;
      const { keychainKept } = await vault.changePassword(current, await passwords.newPassword('AUTHDESK_NEW_PASSWORD'));
      keychainTurnedOff = hadKeychain && !keychainKept;
    } finally {
      await closeCore(core, context.io);
    }
    if (global.json) writeLine(io.stdout, JSON.stringify({ changed: true, keychainTurnedOff }));
    else {
      writeLine(io.stdout, 'The vault password was changed.');
      if (keychainTurnedOff) writeLine(io.stdout, 'Keychain unlock was turned off (the CLI cannot reach the OS keychain): turn it on again in the app.');
    }
    return EXIT.ok;
  },
};
