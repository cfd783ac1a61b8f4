// Runs in: main, preload, renderer (types only), CLI, tests. The `vault` namespace.
import * as v from 'valibot';
import { call, event } from '../spec.ts';
import type { VaultStatus } from '../types.ts';
import { none, password } from './inputs.ts';

export const vault = {
  /** Whether a vault file exists and is unlocked, and where it lives. */
  status: call<VaultStatus>()(none, 'background'),
  /** Makes a new vault sealed with this password, unlocked. */
  create: call<VaultStatus>()(v.strictObject({ password }), 'user'),
  /** Unlocks with the password (throttled after repeated failures). */
  unlock: call<VaultStatus>()(v.strictObject({ password }), 'user'),
  /**
   * Unlocks through the OS keychain, where the vault has a keychain slot; only right after a
   * click or key press in the window (a 'gesture'), never because the window asked on its own.
   */
  unlockWithKeychain: call<VaultStatus>()(none, 'gesture'),
  /** Locks now, forgetting the key and every cached code. */
  lock: call<VaultStatus>()(none, 'user'),
  /** Whether keychain unlock is on for this vault (VAULT_LOCKED when locked). */
  keychainUnlock: call<{ readonly enabled: boolean }>()(none, 'background'),
  /** Turns keychain unlock on (adds a keychain slot) once the vault password is given again. */
  enableKeychainUnlock: call<{ readonly enabled: boolean }>()(v.strictObject({ password }), 'user'),
  /** Turns keychain unlock off (removes the keychain slot): only the password opens the vault. */
  disableKeychainUnlock: call<{ readonly enabled: boolean }>()(none, 'user'),
  /** Every change of state: created, unlocked, locked (by the user or by auto-lock). */
  onStatus: event<VaultStatus>(),
} as const;
