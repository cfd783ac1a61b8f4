// Runs in: renderer. Words for the facts Settings → About shows.
import type { KeychainBackend, KeychainInfo } from '../../../electron/core/api/types.ts';

const PLATFORMS: Partial<Record<string, string>> = { linux: 'Linux', darwin: 'macOS', win32: 'Windows' };

const BACKENDS: Record<KeychainBackend, string> = {
  keychain: 'macOS Keychain',
  dpapi: 'Windows Data Protection (DPAPI)',
  gnome_libsecret: 'Secret Service (libsecret)',
  kwallet: 'KDE Wallet',
  kwallet5: 'KDE Wallet 5',
  kwallet6: 'KDE Wallet 6',
  basic_text: 'basic_text',
  unknown: 'Unknown',
  none: 'None',
};

export const platformName = (platform: string): string => PLATFORMS[platform] ?? platform;

export const backendName = (backend: KeychainBackend): string => BACKENDS[backend];

export type Tone = 'good' | 'warn' | 'quiet';

/** What the keychain means for the user's vault, in one sentence. */
export function keychainVerdict(keychain: KeychainInfo): { tone: Tone; pill: string; text: string } {
  if (!keychain.available) {
    return { tone: 'quiet', pill: 'Unavailable', text: 'No OS keychain is available to Authdesk here. Your vault is protected by its password alone.' };
  }
  if (!keychain.secure) {
    return {
      tone: 'warn',
      pill: 'Not secure',
      text: 'The OS keychain protects nothing here: this backend stores keys in plain text. Authdesk will keep asking for your vault password.',
    };
  }
  return { tone: 'good', pill: 'Secure', text: 'Your OS keychain can keep a key to your vault, protected by your sign-in to this computer.' };
}
