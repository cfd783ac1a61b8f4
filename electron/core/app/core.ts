// Runs in: main, CLI, tests (and the e2e harness and `npm run preview`).
//
// Note (one composition root): the desktop app, the CLI and the browser harness all build the
// core here, from the ports their host provides, so no service is wired twice and a front end
// cannot forget a rule (the codes cache is dropped on lock; auto-lock follows the setting).
// Sessions and approvals join here when they land. Change together with electron/main/index.ts,
// electron/cli/core-session.ts and test/e2e/support/backend.ts, the three hosts.
import { AccountsService } from '../accounts/accounts.ts';
import { CodesService } from '../accounts/codes.ts';
import type { VaultAccess } from '../accounts/vault-access.ts';
import type { Clipboard, Clock, Dialogs, KeyProtector, Notifier, PowerEvents, Prompt, SettingsStore } from '../platform/ports.ts';
import type { KdfParams } from '../vault/kdf.ts';
import { VaultService } from '../vault/vault-service.ts';
import { CodeClipboard } from './clipboard.ts';
import { SettingsService } from './settings.ts';
import { TransferService } from './transfer.ts';

export interface AppIdentity {
  readonly name: string;
  readonly version: string;
  readonly platform: NodeJS.Platform;
}

/** What a host gives the core. A port a host lacks is null (the CLI has no keychain, clipboard, notifications or dialogs). */
export interface CorePorts {
  readonly app: AppIdentity;
  readonly vaultPath: string;
  readonly clock: Clock;
  readonly power: PowerEvents;
  readonly settings: SettingsStore;
  readonly prompt: Prompt;
  readonly keyProtector: KeyProtector | null;
  readonly clipboard: Clipboard | null;
  readonly notifier: Notifier | null;
  /** File and folder pickers; null in the CLI, which takes paths as arguments. */
  readonly dialogs: Dialogs | null;
  /** Fixed Argon2id cost for new vaults instead of calibrating (tests, the preview). */
  readonly kdf?: KdfParams;
}

export interface Core {
  readonly ports: CorePorts;
  readonly vault: VaultService;
  readonly accounts: AccountsService;
  readonly codes: CodesService;
  /** Copies codes and clears them again (app/clipboard.ts); null where the host has no clipboard. */
  readonly clipboard: CodeClipboard | null;
  readonly transfer: TransferService;
  readonly settings: SettingsService;
  /** Calls listener after every change to the accounts (added, edited, removed, reordered, a counter used). */
  onAccountsChange(listener: () => void): () => void;
  /** Locks the vault and stops every timer and listener the core started. */
  dispose(): void;
}

export function createCore(ports: CorePorts): Core {
  const settings = new SettingsService(ports.settings);
  const vault = new VaultService({
    path: ports.vaultPath,
    keyProtector: ports.keyProtector,
    power: ports.power,
    clock: ports.clock,
    idleMinutes: settings.get().autoLockMinutes,
    ...(ports.kdf === undefined ? {} : { kdf: ports.kdf }),
  });
  const changeListeners = new Set<() => void>();
  // Every change to the vault's data goes through here, so the window hears of each one.
  const unlocked: VaultAccess = {
    data: () => vault.unlocked().data(),
    mutate: async (fn) => {
      const data = await vault.unlocked().mutate(fn);
      for (const listener of changeListeners) listener();
      return data;
    },
  };
  const accounts = new AccountsService(unlocked, ports.clock);
  const codes = new CodesService(unlocked, ports.clock);
  const clipboard = ports.clipboard === null ? null : new CodeClipboard(ports.clipboard, ports.clock, () => settings.get().clipboardClearSeconds);
  const stops = [
    // Cached HMAC keys are derived from seeds, a removed account kept for undo holds one, and a
    // copied code must not outlive the vault: all go when it locks.
    vault.onStatus((status) => {
      if (status.state === 'unlocked') return;
      codes.clear();
      accounts.forgetRemoved();
      void clipboard?.clear();
    }),
    settings.onChange((changed) => vault.setIdleMinutes(changed.autoLockMinutes)),
  ];
  return {
    ports,
    vault,
    accounts,
    codes,
    clipboard,
    transfer: new TransferService(vault, accounts),
    settings,
    onAccountsChange(listener) {
      changeListeners.add(listener);
      return () => void changeListeners.delete(listener);
    },
    dispose() {
      for (const stop of stops) stop();
      accounts.forgetRemoved();
      // Quitting: the copied code goes too (only if it is still on the clipboard).
      void clipboard?.clear();
      vault.dispose();
    },
  };
}
