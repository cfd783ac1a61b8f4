// Runs in: sandbox (`npm run sandbox` and tests; never shipped).
//
// Comparing a presented secret (API key, password, typed number) without leaking through timing.

import { timingSafeEqual } from 'node:crypto';

export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
