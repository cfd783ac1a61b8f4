// Runs in: main, CLI, tests.
//
// A text file of otpauth:// URIs, one a line: what Aegis, FreeOTP+ and most others import.

import { formatOtpauthUri } from '../../otp/uri.ts';
import type { Account } from '../../vault/model.ts';

export function exportOtpauthList(accounts: readonly Account[]): string {
  return accounts.map((a) => `${formatOtpauthUri(a)}\n`).join('');
}
