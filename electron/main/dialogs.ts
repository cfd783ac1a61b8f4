// Runs in: main. The Dialogs port over Electron's dialog module: pickers open as sheets of the
// main window when there is one, and a cancelled picker settles as null.
import { dialog, type BrowserWindow, type FileFilter as ElectronFilter } from 'electron';
import type { Dialogs, FileFilter } from '../core/platform/ports.ts';

function filters(list: readonly FileFilter[] | undefined): ElectronFilter[] {
  return (list ?? []).map((filter) => ({ name: filter.name, extensions: [...filter.extensions] }));
}

export function electronDialogs(parent: () => BrowserWindow | null): Dialogs {
  const open = async (options: Electron.OpenDialogOptions): Promise<string | null> => {
    const window = parent();
    const result = await (window ? dialog.showOpenDialog(window, options) : dialog.showOpenDialog(options));
    return result.canceled ? null : (result.filePaths[0] ?? null);
  };
  return {
    openFile: ({ title, filters: offered }) => open({ title, filters: filters(offered), properties: ['openFile'] }),
    chooseFolder: ({ title }) => open({ title, properties: ['openDirectory', 'createDirectory'] }),
    async saveFile({ title, defaultName, filters: offered }) {
      const window = parent();
      const options: Electron.SaveDialogOptions = { title, defaultPath: defaultName, filters: filters(offered), properties: ['showOverwriteConfirmation'] };
      const result = await (window ? dialog.showSaveDialog(window, options) : dialog.showSaveDialog(options));
      return result.canceled || result.filePath === '' ? null : result.filePath;
    },
  };
}
