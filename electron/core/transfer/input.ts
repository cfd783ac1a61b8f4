// Runs in: main, CLI, tests.
//
// Turning the bytes of a backup into text or JSON, with failures that say what is wrong
// without quoting the file (it may be full of secrets).

import { AuthdeskError } from '../errors.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** The file as UTF-8 text, or null when it is not text (an encrypted blob, a database). */
export function asText(bytes: Uint8Array): string | null {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return null;
  }
  // Control characters other than tab and line breaks mean binary data that happens to be
  // valid UTF-8 (or a NUL-padded file).
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return null;
  }
  return text;
}

export function requireText(bytes: Uint8Array, what: string): string {
  const text = asText(bytes);
  if (text === null) throw new AuthdeskError('IMPORT_MALFORMED', `This ${what} is not a text file.`);
  return text;
}

/** Parses JSON; a syntax error becomes IMPORT_MALFORMED without the parser's excerpt. */
export function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AuthdeskError('IMPORT_MALFORMED', `This ${what} is not valid JSON: the file is damaged or incomplete.`);
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function malformed(what: string, problem: string): AuthdeskError {
  return new AuthdeskError('IMPORT_MALFORMED', `This ${what} is damaged or incomplete: ${problem}.`);
}
