// Runs in: CLI.
//
// `authdesk init`: creates the vault the app and the CLI share (DESIGN §9). Calibrates
// Argon2id on this machine, so it takes about a second.
import { stat } from 'node:fs/promises';
import type { Command } from '../command.ts';
import { AuthdeskError } from '../../core/errors.ts';
import { defaultUserDataDir, defaultVaultPath } from '../../core/platform/paths.ts';
import { Vault } from '../../core/vault/vault.ts';
import { cliCore, closeCore } from '../core-session.ts';
import { EXIT } from '../exit-codes.ts';
import { notAVaultPath } from '../file-errors.ts';
import { writeLine } from '../io.ts';
import { passwordSource } from '../passwords.ts';

export const initCommand: Command = {
  name: 'init',
  summary: 'create a new encrypted vault (asks for its password twice)',
  usage: 'init [--vault FILE] [--password-stdin] [--json]',
  async run(context) {
    const { io, global } = context;
    // Checked before asking for a password, and again under the write lock by Vault.create.
    if ((await stat(global.vaultPath).catch(() => null))?.isDirectory()) throw notAVaultPath('EISDIR', global.vaultPath, defaultVaultPath(defaultUserDataDir(process.platform, io.env)));
    if (await Vault.exists(global.vaultPath)) throw new AuthdeskError('VAULT_EXISTS', `A vault already exists at ${global.vaultPath}; nothing was changed.`);
    const password = await passwordSource(context).newPassword('AUTHDESK_PASSWORD');
    const core = cliCore(context);
    let kdf;
    try {
      await core.vault.create(password);
      kdf = core.vault.unlocked().kdfParams;
    } finally {
      await closeCore(core, context.io);
    }
    if (global.json) writeLine(io.stdout, JSON.stringify({ path: core.vault.path, kdf: { algorithm: 'argon2id', ...kdf } }));
    else writeLine(io.stdout, `Created an encrypted vault at ${core.vault.path} (Argon2id, ${kdf.memoryKiB / 1024} MiB, ${kdf.iterations} iterations, ${kdf.parallelism} lanes).`);
    return EXIT.ok;
  },
};
