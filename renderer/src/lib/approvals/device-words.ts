// Runs in: renderer.
//
// An enrolment's challenge stream in words: whether requests for the profile can arrive now,
// and if not, when Authdesk tries again or what the person has to do.
import type { EnrolmentView } from '../../../../electron/core/api/types.ts';
import { clockTime } from '../sessions/words.ts';

export interface StreamWords {
  readonly text: string;
  readonly tone: 'good' | 'busy' | 'warning' | 'danger';
  readonly detail: string | null;
}

export function streamWords(enrolment: EnrolmentView, now: number): StreamWords {
  switch (enrolment.stream) {
    case 'connected':
      return { text: 'Receiving requests', tone: 'good', detail: null };
    case 'connecting':
      return { text: 'Connecting…', tone: 'busy', detail: enrolment.problem };
    case 'waiting':
      return { text: enrolment.retryAt === null ? 'Reconnecting' : `Reconnecting at ${clockTime(enrolment.retryAt, now)}`, tone: 'warning', detail: enrolment.problem };
    case 'stopped':
      return { text: 'Stopped', tone: 'warning', detail: 'Requests arrive while the vault is open.' };
    case 'revoked':
      return { text: 'Revoked', tone: 'danger', detail: 'The service revoked this computer. Enrol again with a new pairing link.' };
  }
}
