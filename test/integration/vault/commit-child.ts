// Runs in: tests (a child process of the crash-safety and concurrent-writer tests).
//
// Usage: node commit-child.ts <vault> <tag> <commits|forever>  (forever: until killed, at most 60 s)
// Commits one audit entry "<tag>:<n>" at a time and prints "<n>" on stdout only after the
// commit returned, so every printed number is an acknowledged write.
import { Vault } from '../../../electron/core/vault/vault.ts';
import { CHEAP_KDF, PASSWORD } from '../../support/vault.ts';

const [path, tag, count] = process.argv.slice(2);
if (!path || !tag || !count) throw new Error('usage: commit-child.ts <vault> <tag> <commits|forever>');
const limit = count === 'forever' ? Number.POSITIVE_INFINITY : Number(count);
// Bounded even when "forever": a writer orphaned by a failed test stops by itself.
const deadline = Date.now() + 60_000;

const vault = await Vault.open(path, { kdf: CHEAP_KDF, lockWaitMs: 20_000 });
await vault.unlockWithPassword(PASSWORD);
for (let n = 0; n < limit && Date.now() < deadline; n++) {
  await vault.mutate((d) => ({ ...d, audit: [...d.audit, { at: n, kind: 'vault', summary: `${tag}:${n}` }] }));
  process.stdout.write(`${n}\n`);
}
