// Runs in: tests. One writer at a time across processes, and no lock outlives its process.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readdir, readFile, writeFile } from 'node:fs/promises';
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
});
