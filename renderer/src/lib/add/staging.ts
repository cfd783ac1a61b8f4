// Runs in: renderer. The words the add and import dialogs use for a commit and for progress.
import type { CommitResult, StageProgress } from '../../../../electron/core/api/types.ts';

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
