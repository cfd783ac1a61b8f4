// Runs in: main, CLI, tests.
//
// The last guard before an error becomes an event or a rejection the renderer sees: a
// provider's AuthdeskError is trusted to be written for people, but if it still quotes a
// secret this login handed out (the password, an OTP, a token), its words are replaced;
// anything that is not an AuthdeskError may quote anything and is never shown.

import { AuthdeskError } from '../errors.ts';
import type { WireError } from '../errors.ts';

export function safeWireError(error: unknown, secrets: ReadonlySet<string>, fallback: string): WireError {
  if (!(error instanceof AuthdeskError)) return { code: 'PROVIDER_ERROR', message: fallback };
  const quotesSecret = [...secrets].some((secret) => secret !== '' && error.message.includes(secret));
  return quotesSecret ? { code: error.code, message: fallback } : error.toWire();
}
