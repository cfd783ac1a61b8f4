// Runs in: main, tests. The `transfer` namespace's handlers.
import type { Core } from '../../app/core.ts';
import { MANUAL_RULES } from '../../app/staging.ts';
import { ENCRYPTED_EXPORTS, EXPORT_FORMATS } from '../../app/transfer.ts';
import { FORMAT_IDS, FORMAT_NAMES } from '../../transfer/index.ts';
import type { Contract } from '../contract/index.ts';
import type { Handlers } from '../spec.ts';

// Export: the vault password is checked in core before anything is made (app/export-files.ts).
function exportHandlers({ exports }: Core) {
  return {
    exportToFile: ({ format, vaultPassword, exportPassword }: { format: (typeof EXPORT_FORMATS)[number]; vaultPassword: string; exportPassword: string }) =>
      exports.toFile(format, vaultPassword, exportPassword),
    exportQrCodes: ({ vaultPassword }: { vaultPassword: string }) => exports.qrCodes(vaultPassword),
  };
}

export function transferHandlers(core: Core): Handlers<Contract>['transfer'] {
  const { staging } = core;
  return {
    ...exportHandlers(core),
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
    stageScreen: () => staging.screen(),
    stageDropped: ({ name, bytes }) => staging.file(bytes, name),
    unlockStaged: ({ id, password }) => staging.unlock(id, password),
    commitStaged: ({ id }) => staging.commit(id),
    discardStaged: ({ id }) => {
      staging.discard(id);
      return null;
    },
  };
}
