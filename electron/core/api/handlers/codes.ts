// Runs in: main, tests. The `codes` namespace's handlers.
import type { Core } from '../../app/core.ts';
import { AuthdeskError } from '../../errors.ts';
import type { Contract } from '../contract/index.ts';
import type { Handlers } from '../spec.ts';

export function codesHandlers({ codes, clipboard }: Core): Handlers<Contract>['codes'] {
  return {
    list: () => codes.list(),
    nextHotp: ({ id }) => codes.nextHotp(id),
    copy: async ({ id }) => {
      if (clipboard === null) throw new AuthdeskError('CLIPBOARD_UNAVAILABLE', 'Authdesk cannot reach the clipboard here. Read the code from the screen and type it.');
      await clipboard.copy(codes.current(id));
    },
  };
}
