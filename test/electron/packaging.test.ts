// Runs in: tests (Node), over the app electron-builder packed for this platform
// (`npm run dist -- --dir`, which needs Electron's download host once). Where none is in
// release/, each test skips with the reason, so the run's totals count them. It reads the
// packed binary and archive as the OS would get them: the fuses flipped in the executable and
// what app.asar holds.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { listPackage } from '@electron/asar';
import fuses from '@electron/fuses';
import { parse as parseYaml } from 'yaml';

const { FuseV1Options, getCurrentFuseWire } = fuses;
// @electron/fuses' FuseState, which it declares but does not export: a fuse is the byte '1' or '0'.
const FUSE_ON = '1'.charCodeAt(0);
const FUSE_OFF = '0'.charCodeAt(0);

const root = join(import.meta.dirname, '..', '..');
const release = join(root, 'release');

/** The unpacked app of this platform and its app.asar, as electron-builder --dir lays them out. */
function packedApp(): { executable: string; asar: string } | { reason: string } {
  const candidates: Partial<Record<NodeJS.Platform, { executable: string; asar: string }[]>> = {
    linux: [{ executable: join(release, 'linux-unpacked', 'authdesk'), asar: join(release, 'linux-unpacked', 'resources', 'app.asar') }],
    win32: [{ executable: join(release, 'win-unpacked', 'Authdesk.exe'), asar: join(release, 'win-unpacked', 'resources', 'app.asar') }],
    darwin: ['mac', 'mac-arm64', 'mac-universal'].map((dir) => {
      const bundle = join(release, dir, 'Authdesk.app');
      return { executable: bundle, asar: join(bundle, 'Contents', 'Resources', 'app.asar') };
    }),
  };
  const found = (candidates[process.platform] ?? []).find((app) => existsSync(app.executable) && existsSync(app.asar));
  return found ?? { reason: `no packed app for ${process.platform} in release/: run \`npm run dist -- --dir\` (its first run downloads Electron)` };
}

const app = packedApp();
const skip = 'reason' in app ? app.reason : false;
const paths = 'reason' in app ? { executable: '', asar: '' } : app;

test('the packed executable has the fuses build/electron-builder.yml sets', { skip }, async () => {
  const { electronFuses } = parseYaml(await readFile(join(root, 'build', 'electron-builder.yml'), 'utf8')) as { electronFuses: Record<string, boolean> };
  const wire = await getCurrentFuseWire(paths.executable);
  for (const [name, on] of Object.entries(electronFuses)) {
    const fuse = FuseV1Options[(name[0]?.toUpperCase() + name.slice(1)) as keyof typeof FuseV1Options];
    assert.equal(wire[fuse], on ? FUSE_ON : FUSE_OFF, name);
  }
});

test('app.asar holds the built app and the window icon, and no source maps', { skip }, () => {
  const files = listPackage(paths.asar, { isPack: false }).map((file) => file.replaceAll('\\', '/'));
  for (const needed of ['/package.json', '/dist/main/index.js', '/dist/preload/index.cjs', '/dist/renderer/index.html', '/dist/main/app-icon.png']) {
    assert.ok(files.includes(needed), needed);
  }
  assert.deepEqual(files.filter((file) => file.endsWith('.map')), []);
});
