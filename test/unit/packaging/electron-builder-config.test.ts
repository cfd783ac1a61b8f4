// Runs in: tests.
//
// build/electron-builder.yml as `npm run dist` reads it, checked without a network or an
// Electron download: electron-builder's own validation (the JSON schema it checks at start),
// then what the installers must carry.
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { PNG } from '../../support/png.ts';

interface BuilderConfig {
  files: string[];
  protocols: { name: string; schemes: string[] }[];
  electronFuses: Record<string, boolean>;
  mac: { target: string; icon: string };
  win: { target: string; icon: string };
  linux: { target: string[]; icon: string };
  deb: { depends: string[]; recommends: string[] };
}

const require = createRequire(import.meta.url);
// Deep imports of electron-builder's internals: the validator `electron-builder` runs first,
// and the deb dependencies it would use if the config named none.
const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  validateConfiguration(config: unknown, debugLogger: { isEnabled: boolean }): Promise<void>;
};
const { default: FpmTarget } = require('app-builder-lib/out/targets/FpmTarget.js') as {
  default: { prototype: { getDefaultDepends(target: string): string[]; computeFpmMetaInfoOptions(this: object): Promise<unknown> } };
};
const { FuseV1Options } = require('@electron/fuses') as { FuseV1Options: Record<string, number | string> };

const REPO_ROOT = join(import.meta.dirname, '..', '..', '..');
const CONFIG_PATH = join(REPO_ROOT, 'build', 'electron-builder.yml');
const config = parseYaml(await readFile(CONFIG_PATH, 'utf8')) as BuilderConfig;
const LINUX_ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];

async function pngSize(path: string): Promise<[number, number]> {
  const png = PNG.sync.read(await readFile(path));
  return [png.width, png.height];
}

test('electron-builder accepts the configuration, and its validator refuses a misspelt fuse', async () => {
  await validateConfiguration(config, { isEnabled: false });
  const misspelt = { ...config, electronFuses: { ...config.electronFuses, runAsNodes: false } };
  await assert.rejects(validateConfiguration(misspelt, { isEnabled: false }), /configuration\.electronFuses/);
});

test('every fuse named is one @electron/fuses flips', () => {
  const fuses = Object.keys(FuseV1Options).filter((key) => Number.isNaN(Number(key)));
  for (const name of Object.keys(config.electronFuses)) {
    assert.ok(fuses.includes(name[0]?.toUpperCase() + name.slice(1)), `${name} is not one of ${fuses.join(', ')}`);
  }
});

test('installers for each platform: AppImage and deb, dmg, NSIS', () => {
  assert.deepEqual(config.linux.target, ['AppImage', 'deb']);
  assert.equal(config.mac.target, 'dmg');
  assert.equal(config.win.target, 'nsis');
});

test('Authdesk is the handler of otpauth:// and otpauth-migration:// links', () => {
  assert.deepEqual(config.protocols.flatMap((protocol) => protocol.schemes).sort(), ['otpauth', 'otpauth-migration']);
});

test('the deb keeps electron-builder’s dependencies, needs libsecret and recommends an AppIndicator library', () => {
  for (const needed of [...FpmTarget.prototype.getDefaultDepends('deb'), 'libsecret-1-0']) assert.ok(config.deb.depends.includes(needed), needed);
  assert.deepEqual(config.deb.recommends, ['libayatana-appindicator3-1 | libappindicator3-1']);
});

test('icons: a 1024×1024 PNG for macOS and Windows, and every Linux size', async () => {
  assert.equal(config.mac.icon, 'build/icon.png');
  assert.equal(config.win.icon, 'build/icon.png');
  assert.deepEqual(await pngSize(join(REPO_ROOT, 'build', 'icon.png')), [1024, 1024]);
  assert.equal(config.linux.icon, 'build/icons');
  const names = (await readdir(join(REPO_ROOT, 'build', 'icons'))).sort();
  assert.deepEqual(names, LINUX_ICON_SIZES.map((size) => `${size}x${size}.png`).sort());
  for (const size of LINUX_ICON_SIZES) assert.deepEqual(await pngSize(join(REPO_ROOT, 'build', 'icons', `${size}x${size}.png`)), [size, size]);
});

test('the deb has the homepage and maintainer it must name (electron-builder refuses to make one without them)', async () => {
  const packageJson = JSON.parse(await readFile(join(REPO_ROOT, 'package.json'), 'utf8')) as { homepage: string; author: { name: string; email: string } };
  const packager = { appInfo: { computePackageUrl: async () => packageJson.homepage, linuxPackageName: 'authdesk' }, info: { metadata: packageJson } };
  const meta = (await FpmTarget.prototype.computeFpmMetaInfoOptions.call({ packager, options: config.deb })) as { maintainer: string; url: string };
  assert.equal(meta.maintainer, 'Authdesk developers <developers@authdesk.dev>');
  assert.equal(meta.url, 'https://authdesk.dev');
});
