// Runs in: main, CLI, tests.
//
// Strict hex and Base64 decoding for values read from backup files. Buffer.from() silently
// stops at the first bad character, which would turn a damaged file into a wrong key
// instead of a clear "damaged" error.

import { trimEnd } from '../otp/trim-end.ts';

export function hexBytes(text: unknown): Buffer | null {
  if (typeof text !== 'string' || text.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(text)) return null;
  return Buffer.from(text, 'hex');
}

/** Standard Base64 with optional padding and surrounding whitespace (line-wrapped exports). */
export function base64Bytes(text: unknown): Buffer | null {
  if (typeof text !== 'string') return null;
  const compact = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || trimEnd(compact, '=').length % 4 === 1) return null;
  return Buffer.from(compact, 'base64');
}
