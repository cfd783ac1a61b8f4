// Runs in: tests. Preferences in the one settings file the app and the CLI share.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { DEFAULT_SETTINGS, SettingsService } from '../../../electron/core/app/settings.ts';
import { settingsFile } from '../../../electron/core/platform/settings-file.ts';

async function folder(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'authdesk-settings-'));
  after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

test('a change is written to config.json (owner-only) and read back by another process’s store', async () => {
  const dir = await folder();
  new SettingsService(settingsFile(dir)).update({ autoLockMinutes: 12, theme: 'dark' });
  assert.deepEqual(JSON.parse(await readFile(join(dir, 'config.json'), 'utf8')), { autoLockMinutes: 12, theme: 'dark' });
  assert.equal((await stat(join(dir, 'config.json'))).mode & 0o777, 0o600);
  assert.deepEqual(new SettingsService(settingsFile(dir)).get(), { ...DEFAULT_SETTINGS, autoLockMinutes: 12, theme: 'dark' });
});

test('reading never creates the file', async () => {
  const dir = await folder();
  assert.deepEqual(new SettingsService(settingsFile(dir)).get(), DEFAULT_SETTINGS);
  await assert.rejects(stat(join(dir, 'config.json')), { code: 'ENOENT' });
});

test('a damaged file or out-of-range values give the defaults instead of stopping the app', async () => {
  const dir = await folder();
  await writeFile(join(dir, 'config.json'), '{"autoLockMinutes": ');
  assert.deepEqual(new SettingsService(settingsFile(dir)).get(), DEFAULT_SETTINGS);
  await writeFile(join(dir, 'config.json'), JSON.stringify({ autoLockMinutes: -3, clipboardClearSeconds: 'x', theme: 'dark' }));
  assert.deepEqual(new SettingsService(settingsFile(dir)).get(), { ...DEFAULT_SETTINGS, theme: 'dark' });
});
