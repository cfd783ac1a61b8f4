// Runs in: main, tests. The `shell` namespace's handlers.
import type { Core } from '../../app/core.ts';
import type { Contract } from '../contract/index.ts';
import type { Handlers } from '../spec.ts';

export function shellHandlers({ shell }: Core): Handlers<Contract>['shell'] {
  return {
    takeNavigation: async () => shell.take(),
    dismissPalette: async () => {
      shell.dismissPalette();
      return null;
    },
  };
}
