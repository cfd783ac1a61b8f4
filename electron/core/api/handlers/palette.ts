// Runs in: main, tests. The `palette` namespace's handlers.
import type { Core } from '../../app/core.ts';
import type { Contract } from '../contract/index.ts';
import type { Handlers } from '../spec.ts';

export function paletteHandlers({ palette }: Core): Handlers<Contract>['palette'] {
  return {
    shortcut: () => palette.shortcut(),
    openWindow: () => {
      palette.openWindow();
      return null;
    },
  };
}
