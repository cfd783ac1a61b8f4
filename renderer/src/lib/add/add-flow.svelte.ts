// Runs in: renderer.
//
// Which add or import dialog is open, shared by every way in: the Add account menu (placed in
// the Codes header and its empty state), Ctrl/Cmd+N, a file dropped on the window, and the
// shell (a link opened from outside: lib/nav/navigation.svelte.ts).
import type { StagedPreview } from '../../../../electron/core/api/types.ts';
import type { WireError } from '../../../../electron/core/errors.ts';

export type AddMode = 'link' | 'picture' | 'clipboard' | 'screen' | 'manual';

export interface DroppedFile {
  readonly name: string;
  readonly bytes: Uint8Array<ArrayBuffer>;
}

/** What the add dialog opens on, besides a way in: a file dropped, a scan to start, or what main staged already. */
export type AddStart =
  | { readonly dropped: DroppedFile }
  | { readonly scan: true }
  | { readonly preview: StagedPreview }
  | { readonly problem: WireError };

// `opened` counts openings: the dialog is made afresh for each, even over an open one.
export const addFlow = $state<{ open: 'add' | 'import' | null; mode: AddMode; start: AddStart | null; opened: number }>({ open: null, mode: 'link', start: null, opened: 0 });

export function openAdd(mode: AddMode, start: AddStart | null = null): void {
  addFlow.mode = mode;
  addFlow.start = start;
  addFlow.opened++;
  addFlow.open = 'add';
}

/** The add dialog on what the shell staged (a link opened from outside), or on why it could not be. */
export function openAddOn(start: { readonly preview: StagedPreview } | { readonly problem: WireError }): void {
  openAdd('link', start);
}

export function openImport(dropped: DroppedFile | null = null): void {
  addFlow.start = dropped === null ? null : { dropped };
  addFlow.opened++;
  addFlow.open = 'import';
}

/** The dropped file the dialog opened on, if any. */
export function droppedOn(start: AddStart | null): DroppedFile | null {
  return start !== null && 'dropped' in start ? start.dropped : null;
}

export function closeAddFlow(): void {
  addFlow.open = null;
  addFlow.start = null;
}
