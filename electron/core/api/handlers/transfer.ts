// Runs in: main, tests. The `transfer` namespace's handlers.
import type { Core } from '../../app/core.ts';
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
  return {
    ...exportHandlers(core),
    formats: () => ({
      import: FORMAT_IDS.map((id) => ({ id, name: FORMAT_NAMES[id] })),
      export: EXPORT_FORMATS.map((id) => ({ id, encrypted: ENCRYPTED_EXPORTS.includes(id) })),
    }),
  };
}
