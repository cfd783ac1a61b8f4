// Runs in: tests (Node); `npm run preview` reads RENDERER_DIR. `npm run test:e2e` builds the
// renderer first; running a test file by hand must work too, so build it here when
// dist/renderer is missing.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

export const REPO_ROOT = join(import.meta.dirname, '..', '..', '..');
export const RENDERER_DIR = join(REPO_ROOT, 'dist', 'renderer');

export async function ensureRendererBuilt(): Promise<string> {
  // The main window's page and the quick-search palette's.
  if (!['index.html', 'palette.html'].every((page) => existsSync(join(RENDERER_DIR, page)))) {
    await promisify(execFile)(process.execPath, [join(REPO_ROOT, 'scripts', 'build.ts'), '--renderer'], { cwd: REPO_ROOT });
  }
  return RENDERER_DIR;
}
