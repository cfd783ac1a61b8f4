// Runs in: main, tests. The `approvals` namespace's handlers.
import type { Core } from '../../app/core.ts';
import type { Contract } from '../contract/index.ts';
import type { Handlers } from '../spec.ts';

export function approvalsHandlers({ approvals }: Core): Handlers<Contract>['approvals'] {
  return {
    pending: () => approvals.pending(),
    decide: ({ id, decision, typedNumber }) => approvals.decide(id, decision, typedNumber),
    openHeld: ({ profileId }) => approvals.openHeld(profileId),
    audit: (filter) => approvals.audit(filter ?? {}),
    exportAudit: ({ format }) => approvals.exportAudit(format),
  };
}
