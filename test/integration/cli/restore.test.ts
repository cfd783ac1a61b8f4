// Runs in: tests. `authdesk restore FILE` and the CLI's automatic backups, in child processes:
// a wrong password, a damaged file, a file that is no backup and a missing file each have
// their own exit code and change nothing; a restore keeps the vault first and can be undone.
import assert from 'node:assert/strict';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { PASSWORD, authdesk, freshVault, parseList } from './support.ts';

const SECRET = 'JBSWY3DPEHPK3PXP';

/** A settings folder of its own (the CLI reads the app's settings file from $XDG_CONFIG_HOME/Authdesk). */
async function configHome(settings: Record<string, unknown> = {}): Promise<string> {
  const home = await mkdtemp(join(tmpdir(), 'authdesk-config-'));
  after(() => rm(home, { recursive: true, force: true }));
  await mkdir(join(home, 'Authdesk'));
  await writeFile(join(home, 'Authdesk', 'config.json'), JSON.stringify(settings));
  return home;
}

async function vaultWith(issuers: readonly string[], env: Record<string, string>) {
  const vault = await freshVault(after);
  const run = (args: readonly string[], more: Record<string, string> = {}) => vault.run(args, { ...env, ...more });
  for (const issuer of issuers) assert.equal((await run(['add', `otpauth://totp/${issuer}:me?secret=${SECRET}&issuer=${issuer}`])).code, 0);
  return { ...vault, run };
}

const issuersOf = async (run: (args: readonly string[]) => Promise<{ code: number | null; stdout: string; stderr: string }>) =>
  parseList(await run(['list', '--json'])).map((a) => a.issuer).sort();

describe('authdesk restore', { timeout: 60_000 }, () => {
  it('refuses a wrong password (2), a damaged backup (3), a missing file (5) and a file that is no backup (6), changing nothing', async () => {
    const env = { XDG_CONFIG_HOME: await configHome() };
    const { path, run } = await vaultWith(['Alpha'], env);
    const dir = dirname(path);
    const backup = join(dir, 'copy.authdesk');
    await copyFile(path, backup);
    const damaged = join(dir, 'damaged.authdesk');
    const bytes = await readFile(backup);
    const at = bytes.length - 3;
    bytes[at] = (bytes[at] ?? 0) ^ 0xff;
    await writeFile(damaged, bytes);
    const text = join(dir, 'notes.txt');
    await writeFile(text, 'not a vault');
    const before = await readFile(path);
    const cases: { args: string[]; env: Record<string, string>; code: number; message: RegExp }[] = [
      { args: ['restore', backup], env: { AUTHDESK_PASSWORD: 'wrong password' }, code: 2, message: /Wrong password for this backup/ },
      { args: ['restore', damaged], env: {}, code: 3, message: /The backup .*damaged\.authdesk is damaged/ },
      { args: ['restore', join(dir, 'absent.authdesk')], env: {}, code: 5, message: /There is no file at/ },
      { args: ['restore', text], env: {}, code: 6, message: /is not an Authdesk backup/ },
      { args: ['restore'], env: {}, code: 1, message: /give one backup file/ },
    ];
    for (const c of cases) {
      const result = await run(c.args, c.env);
      assert.equal(result.code, c.code, `${c.args.join(' ')}: ${result.stderr}`);
      assert.match(result.stderr, c.message);
      assert.match(result.stderr, /Nothing was changed|Usage/);
      assert.deepEqual(await readFile(path), before, `${c.args.join(' ')} left the vault as it was`);
    }
    assert.deepEqual((await readdir(dir)).filter((n) => n.includes('before-restore')), [], 'nothing kept, as nothing was replaced');
  });

  it('restores with the backup’s password, keeps the vault beside it first (backups off), and restoring that copy undoes it', async () => {
    const env = { XDG_CONFIG_HOME: await configHome() };
    const { path, run } = await vaultWith(['Alpha'], env);
    const backup = join(dirname(path), 'alpha-only.authdesk');
    await copyFile(path, backup);
    await run(['add', `otpauth://totp/Beta:me?secret=${SECRET}&issuer=Beta`]);
    const restored = await run(['restore', backup, '--json']);
    assert.equal(restored.code, 0, restored.stderr);
    const report = JSON.parse(restored.stdout) as { accounts: number; keptAs: string };
    assert.equal(report.accounts, 1);
    assert.equal(dirname(report.keptAs), dirname(path));
    assert.match(report.keptAs, /authdesk-backup-.*-before-restore\.authdesk$/);
    assert.deepEqual(await issuersOf(run), ['Alpha']);
    const undo = await run(['restore', report.keptAs]);
    assert.equal(undo.code, 0, undo.stderr);
    assert.match(undo.stdout, /^Restored 2 account\(s\) from .*\.\nThe vault as it was is kept at .*: restore that file to undo\.\n$/s);
    assert.deepEqual(await issuersOf(run), ['Alpha', 'Beta']);
  });

  it('brings a vault back where there is none', async () => {
    const env = { XDG_CONFIG_HOME: await configHome() };
    const { path } = await vaultWith(['Alpha'], env);
    const target = join(dirname(path), 'new-computer', 'vault.authdesk');
    const result = await authdesk(['restore', path, '--vault', target], { env: { ...env, AUTHDESK_PASSWORD: PASSWORD } });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /There was no vault before/);
    const listed = await authdesk(['list', '--json', '--vault', target], { env: { ...env, AUTHDESK_PASSWORD: PASSWORD } });
    assert.deepEqual(parseList(listed).map((a) => a.issuer), ['Alpha']);
  });

  it('the CLI’s changes make automatic backups in the folder the settings name, keeping the count, and a restore keeps the vault there', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'authdesk-cli-backups-'));
    after(() => rm(folder, { recursive: true, force: true }));
    const env = { XDG_CONFIG_HOME: await configHome({ backupFolder: folder, backupCount: 2 }) };
    const { run } = await vaultWith(['One', 'Two', 'Three'], env);
    const made = (await readdir(folder)).sort();
    assert.equal(made.length, 2, `the newest 2 of 3 kept: ${made.join(', ')}`);
    const oldest = join(folder, made[0] ?? '');
    const asBackup = await authdesk(['list', '--json', '--vault', oldest], { env: { ...env, AUTHDESK_PASSWORD: PASSWORD } });
    assert.deepEqual(parseList(asBackup).map((a) => a.issuer).sort(), ['One', 'Two'], 'a backup opens like any vault');
    const restored = await run(['restore', oldest, '--json']);
    assert.equal(restored.code, 0, restored.stderr);
    assert.equal(dirname((JSON.parse(restored.stdout) as { keptAs: string }).keptAs), folder);
  });

  it('a backup folder that is gone is a warning on stderr; the change itself succeeds', async () => {
    const env = { XDG_CONFIG_HOME: await configHome({ backupFolder: join(tmpdir(), 'authdesk-no-such-folder-7d1e') }) };
    const { run } = await vaultWith([], env);
    const added = await run(['add', `otpauth://totp/Kept:me?secret=${SECRET}&issuer=Kept`]);
    assert.equal(added.code, 0);
    assert.match(added.stderr, /^Warning: the automatic backup failed: The backup folder .* does not exist/m);
    assert.deepEqual(await issuersOf(run), ['Kept']);
  });
});
