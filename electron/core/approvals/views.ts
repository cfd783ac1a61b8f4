// Runs in: main, preload, renderer (types only), CLI, tests.
//
// What the approvals side shows about devices, challenges and the audit log. Metadata only: no
// private key, signature, nonce or pairing token is ever in these shapes, and a challenge never
// carries the number (protocol v2: only the requesting screen knows it).

import type { ApprovalFlag, ApprovalRecord, ChallengeStatus } from '../vault/model.ts';

export type { ChallengeStatus } from '../vault/model.ts';

/** What the person answers: it was me (with the typed number), not now, or this was not me. */
export type Decision = 'APPROVE' | 'DENY' | 'REPORT';


/** The state of one enrolled profile's live challenge stream. */
export type StreamState =
  /** Opening or reopening the stream. */
  | 'connecting'
  | 'connected'
  /** Dropped; the next attempt is at retryAt. */
  | 'waiting'
  /** The vault is locked: no stream runs. */
  | 'stopped'
  /** The server revoked this device: enrol again to receive challenges. */
  | 'revoked';

/** A profile enrolled on this computer: its device key lives in the vault. */
export interface EnrolmentView {
  readonly profileId: string;
  readonly profileName: string;
  /** Whose pushes this device receives, e.g. `weavr:alice@example.com`. */
  readonly account: string;
  readonly deviceId: string;
  readonly name: string;
  readonly enrolledAt: number;
  /** Digits of the number the requesting screen shows (2 to 6). */
  readonly numberDigits: number;
  readonly stream: StreamState;
  /** When the next connection attempt is made while `waiting`, else null. */
  readonly retryAt: number | null;
  /** Words for the last stream failure (without secrets), or null. */
  readonly problem: string | null;
}

/** One device of an account, as the server lists it. */
export interface DeviceView {
  readonly deviceId: string;
  readonly name: string;
  readonly enrolledAt: number;
  readonly lastSeenAt: number | null;
  /** This computer's device for the profile. */
  readonly thisDevice: boolean;
}

export interface DeviceList {
  readonly profileId: string;
  readonly account: string;
  readonly devices: readonly DeviceView[];
}

/** A challenge waiting for an answer. */
export interface PendingApproval {
  /** The server's challenge id; decide with it. */
  readonly id: string;
  readonly profileId: string;
  readonly profileName: string;
  readonly provider: 'weavr' | 'appgate';
  readonly account: string;
  /** What is asked, in the service's words. */
  readonly action: string;
  /** From where: the requester's IP address. */
  readonly origin: string;
  readonly createdAt: number;
  /** After this (epoch ms) it cannot be answered; time left = expiresAt - now. */
  readonly expiresAt: number;
  /** How many digits to type for APPROVE. */
  readonly numberDigits: number;
  /**
   * Note (burst): more challenges for one profile than the fatigue settings allow in their window
   * are shown as one item flagged burst: this item is the newest, `collapsed` the older ones.
   * APPROVE answers this challenge only; DENY and REPORT answer it and every collapsed one.
   * Change together with app/approvals.ts and the Approvals screen.
   */
  readonly burst: boolean;
  readonly collapsed: readonly string[];
}

/** Challenges not announced because the profile had repeated denials; openHeld shows them. */
export interface HeldApprovals {
  readonly profileId: string;
  readonly profileName: string;
  readonly count: number;
}

export interface ApprovalsView {
  readonly pending: readonly PendingApproval[];
  readonly held: readonly HeldApprovals[];
}

/** What the server answered to a decision (a wrong number ends DENIED, NUMBER_MISMATCH, flagged). */
export interface DecisionResult {
  readonly id: string;
  readonly status: ChallengeStatus;
  readonly reason: 'NUMBER_MISMATCH' | null;
  readonly flagged: boolean;
}

/** Why an audit record is flagged. */
export type AuditFlag = ApprovalFlag;

/** One challenge in the vault's audit log: who, what, from where, how it ended, when, which device. */
export type AuditRecord = ApprovalRecord;

export type AuditFormat = 'json' | 'csv';

export type AuditExported = { readonly saved: true; readonly fileName: string; readonly count: number } | { readonly saved: false };

/**
 * What approvals.onEvent tells a front end; each carries the view after the change so a window
 * never has to ask again. `challenge` is a new challenge shown (held ones are not announced);
 * `held` a challenge kept back; `resolved` one that ended (here, elsewhere or by expiry);
 * `streams` an enrolment's stream state changed.
 */
export type ApprovalEvent =
  | { readonly type: 'challenge'; readonly approval: PendingApproval; readonly view: ApprovalsView }
  | { readonly type: 'held'; readonly profileId: string; readonly view: ApprovalsView }
  | { readonly type: 'resolved'; readonly result: DecisionResult & { readonly profileId: string; readonly decidedHere: boolean }; readonly view: ApprovalsView }
  | { readonly type: 'streams'; readonly enrolments: readonly EnrolmentView[]; readonly view: ApprovalsView };
