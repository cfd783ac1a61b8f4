// Runs in: tests. The wrong-password throttle across CLI processes started together, and a
// vault in a folder that cannot be written.
import assert from 'node:assert/strict';
import { chmod, chown, readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { throttlePathOf } from '../../../electron/core/vault/throttle.ts';
import { Vault } from '../../../electron/core/vault/vault.ts';
import { tempVaultPath } from '../../support/vault.ts';
import { PASSWORD, authdesk, freshVault, type Run } from './support.ts';

const LINK = 'otpauth://totp/ACME:alice?secret=JBSWY3DPEHPK3PXP&issuer=ACME';
const WRONG = /^authdesk list: Wrong vault password\./m;
const THROTTLED = /^authdesk list: Too many wrong passwords\. Try again in \d+ seconds?\./m;

/** Whether `user` can run the CLI from this checkout at all. */
async function reachable(user: { uid: number; gid: number }): Promise<boolean> {
  try {
    return (await authdesk(['--version'], { user })).code === 0;
  } catch {
    return false;
  }
}

describe('password throttle across processes', { timeout: 120_000 }, () => {
  it('counts each of eight CLI runs started together', async () => {
    const path = await tempVaultPath(after);
    // Argon2id at a few tens of milliseconds, so the runs' password checks overlap.
    (await Vault.create(path, PASSWORD, { kdf: { memoryKiB: 8192, iterations: 2, parallelism: 1 } })).lock();
    let go!: (line: string) => void;
    const stdin = new Promise<string>((resolve) => (go = resolve));
    const runs = Array.from({ length: 8 }, () => authdesk(['list', '--vault', path, '--password-stdin'], { stdin }));
    // Every process is up and waiting on its password before any of them gets it.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    go('not the password\n');
    const results: Run[] = await Promise.all(runs);
    assert.ok(results.every((r) => r.code === 2 && (WRONG.test(r.stderr) || THROTTLED.test(r.stderr))), results.map((r) => r.stderr).join());
    const wrong = results.filter((r) => WRONG.test(r.stderr)).length;
    const record = JSON.parse(await readFile(throttlePathOf(path), 'utf8')) as { failures: number };
    assert.equal(record.failures, wrong, 'every wrong password checked was counted');
    assert.ok(wrong >= 5, `${wrong} wrong`);
  });

  // Root ignores file permissions, so as root the CLI runs as nobody (uid 65534) to meet them.
  // That needs a checkout nobody can reach: a clone inside a private folder (mode 0700) is not,
  // and then the test says so in the skip summary rather than failing on the spawn.
  it('unlocks and reads a vault in a read-only folder that already has a throttle file', async (t) => {
    const root = process.getuid?.() === 0;
    const user = root ? { uid: 65534, gid: 65534 } : undefined;
    if (user && !(await reachable(user))) {
      t.skip('runs as root, and user nobody cannot reach this checkout or its Node (a folder above it is private)');
      return;
    }
    const { path, run } = await freshVault(after);
    assert.equal((await run(['add', LINK])).code, 0);
    for (let i = 0; i < 2; i++) assert.equal((await run(['list'], { AUTHDESK_PASSWORD: 'not the password' })).code, 2);
    const dir = dirname(path);
    if (user) for (const name of await readdir(dir)) await chown(join(dir, name), user.uid, user.gid);
    const before = await readdir(dir);
    const readOnly = (args: string[], password = PASSWORD) =>
      authdesk([...args, '--vault', path], { env: { AUTHDESK_PASSWORD: password, HOME: dir, XDG_CONFIG_HOME: dir }, user });
    await chmod(dir, 0o555);
    try {
      const listed = await readOnly(['list', '--json']);
      assert.equal(listed.code, 0, listed.stderr);
      assert.deepEqual((JSON.parse(listed.stdout) as { issuer: string }[]).map((a) => a.issuer), ['ACME']);
      const code = await readOnly(['code', 'ACME', '--json']);
      assert.equal(code.code, 0, code.stderr);
      assert.match(code.stdout, /"code":"\d{6}"/);
      const wrong = await readOnly(['list'], 'not the password');
      assert.equal(wrong.code, 2);
      assert.match(wrong.stderr, WRONG);
      assert.deepEqual(await readdir(dir), before, 'nothing was written in the folder');
    } finally {
      // The temporary folder's clean-up must be able to empty it.
      await chmod(dir, 0o700);
    }
  });
});
