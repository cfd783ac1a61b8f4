// Runs in: main.
import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { APP_HOST, APP_SCHEME } from '../../core/api/sender.ts';
import { APP_RESPONSE_HEADERS, APP_SCHEME_PRIVILEGES } from './app-scheme.ts';
import { mimeTypeOf, resolveAsset } from './resolve-asset.ts';

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }]);
}

export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET') return new Response('Method not allowed', { status: 405 });
    const file = resolveAsset(rendererDir, request.url, APP_HOST);
    if (!file) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(file);
      return new Response(body, { headers: { ...APP_RESPONSE_HEADERS, 'Content-Type': mimeTypeOf(file) } });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
