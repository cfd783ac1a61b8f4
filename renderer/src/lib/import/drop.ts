// Runs in: renderer.
//
// A file dropped on the window: a picture goes to the Add account dialog (its QR codes are
// read), anything else to the import dialog. The bytes go to main untouched (contract/
// transfer.ts, Note dropped files); main decides by content, this only picks the dialog.
import type { DroppedFile } from '../add/add-flow.svelte.ts';

const IMAGE_NAME = /\.(?:png|jpe?g)$/i;

export function isPicture(file: File): boolean {
  return file.type.startsWith('image/') || IMAGE_NAME.test(file.name);
}

/** The one file dropped, or null when the drop held none (text, several files, a folder). */
export async function droppedFile(transfer: DataTransfer | null): Promise<{ file: DroppedFile; picture: boolean } | null> {
  const files = transfer?.files;
  if (!files || files.length !== 1) return null;
  const file = files[0];
  if (!file) return null;
  return { file: { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }, picture: isPicture(file) };
}
