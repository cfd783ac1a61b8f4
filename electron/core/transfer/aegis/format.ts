// Runs in: main, CLI, tests.
//
// Constants of the Aegis vault format shared by its importer and exporter.

import type { ScryptBounds } from '../cipher.ts';

export const AEGIS_FILE_VERSION = 1;
/** Content version 3 has the `groups` list; Authdesk writes it and reads 1 to 3. */
export const AEGIS_CONTENT_VERSION = 3;
export const PASSWORD_SLOT = 1;
/** What Aegis itself uses (docs/vault.md); the exporter writes the same. */
export const AEGIS_SCRYPT = { n: 2 ** 15, r: 8, p: 1 } as const;
/** Aegis has only ever written AEGIS_SCRYPT: files may ask for twice its work (N or p doubled), no more. */
export const AEGIS_SCRYPT_BOUNDS: ScryptBounds = { app: 'Aegis', max: { n: 2 ** 16, r: 8, p: 2 }, maxWork: 2 * AEGIS_SCRYPT.n * AEGIS_SCRYPT.r * AEGIS_SCRYPT.p };
