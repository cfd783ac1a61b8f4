// Runs in: main, tests. The `backups` namespace's handlers.
import type { Core } from '../../app/core.ts';
import type { Contract } from '../contract/index.ts';
import type { Handlers } from '../spec.ts';

export function backupsHandlers({ backups }: Core): Handlers<Contract>['backups'] {
  return {
    status: () => backups.status(),
    chooseFolder: () => backups.chooseFolder(),
    clearFolder: () => backups.clearFolder(),
    list: () => backups.list(),
    restore: ({ name, password }) => backups.restoreNamed(name, password),
  };
}
