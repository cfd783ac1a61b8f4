// Runs in: development (npm run preview).
//
// The window in the user's own browser, with window.authdesk wired to the real core, for
// people reviewing it without Electron. A development tool, never part of the product:
// nothing under electron/ imports it and the packaged app holds nothing from scripts/.
// `npm run preview -- [--vault FILE] [--port N] [--json]`; runs until SIGINT or SIGTERM.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VAULT_FILE_NAME } from '../electron/core/platform/paths.ts';
import { createBackend } from '../test/e2e/support/backend.ts';
import { RENDERER_DIR } from '../test/e2e/support/renderer-build.ts';
import { bundleForBrowser } from '../test/e2e/support/standin.ts';
import type { StaticServer } from '../test/e2e/support/static-server.ts';
import { buildRenderer } from './build.ts';
import { TOKEN_PARAM } from './preview/endpoints.ts';
import { parseOptions, USAGE, UsageError, type PreviewOptions } from './preview/options.ts';
import { previewPage } from './preview/page.ts';
import { startPreviewServer } from './preview/server.ts';
import { createToken } from './preview/token.ts';
import { createHttpTransport } from './preview/transport.ts';

function banner(url: string, vaultPath: string, throwaway: boolean): string {
  return [
    'Authdesk preview: the window in your browser, wired to the real core (a development tool).',
    `  Open:  ${url}`,
    '         (the token in this link is the only key to the core: do not share it)',
    `  Vault: ${vaultPath}`,
    throwaway ? '         a throwaway vault in a temporary folder, removed on exit' : '         "Create vault" in the window makes it if it is missing; it is kept on exit',
    '         preview only: weak key derivation, so keep no real secrets in a vault made here',
    'Ctrl+C to stop.',
    '',
  ].join('\n');
}

/** Where the vault lives, and the folder removed on exit when it is a throwaway one. */
async function vaultLocation(given: string | undefined): Promise<{ path: string; throwaway?: string }> {
  if (given !== undefined) return { path: given };
  // Note (default vault): never the user's real vault, but a fresh file in a folder of its
  // own, removed with everything in it on exit.
  const folder = await mkdtemp(join(tmpdir(), 'authdesk-preview-'));
  return { path: join(folder, VAULT_FILE_NAME), throwaway: folder };
}

async function preview(options: PreviewOptions): Promise<void> {
  await buildRenderer();
  const [page, standin] = await Promise.all([
    readFile(join(RENDERER_DIR, 'index.html'), 'utf8').then(previewPage),
    bundleForBrowser(join(import.meta.dirname, 'preview', 'standin-entry.ts')),
  ]);
  const { path: vaultPath, throwaway } = await vaultLocation(options.vault);
  const token = createToken();
  const transport = createHttpTransport();
  // createBackend makes vaults with a cheap Argon2id: the printed text says so.
  const backend = createBackend(vaultPath, transport.send);
  let server: StaticServer | undefined;

  async function shutDown(): Promise<void> {
    await server?.close();
    // Calls under way finish before the core locks the vault and its folder goes.
    await transport.idle();
    backend.close();
    if (throwaway) await rm(throwaway, { recursive: true, force: true });
  }

  try {
    server = await startPreviewServer({ port: options.port, rendererDir: RENDERER_DIR, page, standin, token, transport, routerFor: backend.router });
  } catch (error) {
    await shutDown();
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new UsageError(`Port ${options.port} is in use: pick another, or leave --port out for a free one.`);
    throw error;
  }
  const url = `${server.origin}/?${TOKEN_PARAM}=${token}`;
  process.stdout.write(options.json ? `${JSON.stringify({ url })}\n` : banner(url, vaultPath, throwaway !== undefined));

  const stop = () => {
    void shutDown().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('npm run preview: could not shut down cleanly', error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

try {
  await preview(parseOptions(process.argv.slice(2)));
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  console.error(`${error.message}\n${USAGE}`);
  process.exit(1);
}
