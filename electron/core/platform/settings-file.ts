// Runs in: main, CLI, tests.
//
// Note (one settings file, no electron-store): the app and the CLI read and write the same
// config.json in the user-data folder through conf. electron-store is conf plus Electron's
// paths, and it registers an ipcMain listener of its own that answers any renderer without the
// router's sender check; main passes the folder itself instead. Change together with
// electron/core/platform/paths.ts (SETTINGS_FILE_NAME).
import Conf from 'conf';
import { SETTINGS_FILE_NAME } from './paths.ts';
import type { SettingsStore } from './ports.ts';

export function settingsFile(userDataDir: string): SettingsStore {
  // Made on first use: a CLI command that never reads a setting never touches the file.
  let conf: Conf | undefined;
  const store = () => (conf ??= new Conf({ cwd: userDataDir, configName: SETTINGS_FILE_NAME.replace(/\.json$/, ''), configFileMode: 0o600 }));
  return {
    get: (key) => store().get(key),
    set: (key, value) => store().set(key, value),
  };
}
