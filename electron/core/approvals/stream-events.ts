// Runs in: main, CLI, tests.
//
// The stream's events (docs/device-approvals.md §4.3), checked field by field: what a server
// sends is untrusted, and an event this Authdesk does not know is skipped rather than guessed at.

import type { ApprovalRecord, ChallengeStatus } from '../vault/model.ts';

/** What a `challenge` event says: the audit record's context, and how many digits to type. */
export type Challenge = Pick<ApprovalRecord, 'challengeId' | 'account' | 'provider' | 'action' | 'origin' | 'createdAt' | 'expiresAt'> & { readonly numberDigits: number };

export interface Resolution {
  readonly challengeId: string;
  readonly status: ChallengeStatus;
  readonly reason: 'NUMBER_MISMATCH' | null;
  readonly flagged: boolean;
  readonly decidedBy: string | null;
  readonly decidedAt: number | null;
}

export type ServerEvent =
  | { readonly type: 'challenge'; readonly challenge: Challenge }
  | { readonly type: 'resolved'; readonly resolution: Resolution }
  | { readonly type: 'enrolled' | 'revoked'; readonly deviceId: string; readonly name: string }
  | { readonly type: 'reset' };

const STATUSES: readonly string[] = ['APPROVED', 'DENIED', 'REPORTED', 'EXPIRED'];
const short = (value: unknown, max: number): value is string => typeof value === 'string' && value.length > 0 && value.length <= max;
const epoch = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

function challengeOf(data: Record<string, unknown>): Challenge | null {
  const { challengeId, account, provider, action, origin, createdAt, expiresAt, numberDigits } = data;
  if (!short(challengeId, 64) || !short(account, 300) || (provider !== 'weavr' && provider !== 'appgate')) return null;
  if (!short(action, 500) || !short(origin, 100) || !epoch(createdAt) || !epoch(expiresAt)) return null;
  if (typeof numberDigits !== 'number' || !Number.isInteger(numberDigits) || numberDigits < 2 || numberDigits > 6) return null;
  return { challengeId, account, provider, action, origin, createdAt, expiresAt, numberDigits };
}

function resolutionOf(data: Record<string, unknown>): Resolution | null {
  const { challengeId, status, reason, flagged, decidedBy, decidedAt } = data;
  if (!short(challengeId, 64) || typeof status !== 'string' || !STATUSES.includes(status)) return null;
  return {
    challengeId,
    status: status as ChallengeStatus,
    reason: reason === 'NUMBER_MISMATCH' ? 'NUMBER_MISMATCH' : null,
    flagged: flagged === true,
    decidedBy: short(decidedBy, 64) ? decidedBy : null,
    decidedAt: epoch(decidedAt) ? decidedAt : null,
  };
}

/** The event, or null for one this Authdesk does not know or that is malformed. */
export function parseServerEvent(type: string, json: string): ServerEvent | null {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return null;
  }
  if (typeof data !== 'object' || data === null) return null;
  const fields = data as Record<string, unknown>;
  switch (type) {
    case 'challenge': {
      const challenge = challengeOf(fields);
      return challenge && { type, challenge };
    }
    case 'resolved': {
      const resolution = resolutionOf(fields);
      return resolution && { type, resolution };
    }
    case 'enrolled':
    case 'revoked':
      return short(fields.deviceId, 64) ? { type, deviceId: fields.deviceId, name: short(fields.name, 100) ? fields.name : 'a device' } : null;
    case 'reset':
      return { type };
    default:
      return null;
  }
}
