// Runs in: main, CLI, tests (and the e2e harness and `npm run preview`).
//
// Note (one composition root): the desktop app, the CLI and the browser harness all build the
// core here, from the ports their host provides, so no service is wired twice and a front end
// cannot forget a rule (the codes cache is dropped on lock; auto-lock follows the setting).
// Change together with electron/main/index.ts,
// electron/cli/core-session.ts and test/e2e/support/backend.ts, the three hosts.
import { AccountsService } from '../accounts/accounts.ts';
import { CodesService } from '../accounts/codes.ts';
import type { VaultAccess } from '../accounts/vault-access.ts';
import type { Clipboard, Clock, Dialogs, KeyProtector, Notifier, PowerEvents, Prompt, ScreenCapture, SettingsStore } from '../platform/ports.ts';
import { AutoBackup } from '../vault/backups.ts';
import { builtinProviders } from '../providers/builtin.ts';
import type { ProviderTable } from '../providers/index.ts';
import type { KdfParams } from '../vault/kdf.ts';
import { VaultService } from '../vault/vault-service.ts';
import { ApprovalsService, type Answerer } from './approvals.ts';
import { BackupsService } from './backups.ts';
import { CodeClipboard } from './clipboard.ts';
import { DevicesService } from './devices.ts';
import { ExportService } from './export-files.ts';
import { PaletteService } from './palette.ts';
import type { ProfilesService } from './profiles.ts';
import { createSessionServices } from './session-setup.ts';
import type { SessionsService } from './sessions.ts';
import { SettingsService, type Settings } from './settings.ts';
import { ShellService } from './shell.ts';
import { StagingService } from './staging.ts';
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
  /** The screens as pictures, for "Scan the screen"; null in the CLI. */
  readonly screen: ScreenCapture | null;
  /** Fixed Argon2id cost for new vaults instead of calibrating (tests, the preview). */
  readonly kdf?: KdfParams;
  /** How long changes must pause before the automatic backup (vault/backups.ts); shorter in tests. */
  readonly backupDelayMs?: number;
  /** The service clients sessions log in with, by provider type; the ones this build ships when not given (tests pass stand-ins). */
  readonly providers?: ProviderTable;
  /**
   * Open the enrolled profiles' challenge streams whenever the vault unlocks (true when not
   * given). The CLI passes false and starts them (core.devices.start()) only in the commands
   * that wait for challenges.
   */
  readonly liveApprovals?: boolean;
  /** The approvals server's heartbeat interval; shorter in tests of dead-connection detection. */
  readonly approvalsHeartbeatMs?: number;
}

export interface Core {
  readonly ports: CorePorts;
  readonly vault: VaultService;
  readonly accounts: AccountsService;
  readonly codes: CodesService;
  /** Copies codes and clears them again (app/clipboard.ts); null where the host has no clipboard. */
  readonly clipboard: CodeClipboard | null;
  readonly transfer: TransferService;
  /** Accounts read and previewed, waiting for the user to confirm (the add and import dialogs). */
  readonly staging: StagingService;
  readonly settings: SettingsService;
  readonly backups: BackupsService;
  /** Export to a file the user picks, or as QR codes on screen. */
  readonly exports: ExportService;
  /** The services a person logs in to, with their saved passwords (never returned). */
  readonly profiles: ProfilesService;
  /** Logins, live sessions and their states, by profile. */
  readonly sessions: SessionsService;
  /** This computer as a push-approval device of profiles' accounts: enrol, list, revoke. */
  readonly devices: DevicesService;
  /** Push challenges for the enrolled profiles, their decisions and the audit log. */
  readonly approvals: ApprovalsService;
  /** What the desktop shell asks the window to show, and the palette's dismissal (app/shell.ts). */
  readonly shell: ShellService;
  /** The quick-search palette's shortcut status and its request to open the window (app/palette.ts). */
  readonly palette: PaletteService;
  /** Calls listener after every change to the accounts (added, edited, removed, reordered, a counter used). */
  onAccountsChange(listener: () => void): () => void;
  /** Locks the vault and stops every timer and listener the core started. */
  dispose(): void;
}

const lockOnOf = (s: Settings) => ({ suspend: s.lockOnSuspend, screenLock: s.lockOnScreenLock });
const fatigueLimitsOf = (s: Settings) => ({
  burstCount: s.approvalBurstCount,
  burstMs: s.approvalBurstMinutes * 60_000,
  holdDenials: s.approvalHoldDenials,
  holdMs: s.approvalHoldMinutes * 60_000,
});

export function createCore(ports: CorePorts): Core {
  const settings = new SettingsService(ports.settings);
  const initial = settings.get();
  const vault = new VaultService({
    path: ports.vaultPath,
    keyProtector: ports.keyProtector,
    power: ports.power,
    clock: ports.clock,
    idleMinutes: initial.autoLockMinutes,
    lockOn: lockOnOf(initial),
    ...(ports.kdf === undefined ? {} : { kdf: ports.kdf }),
  });
  let backupPolicy = { folder: initial.backupFolder, keep: initial.backupCount };
  const autoBackup = new AutoBackup({
    clock: ports.clock,
    vaultPath: ports.vaultPath,
    // Read from the file each time: the app may change it while a CLI command runs, and back.
    policy: () => {
      const current = settings.get();
      return { folder: current.backupFolder, keep: current.backupCount };
    },
    ...(ports.backupDelayMs === undefined ? {} : { delayMs: ports.backupDelayMs }),
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
  // Writes that are not account changes (tokens, profiles, devices, audit).
  const quiet: VaultAccess = { data: () => vault.unlocked().data(), mutate: (fn) => vault.unlocked().mutate(fn) };
  const { profiles, sessions, stop: stopExpiryNotices } = createSessionServices({
    vault: quiet,
    accounts,
    codes,
    prompt: ports.prompt,
    clock: ports.clock,
    providers: ports.providers ?? builtinProviders(),
    notifier: ports.notifier,
  });
  const approvals: ApprovalsService = new ApprovalsService({
    vault: quiet,
    vaultPath: ports.vaultPath,
    clock: ports.clock,
    notifier: ports.notifier,
    dialogs: ports.dialogs,
    limits: () => fatigueLimitsOf(settings.get()),
    answerer: (profileId): Answerer | null => devices.answerer(profileId),
  });
  const devices: DevicesService = new DevicesService({
    vault: quiet,
    clock: ports.clock,
    profiles,
    approvals,
    ...(ports.approvalsHeartbeatMs === undefined ? {} : { heartbeatMs: ports.approvalsHeartbeatMs }),
  });
  const staging = new StagingService({ accounts, clock: ports.clock, dialogs: ports.dialogs, clipboard: ports.clipboard, screen: ports.screen });
  const shell = new ShellService();
  const clipboard = ports.clipboard === null ? null : new CodeClipboard(ports.clipboard, ports.clock, () => settings.get().clipboardClearSeconds);
  const stops = [
    // Cached HMAC keys are derived from seeds, a removed account kept for undo holds one, staged
    // seeds wait for a confirmation (staging.ts, Note staged secrets), and a copied code must not
    // outlive the vault: all go when it locks.
    // Sessions kept in the vault come back with it, and leave memory when it locks (logins stop).
    // Challenge streams run while the vault is unlocked: the device keys are in it.
    vault.onStatus((status) => {
      if (status.state === 'unlocked') {
        if (ports.liveApprovals !== false) devices.start();
        return sessions.restore();
      }
      approvals.clear();
      void devices.stop();
      sessions.clear();
      codes.clear();
      accounts.forgetRemoved();
      staging.discardAll();
      shell.forget();
      void clipboard?.clear();
    }),
    settings.onChange((changed) => {
      vault.setIdleMinutes(changed.autoLockMinutes);
      vault.setLockOn(lockOnOf(changed));
      if (changed.backupFolder !== backupPolicy.folder || changed.backupCount !== backupPolicy.keep) {
        backupPolicy = { folder: changed.backupFolder, keep: changed.backupCount };
        autoBackup.policyChanged();
      }
    }),
    // Back from sleep or at an unlocked screen, a stream's connection may be silently dead: reconnect at once.
    ports.power.on('resume', () => devices.wake()),
    ports.power.on('unlock-screen', () => devices.wake()),
    // A removed profile's device is revoked and its key forgotten.
    profiles.onChange(() => void devices.profilesChanged()),
    // Every write of the vault file, from any service, is followed by a backup.
    vault.onWrite(() => autoBackup.changed()),
    stopExpiryNotices,
  ];
  const transfer = new TransferService(vault, accounts);
  return {
    ports,
    vault,
    accounts,
    codes,
    clipboard,
    transfer,
    staging,
    settings,
    backups: new BackupsService({ vault, settings, auto: autoBackup, clock: ports.clock, dialogs: ports.dialogs }),
    exports: new ExportService(vault, transfer, ports.dialogs, ports.clock),
    profiles,
    sessions,
    devices,
    approvals,
    shell,
    palette: new PaletteService(),
    onAccountsChange(listener) {
      changeListeners.add(listener);
      return () => void changeListeners.delete(listener);
    },
    dispose() {
      for (const stop of stops) stop();
      void devices.stop();
      staging.discardAll();
      autoBackup.dispose();
      accounts.forgetRemoved();
      // Quitting: the copied code goes too (only if it is still on the clipboard).
      void clipboard?.clear();
      vault.dispose();
    },
  };
}
