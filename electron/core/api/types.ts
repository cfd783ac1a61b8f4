// Runs in: main, preload, renderer (types only), CLI, tests.
//
// The shapes that cross the IPC boundary. Metadata only: nothing here may hold a secret.

export type KeychainBackend =
  | 'keychain'
  | 'dpapi'
  | 'gnome_libsecret'
  | 'kwallet'
  | 'kwallet5'
  | 'kwallet6'
  | 'basic_text'
  | 'unknown'
  | 'none';

export interface KeychainInfo {
  /** The OS can encrypt with a key it keeps. */
  readonly available: boolean;
  readonly backend: KeychainBackend;
  /** False where the backend protects nothing (Linux basic_text): the password stays required. */
  readonly secure: boolean;
}

export interface AppInfo {
  readonly name: string;
  readonly version: string;
  readonly platform: NodeJS.Platform;
  readonly keychain: KeychainInfo;
}

export type VaultState = 'none' | 'locked' | 'unlocked';

export interface VaultStatus {
  readonly state: VaultState;
  /** Where the vault file lives (or would be created). */
  readonly path: string;
}
