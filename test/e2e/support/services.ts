// Runs in: tests (Node).
//
// Note (e2e services): the one place the e2e harness builds the core services its router
// serves. When the real vault service lands, swap it in here and every e2e test follows.
import { join } from 'node:path';
import type { CoreServices } from '../../../electron/core/api/handlers.ts';
import type { KeyProtector } from '../../../electron/core/platform/ports.ts';
import { PRODUCT_NAME, VAULT_FILE_NAME } from '../../../electron/core/platform/paths.ts';
import { vaultFileStatus } from '../../../electron/core/vault/status.ts';
import packageJson from '../../../package.json' with { type: 'json' };

export interface E2EOptions {
  /** The OS keychain as the app would see it; a browser has none, so the default is null. */
  readonly keyProtector?: KeyProtector | null;
}

export function createE2EServices(userDataDir: string, options: E2EOptions = {}): CoreServices & { readonly vaultPath: string } {
  const vaultPath = join(userDataDir, VAULT_FILE_NAME);
  return {
    vaultPath,
    app: { name: PRODUCT_NAME, version: packageJson.version, platform: process.platform },
    keyProtector: options.keyProtector ?? null,
    vault: { status: () => vaultFileStatus(vaultPath, false) },
  };
}
