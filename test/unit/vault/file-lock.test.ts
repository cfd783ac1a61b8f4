// Runs in: tests. One writer at a time across processes, and no lock outlives its process.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import { after, describe, it } from 'node:test';
import { withFileLock } from '../../../electron/core/vault/file-lock.ts';
import { lockPathOf, Vault } from '../../../electron/core/vault/vault.ts';
import { account, CHEAP_KDF, PASSWORD, tempVaultPath } from '../../support/vault.ts';

function lockBy(pid: number, at = Date.now()): string {
  return JSON.stringify({ pid, host: hostname(), at, token: 'someone-else' });
}

describe('vault write lock', () => {
  it('makes a second writer wait, then fail with VAULT_IN_USE, changing nothing', async () => {
    const path = await tempVaultPath(after);
    const vault = await Vault.create(path, PASSWORD, { kdf: CHEAP_KDF, lockWaitMs: 150 });
    const before = await readFile(path);
    let release!: () => void;
    let acquired!: () => void;
    const holding = new Promise<void>((resolve) => (acquired = resolve));
    const held = withFileLock(
      lockPathOf(path),
      () =>
        new Promise<void>((resolve) => {
          release = resolve;
          acquired();
        }),
    );
    // The other writer must hold the lock before this one asks, or this one may simply win.
    await holding;
    const started = Date.now();
    await assert.rejects(vault.mutate((d) => ({ ...d, accounts: [account('a1', 'JBSWY3DPEHPK3PXP')] })), (error: { code?: string; message: string }) => {
      assert.equal(error.code, 'VAULT_IN_USE');
      assert.match(error.message, /in use by another Authdesk process/);
      return true;
    });
    assert.ok(Date.now() - started >= 150, 'waited before giving up');
    assert.deepEqual(await readFile(path), before);
    assert.deepEqual(vault.data().accounts, []);
    release();
    await held;
    await vault.mutate((d) => ({ ...d, accounts: [account('a1', 'JBSWY3DPEHPK3PXP')] }));
  });

  it('waits for a writer that finishes in time', async () => {
    const path = await tempVaultPath(after);
    const order: string[] = [];
    let started!: () => void;
    const firstHolds = new Promise<void>((resolve) => (started = resolve));
    const first = withFileLock(lockPathOf(path), async () => {
      order.push('first start');
      started();
      await new Promise((r) => setTimeout(r, 100));
      order.push('first end');
    });
    await firstHolds;
    await withFileLock(lockPathOf(path), async () => void order.push('second'));
    await first;
    assert.deepEqual(order, ['first start', 'first end', 'second']);
  });

  it('breaks a lock left by a dead process, but not one held by a live process', async () => {
    const path = await tempVaultPath(after);
    const lockPath = lockPathOf(path);
    const dead = spawn(process.execPath, ['-e', '']);
    await once(dead, 'exit');
    await writeFile(lockPath, lockBy(dead.pid ?? 0));
    assert.equal(await withFileLock(lockPath, async () => 'ran'), 'ran');
    assert.deepEqual((await readdir(dirname(path))).filter((n) => n.includes('.lock')), []);

    const alive = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)']);
    after(() => alive.kill());
    await writeFile(lockPath, lockBy(alive.pid ?? 0));
    await assert.rejects(withFileLock(lockPath, async () => 'ran', { waitMs: 100 }), { code: 'VAULT_IN_USE' });
    // A lock far older than any write is stale even if its pid was reused by a live process.
    await writeFile(lockPath, lockBy(alive.pid ?? 0, Date.now() - 60 * 60_000));
    assert.equal(await withFileLock(lockPath, async () => 'ran'), 'ran');
  });

  it('waits for a lock dated in the future while its process lives, and breaks it once it is old by the file system', async () => {
    const path = await tempVaultPath(after);
    const lockPath = lockPathOf(path);
    const minutesLater = (minutes: number) => () => Date.now() + minutes * 60_000;
    const ahead = Date.now() + 365 * 24 * 60 * 60_000;
    // A live process on this host (this one), another host, and a lock no one can parse whose
    // modification time was set ahead by hand.
    const locks = [
      async () => writeFile(lockPath, lockBy(process.pid, ahead)),
      async () => writeFile(lockPath, JSON.stringify({ pid: 1, host: `not-${hostname()}`, at: ahead, token: 'someone-else' })),
      async () => {
        await writeFile(lockPath, 'garbage');
        await utimes(lockPath, ahead / 1000, ahead / 1000);
      },
    ];
    for (const [i, make] of locks.entries()) {
      await make();
      await assert.rejects(withFileLock(lockPath, async () => 'ran', { waitMs: 100 }), { code: 'VAULT_IN_USE' }, `lock ${i}, just taken`);
      // A minute on it is still young: only ten minutes make a lock stale whatever its pid says.
      if (i < 2) await assert.rejects(withFileLock(lockPath, async () => 'ran', { waitMs: 100, now: minutesLater(1) }), { code: 'VAULT_IN_USE' }, `lock ${i}, a minute on`);
      assert.equal(await withFileLock(lockPath, async () => 'ran', { now: minutesLater(11) }), 'ran', `lock ${i}, eleven minutes on`);
    }
  });
});
