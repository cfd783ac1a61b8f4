// Runs in: tests.
//
// Main as it ships, against the recording stand-in of Electron: backups in the app go to the
// folder the user picks in Electron's folder dialog, and quitting within the backup's pause
// makes the pending backup before the app lets go of the vault.
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { bootMain } from '../../support/electron/boot.ts';
import { standin } from '../../support/electron/standin.ts';
import { PASSWORD } from '../../support/vault.ts';

const APP_URL = 'app://authdesk/index.html';

const main = await bootMain(after);
await main.ready();

test('the backup folder comes from Electron’s folder dialog; quitting with a backup pending makes it first', async () => {
  const folder = await mkdtemp(join(tmpdir(), 'authdesk-main-backups-'));
  after(() => rm(folder, { recursive: true, force: true }));
  await standin.invoke('authdesk:vault.create', APP_URL, { password: PASSWORD });
  standin.dialogAnswers.push(folder);
  const chosen = (await standin.invoke('authdesk:backups.chooseFolder', APP_URL)) as { ok: boolean; value: { folder: string } };
  assert.equal(chosen.value.folder, folder);
  assert.equal((await readdir(folder)).length, 1, 'a backup at once');

  // A vault change (keychain unlock on): its backup waits for the pause.
  assert.deepEqual(await standin.invoke('authdesk:vault.enableKeychainUnlock', APP_URL, { password: PASSWORD }), { ok: true, value: { enabled: true } });
  assert.equal((await readdir(folder)).length, 1, 'not yet');

  let prevented = false;
  const quitsBefore = standin.called('app.quit').length;
  standin.app.emit('before-quit', { preventDefault: () => (prevented = true) });
  assert.equal(prevented, true, 'main holds the quit while the backup is made');
  for (let i = 0; i < 100 && standin.called('app.quit').length === quitsBefore; i++) await sleep(20);
  assert.equal(standin.called('app.quit').length, quitsBefore + 1, 'and then quits');
  const made = (await readdir(folder)).sort();
  assert.equal(made.length, 2);
  assert.deepEqual(await readFile(join(folder, made[1] ?? '')), await readFile(join(main.userData, 'vault.authdesk')), 'the last change is in the backup');
});
