// Runs in: tests.
//
// Note (the export list): what `import { X } from 'electron'` can name in the main process,
// read from the installed Electron's own typings (namespaces Main and Common of
// electron.d.ts). The stand-in exports every one of them, so a module main starts to use
// fails on first use with a message naming it, not at link time, and the list follows Electron
// upgrades by itself.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const TYPINGS = join(import.meta.dirname, '../../../node_modules/electron/electron.d.ts');

function readMainProcessApi(): readonly string[] {
  const typings = readFileSync(TYPINGS, 'utf8');
  const names = new Set<string>();
  for (const [, body = ''] of typings.matchAll(/^ {2}namespace (?:Main|Common) \{\n([\s\S]*?)^ {2}\}/gm)) {
    for (const [, name = ''] of body.matchAll(/^ {4}(?:const|class) (\w+)/gm)) names.add(name);
  }
  for (const expected of ['app', 'BrowserWindow', 'ipcMain', 'shell']) {
    if (!names.has(expected)) throw new Error(`electron stand-in: could not read Electron's main-process API from ${TYPINGS} (no ${expected})`);
  }
  return Object.freeze([...names]);
}

export const MAIN_PROCESS_API = readMainProcessApi();
