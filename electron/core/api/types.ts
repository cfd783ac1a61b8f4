// Runs in: main, preload, renderer (types only), CLI, tests.
//
// The shapes that cross the IPC boundary. Metadata only: nothing here may hold a secret.
// Each type is declared in the lowest core layer that needs it and re-exported here, so the
// renderer finds every wire shape in one file.
import type { KeychainInfo } from '../platform/ports.ts';

export type { KeychainBackend, KeychainInfo } from '../platform/ports.ts';
export type { VaultState, VaultStatus } from '../vault/status.ts';

export interface AppInfo {
  readonly name: string;
  readonly version: string;
  readonly platform: NodeJS.Platform;
  readonly keychain: KeychainInfo;
}
