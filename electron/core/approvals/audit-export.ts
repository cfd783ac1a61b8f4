// Runs in: main, CLI, tests.
//
// The approvals audit log as a file: JSON (the records as they are) or CSV (one row per
// challenge, for a spreadsheet). Times are ISO 8601 in UTC in the CSV, so a reader needs no
// epoch conversion.
//
// Note (CSV formulas): the action and origin come from a server, and a spreadsheet runs a cell
// starting with = + - @ as a formula; such cells are prefixed with a quote (OWASP CSV injection).

import type { ApprovalRecord } from '../vault/model.ts';

const COLUMNS = ['challengeId', 'profile', 'account', 'provider', 'action', 'origin', 'createdAt', 'expiresAt', 'status', 'reason', 'flags', 'decidedAt', 'decidedBy', 'decidedHere'] as const;

const iso = (ms: number | null): string => (ms === null ? '' : new Date(ms).toISOString());

function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function auditCsv(records: readonly ApprovalRecord[]): string {
  const rows = records.map((r) =>
    [r.challengeId, r.profileName, r.account, r.provider, r.action, r.origin, iso(r.createdAt), iso(r.expiresAt), r.status ?? 'PENDING', r.reason ?? '', r.flags.join(' '), iso(r.decidedAt), r.decidedBy ?? '', r.decidedHere ? 'yes' : 'no']
      .map(cell)
      .join(','),
  );
  return `${[COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}

export function auditJson(records: readonly ApprovalRecord[]): string {
  return `${JSON.stringify({ format: 'authdesk-approvals-audit', version: 1, records }, null, 2)}\n`;
}
