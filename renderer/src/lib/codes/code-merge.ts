// Runs in: renderer.
//
// The codes the window holds, by account id, and how main's pushes are merged into them.
import type { AccountCode } from '../../../../electron/core/api/types.ts';

export type CodesById = ReadonlyMap<string, AccountCode>;

export const NO_CODES: CodesById = new Map();

/**
 * A new map with `list` merged in: main pushes only the codes that changed (the note "changed
 * codes only" in electron/core/accounts/codes.ts). An answer can arrive after a newer push
 * (codes.list asked before a boundary, answered after it), so a code never replaces a later one.
 */
export function mergeCodes(held: CodesById, list: readonly AccountCode[]): CodesById {
  const codes = new Map(held);
  for (const code of list) {
    const kept = codes.get(code.id);
    if (kept === undefined || code.validFrom >= kept.validFrom) codes.set(code.id, code);
  }
  return codes;
}
