// Runs in: main, tests. The `devices` namespace's handlers.
import type { Core } from '../../app/core.ts';
import type { Contract } from '../contract/index.ts';
import type { Handlers } from '../spec.ts';

export function devicesHandlers({ devices }: Core): Handlers<Contract>['devices'] {
  return {
    enrolments: () => devices.enrolments(),
    list: ({ profileId }) => devices.list(profileId),
    enrol: ({ profileId, pairing, name }) => devices.enrol(profileId, pairing, name),
    revoke: async ({ profileId, deviceId }) => {
      await devices.revoke(profileId, deviceId);
      return null;
    },
  };
}
