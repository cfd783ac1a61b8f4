// Runs in: main. The Clipboard port over Electron's (W3C-style, asynchronous) clipboard; the
// rules about when a copied code is cleared live in core, so they hold wherever the core runs.
import { clipboard } from 'electron';
import type { Clipboard } from '../core/platform/ports.ts';

const PNG = 'image/png';

export const electronClipboard: Clipboard = {
  readText: () => clipboard.readText(),
  writeText: (text) => clipboard.writeText(text),
  async readImage() {
    const item = (await clipboard.read()).find((entry) => entry.types.includes(PNG));
    if (item === undefined) return null;
    return new Uint8Array(await (await item.getType(PNG)).arrayBuffer());
  },
};
