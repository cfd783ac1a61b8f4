// Runs in: tests. Finds a real Electron binary without triggering Electron's first-run
// download (requiring the 'electron' package would try to fetch one).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function findElectronBinary(root: string): { path: string } | { reason: string } {
  const fromEnv = process.env.AUTHDESK_ELECTRON_PATH;
  if (fromEnv) return existsSync(fromEnv) ? { path: fromEnv } : { reason: `AUTHDESK_ELECTRON_PATH=${fromEnv} does not exist` };
  const pkg = join(root, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) {
    return {
      reason:
        'no Electron binary is installed (node_modules/electron/path.txt is missing: Electron downloads its binary on first run, ' +
        'which needs its download host). Run `npx install-electron` with internet access, or set AUTHDESK_ELECTRON_PATH.',
    };
  }
  const binary = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? { path: binary } : { reason: `the Electron binary ${binary} is missing` };
}
