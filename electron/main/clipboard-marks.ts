// Runs in: main, tests. Pure: no Electron here, so the platform rule is tested everywhere.
//
// Note (clipboard history): a copied code must not outlive its clear timer in a clipboard
// history or a cloud clipboard. Each OS has a convention that such tools honour, carried as
// extra formats beside the text, written in the same clipboard.write as the text (Electron 45
// commits every format of one write at once, through one ScopedClipboardWriter; a second write
// would replace the text). Formats go by their OS name through Electron's
// `electron application/osclipboard;format="<name>"` type, which writes the bytes as they are.
// - Windows: ExcludeClipboardContentFromMonitorProcessing (any data) keeps it out of the
//   clipboard history (Win+V) and cloud clipboard, and out of monitoring apps;
//   CanIncludeInClipboardHistory and CanUploadToCloudClipboard as DWORD 0 say the same to
//   those two features explicitly.
// - macOS: org.nspasteboard.ConcealedType and TransientType (nspasteboard.org), which clipboard
//   managers honour by not recording or showing the item.
// - Linux: no convention every clipboard manager honours; the text goes alone.
// Change together with electron/main/clipboard.ts.

const DWORD_ZERO = new Uint8Array(4);
// The nspasteboard.org types are markers: their data is not read, only their presence.
const MARKER = Uint8Array.of(0);

const osFormat = (name: string): string => `electron application/osclipboard;format="${name}"`;

const MARKS: Partial<Record<NodeJS.Platform, Readonly<Record<string, Uint8Array>>>> = {
  win32: {
    [osFormat('ExcludeClipboardContentFromMonitorProcessing')]: DWORD_ZERO,
    [osFormat('CanIncludeInClipboardHistory')]: DWORD_ZERO,
    [osFormat('CanUploadToCloudClipboard')]: DWORD_ZERO,
  },
  darwin: {
    [osFormat('org.nspasteboard.ConcealedType')]: MARKER,
    [osFormat('org.nspasteboard.TransientType')]: MARKER,
  },
};

/** The formats that keep a copied code out of clipboard history and cloud clipboards on this platform, by Electron clipboard type. */
export function clipboardMarks(platform: NodeJS.Platform): Readonly<Record<string, Uint8Array>> {
  return MARKS[platform] ?? {};
}
