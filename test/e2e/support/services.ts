// Runs in: tests (Node).
//
// Note (e2e services): the one place the e2e harness builds the core services its router
// serves: the real VaultService on a temporary folder, with a cheap Argon2id so creating a
// vault in a test takes milliseconds. A browser has no power events and no keychain.
import { join } from 'node:path';
import type { CoreServices } from '../../../electron/core/api/handlers.ts';
import type { KeyProtector } from '../../../electron/core/platform/ports.ts';
import { PRODUCT_NAME, VAULT_FILE_NAME } from '../../../electron/core/platform/paths.ts';
import type { VaultStatus } from '../../../electron/core/api/types.ts';
import { VaultService } from '../../../electron/core/vault/vault-service.ts';
import { CHEAP_KDF } from '../../support/vault.ts';
import packageJson from '../../../package.json' with { type: 'json' };

export interface E2EOptions {
  /** The OS keychain as the app would see it; a browser has none, so the default is null. */
  readonly keyProtector?: KeyProtector | null;
  /** Where status changes go (the harness forwards them to the page's onStatus listeners). */
  readonly onStatus?: (status: VaultStatus) => void;
}

export function createE2EServices(userDataDir: string, options: E2EOptions = {}): CoreServices & { readonly vaultPath: string; readonly vault: VaultService } {
  const vaultPath = join(userDataDir, VAULT_FILE_NAME);
  const keyProtector = options.keyProtector ?? null;
  return {
    vaultPath,
    app: { name: PRODUCT_NAME, version: packageJson.version, platform: process.platform },
    keyProtector,
    vault: new VaultService({ path: vaultPath, keyProtector, power: { on: () => () => {} }, kdf: CHEAP_KDF, onStatus: options.onStatus }),
  };
}
