// Runs in: renderer.
//
// The limits core enforces on what the edit dialog sends (electron/core/otp/names.ts), checked
// as the user types. Typed with core's literal types, so the typecheck fails if they drift.
import type { AccountLimits } from '../../../../electron/core/api/types.ts';

export const LIMITS: AccountLimits = { name: 256, note: 10_000 };

/** What is wrong with a name or note the user typed, or null when core will take it. */
export function tooLong(value: string, max: number, what: string): string | null {
  return value.trim().length > max ? `The ${what} can be at most ${max.toLocaleString('en-US')} characters (now ${value.trim().length.toLocaleString('en-US')}).` : null;
}
