// Runs in: main, CLI, tests.
//
// Approval records in the vault's audit log (VaultData.audit, kind 'approval'): one entry per
// challenge, written when it arrives and rewritten when it ends, with words for a person in
// `summary` and the whole record in `approval`. Nothing here is secret: the number is never
// known to this side, and no signature or key is kept.

import { AUDIT_KEEP, type ApprovalRecord, type AuditEntry, type VaultData } from '../vault/model.ts';

function summary(record: ApprovalRecord): string {
  const what = `${record.action} (${record.profileName}, from ${record.origin})`;
  const flagged = record.flags.length > 0 ? ` Flagged: ${record.flags.join(', ')}.` : '';
  const where = record.decidedHere ? ' on this computer' : record.decidedBy === null ? '' : ' on another device';
  switch (record.status) {
    case null:
      return `Push request: ${what}.${flagged}`;
    case 'APPROVED':
      return `Approved${where}: ${what}.${flagged}`;
    case 'DENIED':
      return `${record.reason === 'NUMBER_MISMATCH' ? 'Denied for a wrong number' : 'Denied'}${where}: ${what}.${flagged}`;
    case 'REPORTED':
      return `Reported as not mine${where}: ${what}.${flagged}`;
    case 'EXPIRED':
      return `Expired unanswered: ${what}.${flagged}`;
  }
}

/** The approval records in the log, oldest first. */
export function approvalRecords(data: VaultData): ApprovalRecord[] {
  return data.audit.flatMap((entry) => (entry.kind === 'approval' && entry.approval ? [entry.approval] : []));
}

/** The log with `record` added, or replacing the entry of the same challenge in place. */
export function withApprovalRecord(audit: readonly AuditEntry[], record: ApprovalRecord, at: number): readonly AuditEntry[] {
  const index = audit.findIndex((entry) => entry.approval?.challengeId === record.challengeId);
  if (index >= 0) {
    const entry: AuditEntry = { ...audit[index]!, summary: summary(record), approval: record };
    return audit.map((existing, i) => (i === index ? entry : existing));
  }
  return [...audit, { at, kind: 'approval' as const, summary: summary(record), approval: record }].slice(-AUDIT_KEEP);
}
