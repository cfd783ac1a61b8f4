// Runs in: tests. After lock and garbage collection, a process holds none of the secrets that
// Authdesk kept in buffers: the master key, the plaintext JSON, the password's UTF-8 bytes and
// the raw seed bytes. Found by reading the child's whole memory through /proc (Linux).
//
// Note (what is not searched): the seeds' Base32 text and the password are JS strings, which
// cannot be wiped; a freed string stays in the heap until V8 reuses its page. The markers are
// chosen so that a string never has the bytes searched for (docs/security-model.md, Memory).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { encodeBase32 } from '../../../electron/core/otp/base32.ts';
import { parseEnvelope } from '../../../electron/core/vault/envelope.ts';
import { openPasswordSlot } from '../../../electron/core/vault/key-slots.ts';
import { tempVaultPath } from '../../support/vault.ts';

const CHILD = fileURLToPath(new URL('./memory-child.ts', import.meta.url));
const CHUNK = 16 * 1024 * 1024;
const canRead = process.platform === 'linux' && process.getuid?.() === 0;

/** The characters memory-child.ts makes of hex digits. */
function fromNibbles(hex: string): string {
  return String.fromCharCode(...[...hex].map((c) => 0xc0 + Number.parseInt(c, 16)));
}

/** How often each needle occurs in the writable mappings of a process (code and read-only files cannot hold what it computed). */
function scanMemory(pid: number, needles: ReadonlyMap<string, Buffer>): Map<string, number> {
  const found = new Map([...needles.keys()].map((name) => [name, 0]));
  const longest = Math.max(...[...needles.values()].map((n) => n.length));
  const mem = openSync(`/proc/${pid}/mem`, 'r');
  const buffer = Buffer.allocUnsafe(CHUNK + longest);
  try {
    for (const line of readFileSync(`/proc/${pid}/maps`, 'utf8').split('\n')) {
      const [range, perms] = line.split(/\s+/);
      if (!range || !perms?.startsWith('rw')) continue;
      const [start, end] = range.split('-').map((x) => Number.parseInt(x, 16)) as [number, number];
      let carry = 0;
      for (let at = start; at < end; at += CHUNK) {
        let read: number;
        try {
          read = readSync(mem, buffer, carry, Math.min(CHUNK, end - at), at);
        } catch {
          break;
        }
        const view = buffer.subarray(0, carry + read);
        for (const [needle, bytes] of needles) {
          for (let i = view.indexOf(bytes); i !== -1; i = view.indexOf(bytes, i + 1)) found.set(needle, (found.get(needle) ?? 0) + 1);
        }
        carry = Math.min(longest - 1, view.length);
        view.copyWithin(0, view.length - carry);
      }
    }
  } finally {
    closeSync(mem);
  }
  return found;
}

test('after lock and GC, no master key, plaintext, password bytes or raw seed is left in memory', { skip: canRead ? false : 'reading another process\'s memory needs Linux and root (/proc/<pid>/mem)', timeout: 30_000 }, async (t) => {
  const path = await tempVaultPath(after);
  const passwordNibbles = randomBytes(30).toString('hex');
  const labelNibbles = randomBytes(8).toString('hex');
  const seeds = [randomBytes(20), randomBytes(20), randomBytes(32)];
  const child = spawn(process.execPath, ['--expose-gc', CHILD, path, passwordNibbles, labelNibbles, ...seeds.map((s) => encodeBase32(s))], { stdio: ['ignore', 'pipe', 'inherit'] });
  after(() => child.kill('SIGKILL'));
  child.stdout.setEncoding('utf8');
  const [line] = (await Promise.race([once(child.stdout, 'data'), once(child, 'exit').then(() => ['exited'])])) as [string];
  assert.equal(line.trim(), 'locked');

  const password = fromNibbles(passwordNibbles);
  const slot = parseEnvelope(await readFile(path)).slots.find((s) => s.type === 'password');
  assert.ok(slot?.type === 'password');
  const masterKey = await openPasswordSlot(slot, password);
  assert.ok(masterKey);
  const secrets: [string, Buffer][] = [
    ['master key', Buffer.from(masterKey)],
    ['password (UTF-8)', Buffer.from(password, 'utf8')],
    ['plaintext (a label in UTF-8)', Buffer.from(fromNibbles(labelNibbles), 'utf8')],
    ...seeds.map((s, i): [string, Buffer] => [`raw seed ${i}`, s]),
  ];
  // In up to four pieces of at least 8 random bytes: freed memory keeps most of a secret even
  // where an allocator wrote its bookkeeping over some of it.
  const needles = new Map(
    secrets.flatMap(([name, bytes]) => {
      const count = Math.min(4, Math.floor(bytes.length / 8));
      const size = Math.floor(bytes.length / count);
      return Array.from({ length: count }, (_, i): [string, Buffer] => [`${name}, piece ${i + 1}/${count}`, bytes.subarray(i * size, (i + 1) * size)]);
    }),
  );
  const found = scanMemory(child.pid ?? 0, needles);
  child.kill('SIGKILL');
  t.diagnostic(`found after lock: ${JSON.stringify(Object.fromEntries(found))}`);
  assert.deepEqual(Object.fromEntries(found), Object.fromEntries([...needles.keys()].map((k) => [k, 0])));
});
