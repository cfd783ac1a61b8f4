// Runs in: main, tests. The `profiles` namespace's handlers.
import type { Core } from '../../app/core.ts';
import type { Contract } from '../contract/index.ts';
import type { Handlers } from '../spec.ts';

export function profilesHandlers({ profiles }: Core): Handlers<Contract>['profiles'] {
  return {
    list: () => profiles.list(),
    create: (input) => profiles.create(input),
    edit: ({ id, ...patch }) => profiles.edit(id, patch),
    remove: async ({ id }) => {
      await profiles.remove(id);
      return null;
    },
    trustCertificate: ({ id, fingerprint }) => profiles.trustCertificate(id, fingerprint),
  };
}
