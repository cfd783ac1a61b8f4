// Runs in: main, CLI, tests.
//
// Bitwarden and Proton Authenticator store Steam Guard accounts as "steam://SECRET" (Base32),
// a form that is not an otpauth:// URI.

import { trimEnd } from '../otp/trim-end.ts';

const STEAM_PREFIX = 'steam://';

/** The Base32 secret of a steam:// link, or null when the text is not one. */
export function steamSecret(text: string): string | null {
  const trimmed = text.trim();
  if (!trimmed.toLowerCase().startsWith(STEAM_PREFIX)) return null;
  return trimEnd(trimmed.slice(STEAM_PREFIX.length), '/');
}
