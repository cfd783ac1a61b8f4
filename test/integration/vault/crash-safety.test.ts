// Runs in: tests. A writer killed at any instant never loses an acknowledged commit and never
// leaves a vault that does not open; concurrent writers lose nothing.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Vault } from '../../../electron/core/vault/vault.ts';
import { CHEAP_KDF, PASSWORD, tempVaultPath } from '../../support/vault.ts';

const CHILD = fileURLToPath(new URL('./commit-child.ts', import.meta.url));
const KILLS = 200;

interface Writer {
  readonly child: ChildProcess;
  readonly acks: string[];
  readonly firstAck: Promise<void>;
  readonly exited: Promise<number | null>;
}

const running = new Set<ChildProcess>();
after(() => {
  for (const child of running) child.kill('SIGKILL');
});

function startWriter(path: string, tag: string, count: string): Writer {
  // Note (compile cache): caching the type-stripped modules cuts each writer's start from
  // about 300 ms to under 100 ms, which keeps 200 rounds within the suite's time budget.
  const env = { ...process.env, NODE_COMPILE_CACHE: join(dirname(path), 'compile-cache') };
  const child = spawn(process.execPath, [CHILD, path, tag, count], { stdio: ['ignore', 'pipe', 'inherit'], env });
  const acks: string[] = [];
  let pending = '';
  let resolveFirst!: () => void;
  const firstAck = new Promise<void>((resolve) => (resolveFirst = resolve));
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) acks.push(`${tag}:${line}`);
    if (acks.length > 0) resolveFirst();
  });
  running.add(child);
  const exited = once(child, 'exit').then(([code]) => {
    running.delete(child);
    resolveFirst();
    return code as number | null;
  });
  return { child, acks, firstAck, exited };
}

async function summaries(path: string): Promise<Set<string>> {
  const vault = await Vault.open(path, { kdf: CHEAP_KDF });
  await vault.unlockWithPassword(PASSWORD);
  const set = new Set(vault.data().audit.map((e) => e.summary));
  vault.lock();
  return set;
}

describe('vault crash safety', () => {
  it(`keeps every acknowledged commit across ${KILLS} SIGKILLs at random moments`, { timeout: 180_000 }, async () => {
    const path = await tempVaultPath(after);
    (await Vault.create(path, PASSWORD, { kdf: CHEAP_KDF })).lock();
    const acknowledged = new Set<string>();
    // Two writers overlap: the next one starts while the current one commits, so a kill also
    // lands while the other holds or waits for the lock, and the rounds take half the time.
    let next = startWriter(path, 'r0', 'forever');
    for (let round = 0; round < KILLS; round++) {
      const writer = next;
      next = startWriter(path, `r${round + 1}`, 'forever');
      await writer.firstAck;
      await new Promise((r) => setTimeout(r, Math.random() * 25));
      writer.child.kill('SIGKILL');
      assert.equal(await writer.exited, null, `writer ${round} was killed, it did not exit on its own`);
      for (const ack of [...writer.acks, ...next.acks]) acknowledged.add(ack);
      const onDisk = await summaries(path);
      const lost = [...acknowledged].filter((s) => !onDisk.has(s));
      assert.deepEqual(lost, [], `after kill ${round}`);
    }
    next.child.kill('SIGKILL');
    await next.exited;
    assert.ok(acknowledged.size >= KILLS, 'every writer acknowledged at least one commit before it was killed');
    // The next writer breaks the dead writers' lock and clears their temporary files.
    const vault = await Vault.open(path, { kdf: CHEAP_KDF });
    await vault.unlockWithPassword(PASSWORD);
    await vault.mutate((d) => d);
    const leftovers = (await readdir(dirname(path))).filter((n) => n.includes('.tmp-') || n.endsWith('.lock'));
    assert.deepEqual(leftovers, []);
  });

  it('loses nothing when two processes write at the same time', { timeout: 60_000 }, async () => {
    const path = await tempVaultPath(after);
    (await Vault.create(path, PASSWORD, { kdf: CHEAP_KDF })).lock();
    const writers = [startWriter(path, 'a', '40'), startWriter(path, 'b', '40')];
    const codes = await Promise.all(writers.map((w) => w.exited));
    assert.deepEqual(codes, [0, 0]);
    const onDisk = await summaries(path);
    for (const tag of ['a', 'b']) for (let n = 0; n < 40; n++) assert.ok(onDisk.has(`${tag}:${n}`), `${tag}:${n}`);
    assert.equal(onDisk.size, 80);
  });
});
