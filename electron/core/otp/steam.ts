// Runs in: main, CLI, tests.
//
// Steam Guard codes: TOTP (SHA1, 30 s) whose truncated HMAC value is written as 5
// characters of Steam's 26-letter alphabet instead of decimal digits. Plugged into otplib
// through its encodeToken/validateToken hooks.
import type { OTPHooks } from '@otplib/core';

const STEAM_ALPHABET = '23456789BCDFGHJKMNPQRTVWXY';

function encodeSteam(truncated: number, length: number): string {
  let value = truncated;
  let code = '';
  for (let i = 0; i < length; i++) {
    code += STEAM_ALPHABET[value % STEAM_ALPHABET.length];
    value = Math.floor(value / STEAM_ALPHABET.length);
  }
  return code;
}

function validateSteam(token: string, length: number): void {
  if (token.length !== length || [...token].some((c) => !STEAM_ALPHABET.includes(c))) throw new Error('Not a Steam Guard code.');
}

export const steamHooks: OTPHooks = Object.freeze({ encodeToken: encodeSteam, validateToken: validateSteam });
