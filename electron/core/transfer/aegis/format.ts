// Runs in: main, CLI, tests.
//
// Constants of the Aegis vault format shared by its importer and exporter.

export const AEGIS_FILE_VERSION = 1;
/** Content version 3 has the `groups` list; Authdesk writes it and reads 1 to 3. */
export const AEGIS_CONTENT_VERSION = 3;
export const PASSWORD_SLOT = 1;
/** What Aegis itself uses (docs/vault.md); the exporter writes the same. */
export const AEGIS_SCRYPT = { n: 2 ** 15, r: 8, p: 1 } as const;
