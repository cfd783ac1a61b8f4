// Runs in: main, preload, renderer (types only), CLI, tests.
//
// The shapes that cross the IPC boundary. Metadata only: nothing here may hold a secret.
// Each type is declared in the lowest core layer that needs it and re-exported here, so the
// renderer finds every wire shape in one file.
import type { AccountCode } from '../accounts/codes.ts';
import type { MAX_NAME, MAX_NOTE } from '../otp/names.ts';
import type { OtpAlgorithm, OtpType } from '../otp/params.ts';
import type { KeychainInfo } from '../platform/ports.ts';

export type { AccountCode } from '../accounts/codes.ts';
export type { ApprovalEvent, ApprovalsView, AuditExported, AuditFlag, AuditFormat, AuditRecord, ChallengeStatus, Decision, DecisionResult, DeviceList, DeviceView, EnrolmentView, HeldApprovals, PendingApproval, StreamState } from '../approvals/views.ts';
export type { BackupEntry, RestoreResult } from '../app/backups.ts';
export type { ExportQrCodes, ExportSaved, SkippedAccount } from '../app/export-files.ts';
export type { ExportFormat } from '../app/transfer.ts';
export type { PromptEvent, Question } from '../app/prompts.ts';
export type { NavigateTarget } from '../app/shell.ts';
export type { PaletteShortcutStatus } from '../app/palette.ts';
export type { ProfileInput, ProfilePatch, ProfileView } from '../app/profile-input.ts';
export type { SessionEvent, SessionIdentities, SessionState } from '../sessions/index.ts';
export type { CommitResult, ManualFields, ManualRules, RefusedItem, Staged, StagedItem, StagedLocked, StagedPreview, StageProgress } from '../app/staging.ts';
export type { BrandIcon } from '../icons/brands.ts';
export type { EditableSettings, NumberSetting, SettingLimits, Settings } from '../app/settings.ts';
export type { KeychainBackend, KeychainInfo, NoticeTarget } from '../platform/ports.ts';
export type { BackupStatus } from '../vault/backups.ts';
export type { VaultState, VaultStatus } from '../vault/status.ts';

export interface AppInfo {
  readonly name: string;
  readonly version: string;
  readonly platform: NodeJS.Platform;
  readonly keychain: KeychainInfo;
}

/** An account as the window sees it: everything but the secret. */
export interface AccountView {
  readonly id: string;
  readonly issuer: string;
  readonly label: string;
  readonly type: OtpType;
  readonly algorithm: OtpAlgorithm;
  readonly digits: number;
  readonly period: number;
  readonly groupIds: readonly string[];
  readonly favourite: boolean;
  /** A brand icon's slug, or null. An account's own picture is not here: see `picture`. */
  readonly icon: string | null;
  /**
   * Set when the account carries its own picture (an imported Aegis icon, up to 256 KB):
   * accounts.pictures sends it for the rows on screen. The number changes when the picture does.
   */
  readonly picture: number | null;
  readonly note: string;
}

/** What the Codes screen paints first: a screenful of accounts in display order with their codes. */
export interface FirstScreen {
  readonly accounts: readonly AccountView[];
  readonly codes: readonly AccountCode[];
  /** The groups some account is in (the filter chips), so they are there from the first paint. */
  readonly groups: readonly GroupView[];
  /** How many accounts the vault holds, so the list is as tall as it will be. */
  readonly total: number;
}

/** A group accounts can be filed under. */
export interface GroupView {
  readonly id: string;
  readonly name: string;
}

/**
 * The longest issuer, account or group name and note core accepts, as literal types: the
 * renderer cannot import core's values, so it declares its own constants with these types and
 * the typecheck fails if the two ever differ.
 */
export interface AccountLimits {
  readonly name: typeof MAX_NAME;
  readonly note: typeof MAX_NOTE;
}

export interface TransferFormats {
  readonly import: readonly { readonly id: string; readonly name: string }[];
  readonly export: readonly { readonly id: string; readonly encrypted: boolean }[];
}
