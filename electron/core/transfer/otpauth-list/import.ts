// Runs in: main, CLI, tests.
//
// A text file of otpauth:// URIs, one a line: Aegis "plain text", WinAuth, FreeOTP+ and
// GNOME Authenticator exports, or links collected by hand.

import { parseOtpauthUri } from '../../otp/uri.ts';
import { collectEntries, withExtras } from '../entry.ts';
import { malformed, requireText } from '../input.ts';
import { nonEmptyLines } from '../text-lines.ts';
import type { Importer } from '../types.ts';

const WHAT = 'list of otpauth:// links';

export const importOtpauthList: Importer = async (input) => {
  const lines = nonEmptyLines(requireText(input, WHAT));
  if (!lines.some((line) => line.toLowerCase().startsWith('otpauth://'))) throw malformed(WHAT, 'it holds no otpauth:// link');
  return collectEntries(lines, (line) => withExtras(parseOtpauthUri(line), {}));
};
