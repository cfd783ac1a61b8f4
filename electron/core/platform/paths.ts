// Runs in: main, CLI, tests.
//
// Note (shared user-data folder): the CLI must open the same vault as the desktop app without
// importing Electron, so it recomputes Electron's app.getPath('userData') for the product
// name. Change together with package.json "productName" and electron/main/index.ts.
import { homedir } from 'node:os';
import { join } from 'node:path';

export const PRODUCT_NAME = 'Authdesk';
export const VAULT_FILE_NAME = 'vault.authdesk';
export const SETTINGS_FILE_NAME = 'config.json';

export function defaultUserDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  const home = homedir();
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', PRODUCT_NAME);
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), PRODUCT_NAME);
}

export function defaultVaultPath(userDataDir: string = defaultUserDataDir()): string {
  return join(userDataDir, VAULT_FILE_NAME);
}
