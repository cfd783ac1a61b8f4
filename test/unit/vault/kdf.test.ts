// Runs in: tests. Argon2id parameters: never below RFC 9106's floor, scaled to this machine.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isAuthdeskError } from '../../../electron/core/errors.ts';
import { encodeEnvelope, parseEnvelope } from '../../../electron/core/vault/envelope.ts';
import { calibrateKdf, deriveKey, KDF_FLOOR, kdfProblem } from '../../../electron/core/vault/kdf.ts';

/** A stopwatch that reports `elapsedMs` for every measured interval. */
function stopwatch(elapsedMs: number): () => number {
  let t = 0;
  let calls = 0;
  return () => (calls++ % 2 === 0 ? t : (t += elapsedMs));
}

describe('Argon2id parameters', () => {
  it('derives a 32-byte key that depends on the password and the salt only', async () => {
    const salt = new Uint8Array(16).fill(2);
    const params = { memoryKiB: 32, iterations: 3, parallelism: 4 };
    const a = await deriveKey('password', salt, params);
    assert.equal(a.length, 32);
    assert.deepEqual(await deriveKey('password', salt, params), a);
    assert.notDeepEqual(await deriveKey('password', new Uint8Array(16).fill(3), params), a);
    // NFC: "é" typed as one code point or as e + combining accent is the same password.
    assert.deepEqual(await deriveKey('caf\u00e9 password', salt, params), await deriveKey('cafe\u0301 password', salt, params));
  });

  it('calibrates to about half a second and never below the floor', async () => {
    assert.deepEqual(await calibrateKdf(500, stopwatch(3000)), KDF_FLOOR, 'a slow machine keeps the floor');
    const fast = await calibrateKdf(500, stopwatch(60));
    assert.equal(fast.memoryKiB, KDF_FLOOR.memoryKiB);
    assert.equal(fast.parallelism, KDF_FLOOR.parallelism);
    assert.equal(fast.iterations, 25, '20 ms per iteration gives 25 iterations for 500 ms');
  });

  it('never calibrates to settings a vault file may not ask for, however fast the machine', async () => {
    const fastest = await calibrateKdf(500, stopwatch(0));
    assert.equal(kdfProblem(fastest), null);
    assert.ok(fastest.iterations < 100, `${fastest.iterations} iterations`);
  });

  it('refuses a vault whose password slot asks for more work than Authdesk writes, before deriving anything', () => {
    const slot = { type: 'password' as const, salt: new Uint8Array(16), kdf: { ...KDF_FLOOR, iterations: 1000 }, wrapNonce: new Uint8Array(12), wrappedKey: new Uint8Array(48) };
    const file = encodeEnvelope([slot], new Uint8Array(32), new Uint8Array(8));
    assert.throws(() => parseEnvelope(file), (error: unknown) => isAuthdeskError(error, 'VAULT_DAMAGED') && /far more key-derivation work than Authdesk ever uses/.test(error.message));
  });
});
