// Runs in: main, CLI, tests.
//
// Steam Guard codes: TOTP (SHA1, 30 s) whose truncated HMAC value is written as 5
// characters of Steam's 26-letter alphabet instead of decimal digits. engine.ts uses it in
// place of otplib's truncateDigits.

const STEAM_ALPHABET = '23456789BCDFGHJKMNPQRTVWXY';

export function encodeSteam(truncated: number, length: number): string {
  let value = truncated;
  let code = '';
  for (let i = 0; i < length; i++) {
    code += STEAM_ALPHABET[value % STEAM_ALPHABET.length];
    value = Math.floor(value / STEAM_ALPHABET.length);
  }
  return code;
}
