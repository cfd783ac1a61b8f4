// Runs in: development (`npm run dev`). The renderer from Vite's dev server with hot reload,
// inside the real Electron shell. Main trusts the dev server's origin only when it is not
// packaged and AUTHDESK_DEV_SERVER_URL is set (electron/main/index.ts).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createServer } from 'vite';
import { buildElectron, rendererConfig, root } from './build.ts';

const server = await createServer({ configFile: rendererConfig, server: { host: '127.0.0.1', port: 5173 } });
await server.listen();
const url = server.resolvedUrls?.local[0];
if (!url) throw new Error('the Vite dev server did not report its URL');
await buildElectron();
process.stdout.write(`renderer: ${url}\n`);

const electron = spawn(join(root, 'node_modules/.bin/electron'), ['.'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, AUTHDESK_DEV_SERVER_URL: url },
});
electron.on('exit', async (code) => {
  await server.close();
  process.exit(code ?? 0);
});
