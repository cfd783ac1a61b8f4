// Runs in: main, preload, renderer (types only), CLI, tests. The `approvals` namespace: push
// challenges for the enrolled profiles, answered with the typed number, and their audit log.
import * as v from 'valibot';
import type { ApprovalEvent, ApprovalsView, AuditExported, AuditRecord, DecisionResult } from '../../approvals/views.ts';
import { call, event } from '../spec.ts';
import { id, none } from './inputs.ts';

/** The number from the requesting screen: 2 to 6 digits (docs/device-approvals.md §5). */
const typedNumber = v.pipe(v.string(), v.regex(/^[0-9]{2,6}$/, 'Type the 2 to 6 digits the requesting screen shows.'));

export const approvals = {
  /** Challenges waiting for an answer, and per profile how many are held back. */
  pending: call<ApprovalsView>()(none, 'background'),
  /**
   * Answers a challenge. APPROVE needs typedNumber (INVALID_INPUT with details.field
   * 'typedNumber' without it); an expired challenge is refused before anything is sent.
   */
  decide: call<DecisionResult>()(
    v.strictObject({ id, decision: v.picklist(['APPROVE', 'DENY', 'REPORT']), typedNumber: v.optional(typedNumber) }),
    'user',
  ),
  /** Shows the profile's held challenges (they become pending) and lifts the hold. */
  openHeld: call<ApprovalsView>()(v.strictObject({ profileId: id }), 'user'),
  /** The audit log, newest first; optionally one profile's, at most `limit` records. */
  audit: call<AuditRecord[]>()(
    v.optional(v.strictObject({ profileId: v.optional(id), limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(10_000))) })),
    'background',
  ),
  /** Saves the whole audit log as JSON or CSV where the person picks (the Dialogs port). */
  exportAudit: call<AuditExported>()(v.strictObject({ format: v.picklist(['json', 'csv']) }), 'user'),
  onEvent: event<ApprovalEvent>(),
} as const;
