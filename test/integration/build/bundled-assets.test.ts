// Runs in: tests.
//
// The files the bundles load at run time travel with them: the QR decoder's .wasm beside main
// and the CLI (never fetched from a CDN), the brand icons beside main (kept out of main's own
// bundle). Built as scripts/build.ts builds them, into a temporary folder.
import assert from 'node:assert/strict';
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import type * as BrandData from '../../../electron/core/icons/brand-data.ts';
import type * as Decode from '../../../electron/core/qr/decode.ts';
import { electronBundles, lazyBundles, root, wasmCopies, ZXING_WASM } from '../../../scripts/build.ts';

type DecodeModule = typeof Decode;
type BrandModule = typeof BrandData;

test('the build copies the QR decoder’s wasm beside main’s and the CLI’s bundle', () => {
  const bundleDirs = electronBundles.filter((b) => b.outfile !== 'dist/preload/index.cjs').map((b) => join(b.outfile ?? '', '..'));
  assert.deepEqual(wasmCopies.map((c) => join(c, '..')), bundleDirs);
  assert.ok(wasmCopies.every((c) => basename(c) === basename(ZXING_WASM)));
});

test('bundled, the decoder reads the wasm beside it, with no network, and finds the codes', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'authdesk-bundle-'));
  const realFetch = globalThis.fetch;
  try {
    const [main] = electronBundles;
    await build({ ...main, entryPoints: ['electron/core/qr/decode.ts'], outfile: join(dir, 'decode.js'), sourcemap: false, logLevel: 'silent' });
    await copyFile(ZXING_WASM, join(dir, basename(ZXING_WASM)));
    globalThis.fetch = () => Promise.reject(new Error('the decoder tried the network'));
    const { decodeQrCodes } = (await import(pathToFileURL(join(dir, 'decode.js')).href)) as DecodeModule;
    const found = await decodeQrCodes(await readFile(join(root, 'test/fixtures/qr/screenshot-three.png')));
    assert.equal(found.length, 3);
  } finally {
    globalThis.fetch = realFetch;
    await rm(dir, { recursive: true, force: true });
  }
});

test('the brand icons are a bundle of their own, loaded on demand; main’s bundle does not carry them', async () => {
  const [main] = electronBundles;
  const result = await build({ ...main, write: false, metafile: true, logLevel: 'silent' });
  assert.deepEqual(Object.keys(result.metafile.inputs).filter((input) => input.includes('simple-icons')), []);
  assert.ok(Object.keys(result.metafile.inputs).includes('electron/core/icons/brands.ts'), 'main matches icons');
  const code = result.outputFiles.find((f) => f.path.endsWith('.js'))?.text ?? '';
  assert.ok(code.includes('import("./brand-icons.mjs")'), 'main imports the icons from beside itself');
  const icons = lazyBundles.find((b) => b.outfile === 'dist/main/brand-icons.mjs');
  assert.ok(icons, 'the brand icons are built beside main');
  const dir = await mkdtemp(join(tmpdir(), 'authdesk-icons-'));
  try {
    await build({ ...icons, outfile: join(dir, 'brand-icons.mjs'), logLevel: 'silent' });
    const { BRANDS } = (await import(pathToFileURL(join(dir, 'brand-icons.mjs')).href)) as BrandModule;
    assert.ok(BRANDS.some((b) => b.slug === 'github'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
