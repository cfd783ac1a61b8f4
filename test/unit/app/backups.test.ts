// Automatic backups and restore through the core as the app builds it (createCore), with a
// FakeClock: one backup per burst of changes, the newest N kept, whole 0600 files only,
// failures reported without failing the change, and restores that change nothing on error.
import assert from 'node:assert/strict';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { otpParams } from '../../../electron/core/otp/entry.ts';
import { Vault } from '../../../electron/core/vault/vault.ts';
import { FakeClock } from '../../support/clock.ts';
import { createTestCore } from '../../support/core.ts';
import { CHEAP_KDF, PASSWORD, tempVaultPath } from '../../support/vault.ts';

const SECRET = 'JBSWY3DPEHPK3PXP';
const DELAY = 2000;

async function setup(options: { keep?: number } = {}) {
  const vaultPath = await tempVaultPath(after);
  const folder = await mkdtemp(join(tmpdir(), 'authdesk-backups-'));
  after(() => rm(folder, { recursive: true, force: true }));
  const clock = new FakeClock();
  const test = createTestCore(vaultPath, { clock, backupDelayMs: DELAY });
  after(() => test.core.dispose());
  test.settings.set('backupFolder', folder);
  if (options.keep !== undefined) test.settings.set('backupCount', options.keep);
  const { core } = test;
  await core.vault.create(PASSWORD);
  await core.backups.flush();
  // Only the backups made from here on count.
  for (const name of await readdir(folder)) await rm(join(folder, name));
  const add = (issuer: string) => core.accounts.add({ issuer, label: 'me', otp: otpParams({ type: 'totp', secret: SECRET }) });
  const backups = async () => (await readdir(folder)).sort();
  return { core, clock, folder, vaultPath, add, backups, settings: test.settings };
}

/** Lets the backup's file work finish after the clock fired it. */
const settle = async (core: { backups: { flush(): Promise<void> } }) => core.backups.flush();

test('a burst of changes makes one backup, once changes pause, holding the last change', async () => {
  const { core, clock, add, backups, folder } = await setup();
  for (let i = 0; i < 20; i++) {
    await add(`Burst ${i}`);
    clock.advance(DELAY / 2);
  }
  assert.deepEqual(await backups(), [], 'no backup while the changes keep coming');
  assert.equal(core.backups.status().pending, true);
  clock.advance(DELAY);
  await settle(core);
  const made = await backups();
  assert.equal(made.length, 1);
  assert.match(made[0] ?? '', /^authdesk-backup-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z\.authdesk$/);
  const copy = await Vault.open(join(folder, made[0] ?? ''), { kdf: CHEAP_KDF });
  await copy.unlockWithPassword(PASSWORD);
  assert.equal(copy.data().accounts.length, 20, 'the backup opens with the vault password and holds every change');
  copy.lock();
  const status = core.backups.status();
  assert.equal(status.pending, false);
  assert.equal(status.last?.name, made[0]);
  assert.equal(status.error, null);
});

test('only the newest N backups are kept, and lowering N prunes at once', async () => {
  const { core, clock, add, backups, settings } = await setup({ keep: 3 });
  for (let i = 0; i < 5; i++) {
    await add(`Site ${i}`);
    clock.advance(DELAY);
    await settle(core);
  }
  const kept = await backups();
  assert.equal(kept.length, 3);
  assert.deepEqual(kept, [...kept].sort(), 'names sort by time');
  settings.set('backupCount', 1);
  core.settings.update({ backupCount: 1 });
  await settle(core);
  assert.deepEqual(await backups(), [kept[2]], 'the newest one stays');
});

test('backups are whole 0600 files; no temporary file is left behind', async () => {
  const { core, clock, add, folder, vaultPath, backups } = await setup();
  await add('Atomic');
  clock.advance(DELAY);
  await settle(core);
  const [name] = await backups();
  assert.ok(name);
  assert.deepEqual(await readFile(join(folder, name)), await readFile(vaultPath), 'byte for byte the vault file');
  assert.equal((await stat(join(folder, name))).mode & 0o777, 0o600);
  assert.deepEqual((await readdir(folder)).filter((n) => n.includes('.tmp-')), []);
});

test('a backup that cannot be written is reported in words; the change itself succeeds', { skip: process.getuid?.() === 0 ? 'root writes through any mode' : false }, async () => {
  const { core, clock, add, folder } = await setup();
  await chmod(folder, 0o500);
  after(() => chmod(folder, 0o700));
  await add('Still saved');
  clock.advance(DELAY);
  await settle(core);
  assert.equal(core.accounts.list().length, 1);
  assert.match(core.backups.status().error?.message ?? '', /permission denied/);
});

test('a missing backup folder is reported, the change kept, and the next backup after reconnecting clears the error', async () => {
  const { core, clock, add, folder } = await setup();
  await rm(folder, { recursive: true });
  await add('Kept anyway');
  clock.advance(DELAY);
  await settle(core);
  assert.equal(core.accounts.list().length, 1);
  assert.match(core.backups.status().error?.message ?? '', /does not exist \(is its disk connected\?\)/);
  await mkdir(folder);
  await add('Again');
  clock.advance(DELAY);
  await settle(core);
  assert.equal(core.backups.status().error, null);
  assert.equal((await readdir(folder)).length, 1);
});

test('with no folder chosen, nothing is backed up and nothing is pending', async () => {
  const { core, clock, add, backups, settings } = await setup();
  settings.set('backupFolder', null);
  await add('Off');
  clock.advance(DELAY);
  await settle(core);
  assert.deepEqual(await backups(), []);
  assert.equal(core.backups.status().pending, false);
});

test('restore: a wrong password, a damaged file and a non-backup change nothing; the right password restores and keeps the vault first', async () => {
  const { core, clock, add, folder, vaultPath, backups } = await setup();
  await add('Before');
  clock.advance(DELAY);
  await settle(core);
  const [backup] = await backups();
  assert.ok(backup);
  await add('After');
  clock.advance(DELAY);
  await settle(core);
  const vaultBefore = await readFile(vaultPath);

  await assert.rejects(core.backups.restoreNamed(backup, 'not the password'), { code: 'BACKUP_WRONG_PASSWORD' });
  const damaged = join(folder, 'authdesk-backup-2020-01-01T00-00-00-000Z.authdesk');
  const bytes = await readFile(join(folder, backup));
  const at = bytes.length - 5;
  bytes[at] = (bytes[at] ?? 0) ^ 0xff;
  await writeFile(damaged, bytes);
  await assert.rejects(core.backups.restoreFile(damaged, PASSWORD), { code: 'BACKUP_DAMAGED' });
  const text = join(folder, 'notes.txt');
  await writeFile(text, 'hello');
  await assert.rejects(core.backups.restoreFile(text, PASSWORD), { code: 'BACKUP_UNRECOGNISED' });
  await assert.rejects(core.backups.restoreNamed('../vault.authdesk', PASSWORD), { code: 'NOT_FOUND' });
  assert.deepEqual(await readFile(vaultPath), vaultBefore, 'the vault file is untouched');
  assert.equal(core.accounts.list().length, 2);

  const restored = await core.backups.restoreNamed(backup, PASSWORD);
  assert.equal(restored.accounts, 1);
  assert.deepEqual(core.accounts.list().map((a) => a.issuer), ['Before'], 'the open vault shows the restored accounts');
  assert.match(restored.keptAs ?? '', /-before-restore\.authdesk$/);
  assert.deepEqual(await readFile(restored.keptAs ?? ''), vaultBefore, 'the vault as it was is kept whole');
  const undo = await core.backups.restoreFile(restored.keptAs ?? '', PASSWORD);
  assert.equal(undo.accounts, 2, 'restoring the kept copy undoes the restore');
});
