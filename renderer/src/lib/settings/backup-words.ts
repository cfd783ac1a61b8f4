// Runs in: renderer. Words for backups: when one was made, what it holds.
import type { BackupEntry } from '../../../../electron/core/api/types.ts';

const WHEN = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

export const when = (at: number): string => WHEN.format(at);

export function holds(entry: BackupEntry): string {
  if (entry.accounts === null) return 'Accounts: shown once opened with its password';
  return `${entry.accounts} account${entry.accounts === 1 ? '' : 's'}`;
}
