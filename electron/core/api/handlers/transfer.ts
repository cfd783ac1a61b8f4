// Runs in: main, tests. The `transfer` namespace's handlers.
import type { Core } from '../../app/core.ts';
import { MANUAL_RULES } from '../../app/staging.ts';
import { ENCRYPTED_EXPORTS, EXPORT_FORMATS } from '../../app/transfer.ts';
import { FORMAT_IDS, FORMAT_NAMES } from '../../transfer/index.ts';
import type { Contract } from '../contract/index.ts';
import type { Handlers } from '../spec.ts';

export function transferHandlers({ staging }: Core): Handlers<Contract>['transfer'] {
  return {
    formats: () => ({
      import: FORMAT_IDS.map((id) => ({ id, name: FORMAT_NAMES[id] })),
      export: EXPORT_FORMATS.map((id) => ({ id, encrypted: ENCRYPTED_EXPORTS.includes(id) })),
    }),

    manualRules: () => MANUAL_RULES,
    stageLink: ({ text }) => staging.link(text),
    stageManual: (fields) => staging.manual(fields),
    stageImageFile: () => staging.chooseImage(),
    stageImportFile: () => staging.chooseFile(),
    stageClipboard: () => staging.clipboard(),
    stageDropped: ({ name, bytes }) => staging.file(bytes, name),
    unlockStaged: ({ id, password }) => staging.unlock(id, password),
    commitStaged: ({ id }) => staging.commit(id),
    discardStaged: ({ id }) => {
      staging.discard(id);
      return null;
    },
  };
}
