// Runs in: main, CLI, tests.
//
// The decrypted contents of the vault (DESIGN §3). Secrets live only in here, in main's
// memory while unlocked, and encrypted on disk. Nothing in this file may be sent to the
// renderer as is: the API maps it to metadata (see core/api/types.ts).
//
// Note (schema version): bump VAULT_SCHEMA_VERSION whenever a field changes meaning or a
// required field is added, and add the step to core/vault/migrations.ts.

import type { OtpParams } from '../otp/params.ts';

export const VAULT_SCHEMA_VERSION = 2;

export interface Account {
  readonly id: string;
  readonly issuer: string;
  readonly label: string;
  readonly otp: OtpParams;
  readonly groupIds: readonly string[];
  readonly favourite: boolean;
  /** An icon reference (slug or data URL of a small image), or null. */
  readonly icon: string | null;
  readonly note: string;
  readonly createdAt: number;
  readonly updatedAt: number;
}

export interface Group {
  readonly id: string;
  readonly name: string;
}

/** A service password or API key. */
export interface Credential {
  readonly id: string;
  readonly kind: 'password' | 'api-key';
  readonly label: string;
  readonly username: string;
  readonly secret: string;
  readonly createdAt: number;
  readonly updatedAt: number;
}

export type ProviderType = 'truenas' | 'weavr' | 'appgate';

export interface Profile {
  readonly id: string;
  readonly name: string;
  readonly provider: ProviderType;
  readonly baseUrl: string;
  readonly username: string;
  readonly credentialId: string | null;
  readonly otpAccountId: string | null;
  /** Provider-specific non-secret settings (Weavr api key id, TLS pin ...). */
  readonly options: Readonly<Record<string, string>>;
}

export interface SessionToken {
  readonly profileId: string;
  readonly identityId: string | null;
  /** The identity's name, so a session restored after a restart still says who it acts as. */
  readonly identityName?: string | null;
  readonly token: string;
  readonly issuedAt: number;
  readonly expiresAt: number | null;
}

/**
 * This computer enrolled as a push-approval device of a profile's account (schema 2;
 * docs/device-approvals.md). The private key never leaves the vault.
 */
export interface DeviceKey {
  /** The server's deviceId. */
  readonly id: string;
  readonly profileId: string;
  /** PKCS#8 DER, Base64: the ECDSA P-256 private key. */
  readonly privateKey: string;
  /** SPKI DER, Base64. */
  readonly publicKey: string;
  readonly enrolledAt: number;
  /** The approvals server's /approvals/v2 base URL the device enrolled with. */
  readonly server: string;
  /** Whose pushes the device receives: `weavr:<email>` or `appgate:<username>`. */
  readonly account: string;
  readonly name: string;
  /** Digits of the number the requesting screen shows. */
  readonly numberDigits: number;
  /** The id of the last stream event handled (Last-Event-ID), null before the first. */
  readonly cursor: number | null;
}

export type ChallengeStatus = 'APPROVED' | 'DENIED' | 'REPORTED' | 'EXPIRED';

/** Why an approval record is flagged. */
export type ApprovalFlag = 'number-mismatch' | 'reported' | 'burst' | 'held';

/** One push challenge as the audit log keeps it: who, what, from where, how it ended, when, which device. */
export interface ApprovalRecord {
  readonly challengeId: string;
  readonly profileId: string;
  /** The profile's name when the challenge came, so the record still reads after the profile is gone. */
  readonly profileName: string;
  readonly account: string;
  readonly provider: 'weavr' | 'appgate';
  readonly action: string;
  readonly origin: string;
  readonly createdAt: number;
  readonly expiresAt: number;
  /** How it ended, or null while pending. */
  readonly status: ChallengeStatus | null;
  readonly reason: 'NUMBER_MISMATCH' | null;
  readonly flags: readonly ApprovalFlag[];
  /** When it ended (decided or expired), or null. */
  readonly decidedAt: number | null;
  /** The deviceId that decided, or null (expired, or settled by the service itself). */
  readonly decidedBy: string | null;
  /** True when this computer's device decided. */
  readonly decidedHere: boolean;
}

/** The audit log keeps this many entries, the oldest going first (logins, logouts and approvals alike). */
export const AUDIT_KEEP = 500;

export interface AuditEntry {
  readonly at: number;
  readonly kind: 'login' | 'logout' | 'approval' | 'export' | 'vault';
  readonly summary: string;
  /** For kind 'approval' (schema 2): the challenge's full record. */
  readonly approval?: ApprovalRecord;
}

export interface VaultData {
  readonly schemaVersion: number;
  readonly accounts: readonly Account[];
  readonly groups: readonly Group[];
  readonly credentials: readonly Credential[];
  readonly profiles: readonly Profile[];
  readonly sessions: readonly SessionToken[];
  readonly devices: readonly DeviceKey[];
  readonly audit: readonly AuditEntry[];
}

export function emptyVaultData(): VaultData {
  return { schemaVersion: VAULT_SCHEMA_VERSION, accounts: [], groups: [], credentials: [], profiles: [], sessions: [], devices: [], audit: [] };
}
