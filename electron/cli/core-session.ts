// Runs in: CLI, tests.
//
// How every command reaches the core: built by createCore, the composition root main uses
// too, from the CLI's own ports (no keychain, clipboard, notifications or power events; the
// settings file the app writes; questions on the terminal), unlocked with the vault password
// and locked again whatever happens.
import pkg from '../../package.json' with { type: 'json' };
import { createCore, type Core } from '../core/app/core.ts';
import { defaultUserDataDir, PRODUCT_NAME } from '../core/platform/paths.ts';
import { systemClock, type PowerEvents } from '../core/platform/ports.ts';
import { settingsFile } from '../core/platform/settings-file.ts';
import type { CommandContext } from './command.ts';
import { writeLine, type CliIo } from './io.ts';
import { passwordSource, type PasswordSource } from './passwords.ts';
import { terminalPrompt } from './terminal-prompt.ts';

// A command lasts seconds: the machine sleeping or locking its screen meanwhile is no reason
// to lock its vault mid-command.
const NO_POWER_EVENTS: PowerEvents = { on: () => () => {} };

export function cliCore(context: CommandContext): Core {
  return createCore({
    app: { name: PRODUCT_NAME, version: pkg.version, platform: process.platform },
    vaultPath: context.global.vaultPath,
    clock: systemClock,
    power: NO_POWER_EVENTS,
    settings: settingsFile(defaultUserDataDir(process.platform, context.io.env)),
    prompt: terminalPrompt(context.io),
    keyProtector: null,
    clipboard: null,
    notifier: null,
    dialogs: null,
    screen: null,
    // Only the approvals commands open challenge streams (core.devices.start()).
    liveApprovals: false,
  });
}

/**
 * Unlocks the vault named by the global options, runs fn, and locks the vault again (zeroing
 * its key) whatever happens. `passwords` lets a command that asks for more passwords (export,
 * import) keep reading from the same source.
 */
export async function withUnlockedCore<T>(context: CommandContext, fn: (core: Core) => Promise<T>, passwords: PasswordSource = passwordSource(context)): Promise<T> {
  const core = cliCore(context);
  try {
    await core.vault.unlockWithPassword(await passwords.current());
    return await fn(core);
  } finally {
    await closeCore(core, context.io);
  }
}

/**
 * Note (backups from the CLI): the CLI's changes get the same automatic backup as the app's
 * (the folder and count from the settings file). A command lasts less than the backup's
 * debounce, so the pending backup is made now, before the process exits; a failed backup never
 * fails the command that changed the vault, so it is told on standard error.
 */
export async function closeCore(core: Core, io: CliIo): Promise<void> {
  try {
    await core.backups.flush();
    const failed = core.backups.status().error;
    if (failed) writeLine(io.stderr, `Warning: the automatic backup failed: ${failed.message}`);
  } finally {
    core.dispose();
  }
}
