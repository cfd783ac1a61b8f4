// Runs in: main, tests. The `settings` namespace's handlers.
import type { Core } from '../../app/core.ts';
import { settingLimits } from '../../app/settings.ts';
import type { Contract } from '../contract/index.ts';
import type { Handlers } from '../spec.ts';

export function settingsHandlers({ settings }: Core): Handlers<Contract>['settings'] {
  return {
    get: () => settings.get(),
    limits: () => settingLimits(),
    update: (patch) => settings.update(patch),
  };
}
