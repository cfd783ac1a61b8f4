// Runs in: renderer.
//
// How a request in the audit log ended, in the words the History table shows. The statuses are
// the protocol's (docs/device-approvals.md §4.3); NUMBER_MISMATCH is a denial the person did not
// choose: someone typed a number that was not on the requesting screen.
import type { AuditFlag, AuditRecord } from '../../../../electron/core/api/types.ts';

export interface OutcomeWords {
  readonly text: string;
  readonly tone: 'good' | 'danger' | 'muted';
  readonly detail: string | null;
}

export function outcomeWords(entry: AuditRecord): OutcomeWords {
  switch (entry.status) {
    case 'APPROVED':
      return { text: 'Approved', tone: 'good', detail: null };
    case 'DENIED':
      return entry.reason === 'NUMBER_MISMATCH'
        ? { text: 'Denied', tone: 'danger', detail: 'The number typed was not the one on the requesting screen.' }
        : { text: 'Denied', tone: 'danger', detail: null };
    case 'REPORTED':
      return { text: 'Reported', tone: 'danger', detail: null };
    case 'EXPIRED':
      return { text: 'Expired', tone: 'muted', detail: 'Not answered in time.' };
    case null:
      return { text: 'Waiting', tone: 'muted', detail: null };
  }
}

const FLAG_WORDS: Readonly<Record<AuditFlag, string>> = {
  'number-mismatch': 'Wrong number',
  reported: 'Not me',
  burst: 'Burst',
  held: 'Held',
};

/** The record's flags as short labels, in the order main lists them. */
export function flagWords(record: AuditRecord): string[] {
  return record.flags.map((flag) => FLAG_WORDS[flag]);
}

/** Which device answered: this computer, another of the account's devices, or none (expired, settled by the service). */
export function deciderWords(record: AuditRecord): string {
  if (record.decidedHere) return 'This computer';
  return record.decidedBy === null ? '—' : 'Another device';
}
