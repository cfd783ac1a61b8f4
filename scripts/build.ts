// Runs in: development and CI (Node 24). Builds what Electron loads:
//   dist/main/index.js       main process (ESM, esbuild)
//   dist/preload/index.cjs   the sandboxed preload: one CommonJS bundle (a sandboxed preload
//                            cannot load ES modules or require anything but 'electron')
//   dist/cli/authdesk.mjs    the CLI (ESM, esbuild, shebang)
//   dist/{main,cli}/argon2-worker.mjs  the Argon2id worker thread, beside each bundle that starts it
//   dist/{main,cli}/zxing_reader.wasm  the QR decoder, beside each bundle that reads pictures
//   dist/main/brand-icons.mjs  the issuer icons (simple-icons), loaded when the window first asks
//   dist/main/tray-icons/    the tray icons (drawn by scripts/tray-icons.ts)
//   dist/main/app-icon.png   the window's and notifications' icon on Linux (build/icons/512x512.png)
//   dist/renderer/           the Svelte app (Vite)
// `--renderer` builds the renderer only (the e2e tests need nothing else).
import { build as esbuild, type BuildOptions, type Plugin } from 'esbuild';
import { copyFile, cp, mkdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as viteBuild } from 'vite';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const rendererConfig = join(root, 'renderer/vite.config.ts');

export async function buildRenderer(): Promise<void> {
  await viteBuild({ configFile: rendererConfig, logLevel: 'warn' });
}

const common: BuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  sourcemap: 'linked',
  logLevel: 'warning',
  absWorkingDir: root,
};

// Note (brand file): electron/core/icons/brands.ts imports brand-data.ts on first use; bundled,
// that import becomes brand-icons.mjs beside the bundle (built by lazyBundles below), so the
// 5 MB icon set stays out of main's own bundle. Change the three together.
const brandIconsApart: Plugin = {
  name: 'brand-icons-apart',
  setup(build) {
    build.onResolve({ filter: /^\.\/brand-data\.ts$/ }, ({ importer }) => (importer.endsWith(join('icons', 'brands.ts')) ? { path: './brand-icons.mjs', external: true } : undefined));
  },
};

/** Main, preload and CLI, as they go into dist/ (test/integration/build/ builds the same in memory). */
export const electronBundles: readonly BuildOptions[] = [
  {
    ...common,
    entryPoints: ['electron/main/index.ts'],
    outfile: 'dist/main/index.js',
    format: 'esm',
    external: ['electron'],
    plugins: [brandIconsApart],
    // Bundled CommonJS dependencies call require(); give the ESM bundle one.
    banner: { js: "import { createRequire as __authdeskRequire } from 'node:module'; const require = __authdeskRequire(import.meta.url);" },
  },
  {
    ...common,
    entryPoints: ['electron/preload/index.ts'],
    outfile: 'dist/preload/index.cjs',
    format: 'cjs',
    platform: 'browser',
    external: ['electron'],
  },
  {
    ...common,
    entryPoints: ['electron/cli/authdesk.mjs'],
    outfile: 'dist/cli/authdesk.mjs',
    format: 'esm',
    plugins: [brandIconsApart],
    banner: { js: "#!/usr/bin/env node\nimport { createRequire as __authdeskRequire } from 'node:module'; const require = __authdeskRequire(import.meta.url);" },
  },
];

// Note (worker file): electron/core/vault/argon2-thread.ts looks for argon2-worker.mjs beside
// the bundle that imports it; change the two together.
const argon2Worker = (dir: string): BuildOptions => ({
  ...common,
  entryPoints: ['electron/core/vault/argon2-worker.ts'],
  outfile: `${dir}/argon2-worker.mjs`,
  format: 'esm',
});

/** What the bundles above start as worker threads. */
export const workerBundles: readonly BuildOptions[] = [argon2Worker('dist/main'), argon2Worker('dist/cli')];

/** What the bundles above import on demand, kept out of them so they start fast. */
export const lazyBundles: readonly BuildOptions[] = [
  { ...common, entryPoints: ['electron/core/icons/brand-data.ts'], outfile: 'dist/main/brand-icons.mjs', format: 'esm', sourcemap: false },
];

// Note (wasm file): electron/core/qr/decode.ts reads zxing_reader.wasm beside the bundle that
// imports it; change the two together.
export const ZXING_WASM = join(root, 'node_modules/zxing-wasm/dist/reader/zxing_reader.wasm');
export const wasmCopies: readonly string[] = ['dist/main/zxing_reader.wasm', 'dist/cli/zxing_reader.wasm'];

async function copyWasm(to: string): Promise<void> {
  await mkdir(dirname(join(root, to)), { recursive: true });
  await copyFile(ZXING_WASM, join(root, to));
}

// Note (icon forms): electron/main/tray/tray-icon.ts loads these from beside main's bundle.
export const TRAY_ICONS = { from: 'electron/main/tray/icons', to: 'dist/main/tray-icons' } as const;

// Note (window icon): electron/main/window/window-icon.ts loads it from beside main's bundle.
const APP_ICON = { from: 'build/icons/512x512.png', to: 'dist/main/app-icon.png' } as const;

export async function buildElectron(): Promise<void> {
  await rm(join(root, 'dist/main'), { recursive: true, force: true });
  await Promise.all([...electronBundles, ...workerBundles, ...lazyBundles].map((options) => esbuild(options)));
  await Promise.all([...wasmCopies.map(copyWasm), cp(join(root, TRAY_ICONS.from), join(root, TRAY_ICONS.to), { recursive: true }), copyFile(join(root, APP_ICON.from), join(root, APP_ICON.to))]);
}

if (import.meta.main) {
  await (process.argv.includes('--renderer') ? buildRenderer() : Promise.all([buildRenderer(), buildElectron()]));
}
