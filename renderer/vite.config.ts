// Runs in: development and CI (Vite, under Node 24). Builds renderer/ into dist/renderer.
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from '../electron/main/window/csp.ts';

const here = dirname(fileURLToPath(import.meta.url));

// Note (CSP meta): the policy also travels in the page itself so it holds wherever the file is
// opened, not only where a header is sent. Browsers ignore (and warn about) frame-ancestors,
// report-uri and sandbox in a meta tag, so those stay header-only. Change together with
// electron/main/window/csp.ts.
const HEADER_ONLY = /^(frame-ancestors|report-uri|sandbox)\b/;
const META_POLICY = CONTENT_SECURITY_POLICY.split(';')
  .map((directive) => directive.trim())
  .filter((directive) => !HEADER_ONLY.test(directive))
  .join('; ');

function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'authdesk-csp-meta',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: META_POLICY }, injectTo: 'head-prepend' },
    ],
  };
}

export default defineConfig({
  root: here,
  base: './',
  plugins: [svelte(), contentSecurityPolicyMeta()],
  build: {
    outDir: join(here, '..', 'dist', 'renderer'),
    emptyOutDir: true,
    // The polyfill is an inline <script>, which the CSP forbids; Chromium needs none.
    modulePreload: { polyfill: false },
    // Inlined assets would become data: URLs in scripts and styles; keep every asset a file.
    assetsInlineLimit: 0,
    target: 'chrome130',
    // The main window, and the quick-search palette's own small window (electron/main/palette/).
    rollupOptions: { input: { index: join(here, 'index.html'), palette: join(here, 'palette.html') } },
  },
});
