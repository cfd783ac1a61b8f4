// Runs in: renderer.
//
// The steps both dialogs share: a staging call settled into what the dialog shows next, the
// commit that saves it, and the word for each step of a big import's progress.
import type { CommitResult, StageProgress } from '../../../../electron/core/api/types.ts';
import type { Result } from '../../../../electron/core/api/spec.ts';
import type { WireError } from '../../../../electron/core/errors.ts';
import { settle } from '../bridge.ts';
import { ACCOUNTS_ADDED } from './add-flow.svelte.ts';

/** Runs a staging call; an error comes back as the WireError to show. */
export async function stage<T>(call: () => Promise<Result<T>>): Promise<{ value: T } | { error: WireError }> {
  const result = await settle(call);
  if (result.status === 'ready') return { value: result.value };
  return { error: result.status === 'error' ? result.error : { code: 'INTERNAL', message: 'Nothing was read.' } };
}

/** Saves a staging; tells the page accounts were added. */
export async function commit(id: string): Promise<{ value: CommitResult } | { error: WireError }> {
  const result = await stage(() => window.authdesk.transfer.commitStaged({ id }));
  if ('value' in result && result.value.added > 0) window.dispatchEvent(new CustomEvent(ACCOUNTS_ADDED));
  return result;
}

/** Forgets a staging the user walked away from; main drops it on its own too (expiry, lock). */
export function discard(id: string | undefined): void {
  if (id !== undefined) void window.authdesk.transfer.discardStaged({ id }).catch(() => undefined);
}

export function doneMessage({ added, skipped }: CommitResult): string {
  const accounts = `${added.toLocaleString()} ${added === 1 ? 'account' : 'accounts'}`;
  return skipped > 0 ? `Added ${accounts}. ${skipped.toLocaleString()} already in your vault ${skipped === 1 ? 'was' : 'were'} skipped.` : `Added ${accounts}.`;
}

export function progressText(progress: StageProgress): string {
  if (progress.step === 'reading') return 'Reading the file…';
  if (progress.step === 'decrypting') return 'Decrypting with your password…';
  return `Checking ${progress.done.toLocaleString()} of ${progress.total.toLocaleString()} accounts against your vault…`;
}

/** Out of 100: reading and decrypting are the first two thirds, checking the last. */
export function progressValue(progress: StageProgress): number {
  if (progress.step === 'reading') return 10;
  if (progress.step === 'decrypting') return 40;
  return 66 + Math.round((34 * progress.done) / Math.max(progress.total, 1));
}
