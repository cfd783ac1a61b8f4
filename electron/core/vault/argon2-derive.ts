// Runs in: main, CLI, tests, and the Argon2id worker thread.
//
// The one call into hash-wasm, shared by the worker thread and the inline path of
// argon2-thread.ts so both give the same key.
import { argon2id } from 'hash-wasm';
import type { KdfParams } from './kdf.ts';

/** A 32-byte Argon2id key in a buffer of its own (hash-wasm's is zeroed). */
export async function deriveArgon2id(password: string, salt: Uint8Array, params: KdfParams): Promise<Uint8Array<ArrayBuffer>> {
  const derived = await argon2id({
    password,
    salt,
    memorySize: params.memoryKiB,
    iterations: params.iterations,
    parallelism: params.parallelism,
    hashLength: 32,
    outputType: 'binary',
  });
  const key = Uint8Array.from(derived);
  derived.fill(0);
  return key;
}
