// Runs in: renderer.
//
// The steps the add and import dialogs share: a staging call (main reads and previews), an
// encrypted backup's password, the commit that saves, and forgetting what the user walked away
// from. Main drops stagings on its own too (expiry, lock).
import type { CommitResult, Staged, StagedLocked, StagedPreview } from '../../../../electron/core/api/types.ts';
import type { Result } from '../../../../electron/core/api/spec.ts';
import type { WireError } from '../../../../electron/core/errors.ts';
import { settle } from '../bridge.ts';

export type StepOutcome = 'preview' | 'password' | 'cancelled' | 'error';

export class StagedFlow {
  busy = $state(false);
  error = $state<WireError | null>(null);
  locked = $state.raw<StagedLocked | null>(null);
  preview = $state.raw<StagedPreview | null>(null);
  done = $state.raw<CommitResult | null>(null);
  /** Accounts the preview would add (the rest are duplicates). */
  readonly fresh = $derived(this.preview?.items.filter((i) => !i.duplicate).length ?? 0);

  /** Runs a staging call; null from main means the user cancelled a file dialog. */
  async run(call: () => Promise<Result<Staged | StagedPreview | null>>): Promise<StepOutcome> {
    this.busy = true;
    this.error = null;
    const result = await settle(call);
    this.busy = false;
    if (result.status !== 'ready') {
      this.error = result.status === 'error' ? result.error : null;
      return 'error';
    }
    const staged = result.value;
    if (staged === null) return 'cancelled';
    if (staged.state === 'password') {
      this.locked = staged;
      return 'password';
    }
    this.locked = null;
    this.preview = staged;
    return 'preview';
  }

  /** Shows what main staged already (a link opened from outside). */
  show(preview: StagedPreview): void {
    this.error = null;
    this.locked = null;
    this.preview = preview;
  }

  /** Saves the preview; tells the page accounts were added. */
  async confirm(): Promise<void> {
    const id = this.preview?.id;
    if (id === undefined) return;
    this.busy = true;
    const result = await settle(() => window.authdesk.transfer.commitStaged({ id }));
    this.busy = false;
    if (result.status === 'error') {
      this.error = result.error;
      return;
    }
    if (result.status !== 'ready') return;
    this.done = result.value;
    this.preview = null;
  }

  /** Forgets what is staged now (Back, Close, Cancel). */
  discard(): void {
    const id = this.preview?.id ?? this.locked?.id;
    this.preview = null;
    this.locked = null;
    this.error = null;
    if (id !== undefined) void window.authdesk.transfer.discardStaged({ id }).catch(() => undefined);
  }
}
