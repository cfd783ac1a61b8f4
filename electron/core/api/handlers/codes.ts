// Runs in: main, tests. The `codes` namespace's handlers.
import type { Core } from '../../app/core.ts';
import type { Contract } from '../contract/index.ts';
import type { Handlers } from '../spec.ts';

export function codesHandlers({ codes }: Core): Handlers<Contract>['codes'] {
  return {
    list: () => codes.list(),
    nextHotp: ({ id }) => codes.nextHotp(id),
  };
}
