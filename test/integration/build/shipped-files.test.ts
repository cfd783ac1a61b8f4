// Runs in: tests.
//
// The installed app holds no test code and no sandbox: the main, preload, CLI and worker bundles are
// built exactly as scripts/build.ts builds them for dist/ (in memory, so dist/ is left alone), and
// electron-builder packs only dist/ and package.json.
// Note (never shipped): change together with scripts/eslint/no-test-imports.js, which stops the
// same mistake earlier, in the editor.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { build, type BuildResult } from 'esbuild';
import { parse } from 'yaml';
import { electronBundles, lazyBundles, root, workerBundles } from '../../../scripts/build.ts';

const SANDBOX_PACKAGE = '@authdesk/sandbox';

// Strings only the sandbox has: the demo Weavr API key (seed.ts) and its start page (print.ts).
const SANDBOX_MARKERS = [
  { file: 'test/sandbox/seed.ts', marker: 'sandbox-weavr-api-key' },
  { file: 'test/sandbox/print.ts', marker: 'Authdesk sandbox is running on this computer only' },
] as const;

type InMemoryBuild = BuildResult<{ write: false; metafile: true }>;

let built: Promise<Array<{ outfile: string; result: InMemoryBuild }>> | undefined;

function buildShippedBundles() {
  built ??= Promise.all([...electronBundles, ...workerBundles, ...lazyBundles].map(async (options) => ({
    outfile: options.outfile ?? '(no outfile)',
    result: await build({ ...options, write: false, metafile: true, logLevel: 'silent' }),
  })));
  return built;
}

function fromTestOrSandbox(input: string): boolean {
  return input.startsWith('test/') || input.includes(`node_modules/${SANDBOX_PACKAGE}/`);
}

test('no file of the main, preload, CLI or worker bundles comes from test/ or the sandbox package', async () => {
  const bundles = await buildShippedBundles();
  assert.deepEqual(bundles.map((b) => b.outfile), ['dist/main/index.js', 'dist/preload/index.cjs', 'dist/cli/authdesk.mjs', 'dist/main/argon2-worker.mjs', 'dist/cli/argon2-worker.mjs', 'dist/main/brand-icons.mjs']);
  for (const { outfile, result } of bundles) {
    const inputs = Object.keys(result.metafile.inputs);
    assert.ok(inputs.some((input) => input.startsWith('electron/core/')), `${outfile} is built from the app's own code`);
    assert.deepEqual(inputs.filter(fromTestOrSandbox), [], `${outfile} bundles test code`);
  }
});

test('nothing the build writes to dist/main, dist/preload or dist/cli carries a sandbox string', async () => {
  for (const { file, marker } of SANDBOX_MARKERS) {
    assert.ok((await readFile(join(root, file), 'utf8')).includes(marker), `${file} no longer has "${marker}": pick another marker`);
  }
  const outputs = (await buildShippedBundles()).flatMap(({ result }) => result.outputFiles);
  assert.ok(outputs.length >= 3);
  const found = outputs.flatMap((output) => SANDBOX_MARKERS
    .filter(({ marker }) => output.text.includes(marker))
    .map(({ marker }) => `${relative(root, output.path)}: ${marker}`));
  assert.deepEqual(found, [], 'the shipped files carry the sandbox');
});

test('electron-builder packs dist/ (without source maps) and package.json, nothing from test/', async () => {
  const config = parse(await readFile(join(root, 'build/electron-builder.yml'), 'utf8'));
  const patterns: unknown[] = config.files;
  const packed = patterns.filter((p): p is string => typeof p === 'string' && !p.startsWith('!'));
  assert.deepEqual(patterns.filter((p) => typeof p !== 'string'), [], 'every files entry is a plain pattern');
  assert.deepEqual(packed.filter((p) => p !== 'package.json' && !p.startsWith('dist/')), [], 'files packs only dist/ and package.json');
  assert.ok(patterns.includes('!dist/**/*.map'), 'source maps stay out of the app');
  assert.equal(config.directories?.app, undefined, 'files are taken from the project root');
  for (const key of ['extraResources', 'extraFiles']) {
    assert.equal(config[key], undefined, `${key} would put more than dist/ into the app`);
  }
});

test('the sandbox package is private and the app does not depend on it', async () => {
  const app = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
  const sandbox = JSON.parse(await readFile(join(root, 'test/sandbox/package.json'), 'utf8'));
  assert.equal(sandbox.name, SANDBOX_PACKAGE);
  assert.equal(sandbox.private, true);
  assert.equal(app.dependencies[SANDBOX_PACKAGE], undefined, 'electron-builder packs every production dependency');
});
