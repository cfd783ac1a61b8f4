// Runs in: main, preload, CLI, tests.
//
// The export formats, by id: a module of plain constants, so the IPC contract (bundled into
// the preload) can validate a format without pulling in the exporters.
export const EXPORT_FORMATS = ['authdesk', 'aegis', 'aegis-plain', 'otpauth', 'google-migration'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
/** The formats sealed with an export password; the others are plain text anyone can read. */
export const ENCRYPTED_EXPORTS: readonly ExportFormat[] = ['authdesk', 'aegis'];
