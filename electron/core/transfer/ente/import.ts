// Runs in: main, CLI, tests.
//
// Ente Auth's plain-text export: otpauth:// URIs, one a line, each with a `codeDisplay`
// query parameter holding JSON (pinned, trashed, tags, note).

import { parseOtpauthUri } from '../../otp/uri.ts';
import { collectEntries, withExtras } from '../entry.ts';
import { isRecord, malformed, requireText } from '../input.ts';
import { nonEmptyLines } from '../text-lines.ts';
import type { Importer } from '../types.ts';

const WHAT = 'Ente Auth export';

interface CodeDisplay {
  readonly pinned?: boolean;
  readonly trashed?: boolean;
  readonly tags?: string[];
  readonly note?: string;
}

export const importEnte: Importer = async (input) => {
  const lines = nonEmptyLines(requireText(input, WHAT));
  if (!lines.some((line) => line.toLowerCase().startsWith('otpauth://'))) throw malformed(WHAT, 'it holds no otpauth:// link');
  return collectEntries(lines, (line) => {
    const display = codeDisplay(line);
    // Ente exports the items in its trash too; the user deleted those.
    if (display.trashed === true) return null;
    return withExtras(parseOtpauthUri(line), { favourite: display.pinned, groups: display.tags, note: display.note });
  });
};

// Extras are a convenience: a damaged codeDisplay loses them, not the account.
function codeDisplay(uri: string): CodeDisplay {
  const query = uri.indexOf('?');
  const raw = query < 0 ? null : new URLSearchParams(uri.slice(query + 1)).get('codeDisplay');
  if (raw === null) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw) as unknown;
  } catch {
    return {};
  }
  if (!isRecord(parsed)) return {};
  const tags = Array.isArray(parsed['tags']) ? parsed['tags'].filter((t): t is string => typeof t === 'string') : undefined;
  return {
    ...(typeof parsed['pinned'] === 'boolean' ? { pinned: parsed['pinned'] } : {}),
    ...(typeof parsed['trashed'] === 'boolean' ? { trashed: parsed['trashed'] } : {}),
    ...(tags ? { tags } : {}),
    ...(typeof parsed['note'] === 'string' ? { note: parsed['note'] } : {}),
  };
}
