// Runs in: main. The Clipboard port over Electron's (W3C-style, asynchronous) clipboard; the
// rules about when a copied code is cleared live in core, so they hold wherever the core runs.
// Text goes with the formats that keep it out of clipboard history (clipboard-marks.ts).
import { clipboard, ClipboardItem } from 'electron';
import type { Clipboard } from '../core/platform/ports.ts';
import { clipboardMarks } from './clipboard-marks.ts';

const PNG = 'image/png';

export const electronClipboard: Clipboard = {
  readText: () => clipboard.readText(),
  async writeText(text) {
    const marks = Object.entries(clipboardMarks(process.platform)).map(([type, bytes]) => [type, new Blob([bytes])] as const);
    await clipboard.write([new ClipboardItem({ 'text/plain': text, ...Object.fromEntries(marks) })]);
  },
  async readImage() {
    const item = (await clipboard.read()).find((entry) => entry.types.includes(PNG));
    if (item === undefined) return null;
    return new Uint8Array(await (await item.getType(PNG)).arrayBuffer());
  },
};
