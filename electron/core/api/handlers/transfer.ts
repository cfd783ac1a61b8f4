// Runs in: main, tests. The `transfer` namespace's handlers.
import { ENCRYPTED_EXPORTS, EXPORT_FORMATS } from '../../app/transfer.ts';
import { FORMAT_IDS, FORMAT_NAMES } from '../../transfer/index.ts';
import type { Contract } from '../contract/index.ts';
import type { Handlers } from '../spec.ts';

export function transferHandlers(): Handlers<Contract>['transfer'] {
  return {
    formats: () => ({
      import: FORMAT_IDS.map((id) => ({ id, name: FORMAT_NAMES[id] })),
      export: EXPORT_FORMATS.map((id) => ({ id, encrypted: ENCRYPTED_EXPORTS.includes(id) })),
    }),
  };
}
