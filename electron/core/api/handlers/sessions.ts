// Runs in: main, tests. The `sessions` namespace's handlers.
import type { Core } from '../../app/core.ts';
import type { Contract } from '../contract/index.ts';
import type { Handlers } from '../spec.ts';

export function sessionsHandlers({ sessions }: Core): Handlers<Contract>['sessions'] {
  return {
    states: () => sessions.states(),
    login: ({ id }) => sessions.login(id),
    cancel: ({ id }) => {
      sessions.cancel(id);
      return null;
    },
    logout: async ({ id }) => {
      await sessions.logout(id);
      return null;
    },
    identities: ({ id }) => sessions.identities(id),
    switchIdentity: ({ id, identityId }) => sessions.switchIdentity(id, identityId),
    stepUp: ({ id, method }) => sessions.stepUp(id, method),
  };
}
