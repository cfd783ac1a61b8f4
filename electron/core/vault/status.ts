// Runs in: main, CLI, tests.
import { stat } from 'node:fs/promises';

export type VaultState = 'none' | 'locked' | 'unlocked';

export interface VaultStatus {
  readonly state: VaultState;
  /** Where the vault file lives (or would be created). */
  readonly path: string;
}

/** Reports honestly whether a vault file exists; an existing vault starts locked. */
export async function vaultFileStatus(path: string, unlocked: boolean): Promise<VaultStatus> {
  try {
    await stat(path);
    return { state: unlocked ? 'unlocked' : 'locked', path };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'none', path };
    throw error;
  }
}
