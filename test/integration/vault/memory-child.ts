// Runs in: tests (a child process of the memory-hygiene test, started with --expose-gc).
//
// Usage: node --expose-gc memory-child.ts <vault> <password nibbles> <label nibbles> <base32 seed>...
// Creates a vault holding the seeds; six times locks it, unlocks it and reads every code;
// then locks, runs the garbage collector, prints "locked" and waits for the parent to read its
// memory.
//
// Note (markers from nibbles): the password and a label arrive as hex digits and become
// characters U+00C0..U+00CF here, never through a UTF-8 buffer, so their UTF-8 bytes can only
// appear in memory where Authdesk itself encoded them (the plaintext JSON, the KDF input).
import { createTestCore } from '../../support/core.ts';

const [path, passwordNibbles, labelNibbles, ...seeds] = process.argv.slice(2);
if (!path || !passwordNibbles || !labelNibbles || seeds.length === 0) throw new Error('usage: memory-child.ts <vault> <password nibbles> <label nibbles> <seed>...');
const fromNibbles = (hex: string) => String.fromCharCode(...[...hex].map((c) => 0xc0 + Number.parseInt(c, 16)));
const password = fromNibbles(passwordNibbles);
const label = fromNibbles(labelNibbles);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');

const { core } = createTestCore(path);
await core.vault.create(password);
for (const [i, secret] of seeds.entries()) {
  await core.accounts.add({ issuer: 'Marker', label: `${label} ${i}`, otp: { type: 'totp', secret, algorithm: 'SHA1', digits: 6, period: 30, counter: 0 } });
}
// A few sessions, as a day of use has: each unlock unwraps the master key and decrypts anew.
for (let session = 0; session < 6; session++) {
  core.vault.lock();
  await core.vault.unlockWithPassword(password);
  if (core.codes.list().length !== seeds.length) throw new Error('the codes do not match the seeds');
}
core.dispose();
// Lets pending promise jobs and timers drop what they hold, then collects everything.
for (let i = 0; i < 3; i++) {
  await new Promise((resolve) => setImmediate(resolve));
  gc();
}
process.stdout.write('locked\n');
// Bounded: a child orphaned by a failed test stops by itself.
setTimeout(() => process.exit(0), 30_000);
