// Runs in: renderer.
//
// Which add or import dialog is open, shared by every way in: the Add account menu (placed in
// the Codes header and its empty state), Ctrl/Cmd+N, and a file dropped on the window.
export type AddMode = 'link' | 'picture' | 'clipboard' | 'manual';

export interface DroppedFile {
  readonly name: string;
  readonly bytes: Uint8Array<ArrayBuffer>;
}

export const addFlow = $state<{ open: 'add' | 'import' | null; mode: AddMode; dropped: DroppedFile | null }>({ open: null, mode: 'link', dropped: null });

export function openAdd(mode: AddMode, dropped: DroppedFile | null = null): void {
  addFlow.mode = mode;
  addFlow.dropped = dropped;
  addFlow.open = 'add';
}

export function openImport(dropped: DroppedFile | null = null): void {
  addFlow.dropped = dropped;
  addFlow.open = 'import';
}

export function closeAddFlow(): void {
  addFlow.open = null;
  addFlow.dropped = null;
}
