// Runs in: renderer.
//
// What a typed number must be before Approve sends it: digits only, as many as the challenge
// says (docs/device-approvals.md §5). Anything else stays here: a wrong number sent to the
// server denies the request for good, so a slip must not spend it.
import type { Decision } from '../../../../electron/core/api/types.ts';

export function numberProblem(typed: string, digits: number): string | null {
  if (typed === '') return `Type the ${digits}-digit number shown on the screen that asked.`;
  if (!/^[0-9]+$/.test(typed)) return 'The number is digits only.';
  if (typed.length !== digits) return `The number has ${digits} digits.`;
  return null;
}

/** What the window says once an answer is in, for the aria-live region. */
export function decidedWords(decision: Decision, profileName: string): string {
  if (decision === 'APPROVE') return `Approved the request for ${profileName}.`;
  if (decision === 'DENY') return `Denied the request for ${profileName}.`;
  return `Reported the request for ${profileName} as not yours. It was denied and flagged.`;
}
