// Runs in: tests.
//
// Argon2id with a real vault's parameters takes about half a second of CPU. It runs on a
// worker thread, so while a vault is unlocked the event loop (Electron's main thread, the
// window it serves) keeps running: a timer keeps firing all through the unlock.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { KDF_FLOOR } from '../../../electron/core/vault/kdf.ts';
import { Vault } from '../../../electron/core/vault/vault.ts';
import { PASSWORD, tempVaultPath } from '../../support/vault.ts';

/** The longest wait between timer ticks while `work` runs, and how long it ran, in ms. */
async function longestStall(work: () => Promise<unknown>): Promise<{ stall: number; duration: number }> {
  let last = performance.now();
  let stall = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    stall = Math.max(stall, now - last);
    last = now;
  }, 2);
  const start = performance.now();
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return { stall: Math.max(stall, performance.now() - last), duration: performance.now() - start };
}

test('unlocking a vault with real Argon2id parameters leaves the event loop free', async () => {
  const path = await tempVaultPath(after);
  const vault = await Vault.create(path, PASSWORD, { kdf: KDF_FLOOR });
  vault.lock();
  const { stall, duration } = await longestStall(() => vault.unlockWithPassword(PASSWORD));
  assert.equal((await vault.status()).state, 'unlocked');
  // On the main thread the timer would wait the whole derivation.
  assert.ok(stall < duration / 4, `the event loop stalled ${stall.toFixed(0)} ms of a ${duration.toFixed(0)} ms unlock`);
});
