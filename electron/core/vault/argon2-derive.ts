// Runs in: main, CLI, tests, and the Argon2id worker thread.
//
// The one call into hash-wasm, shared by the worker thread and the inline path of
// argon2-thread.ts so both give the same key.
import { argon2id } from 'hash-wasm';
import { secretBytes } from '../platform/secret-bytes.ts';
import type { KdfParams } from './kdf.ts';

const KEY_BYTES = 32;

/** A 32-byte Argon2id key in memory of its own (hash-wasm's copy is zeroed); the password is the caller's to zero. */
export async function deriveArgon2id(password: Uint8Array, salt: Uint8Array, params: KdfParams): Promise<Uint8Array<ArrayBuffer>> {
  const derived = await argon2id({
    password,
    salt,
    memorySize: params.memoryKiB,
    iterations: params.iterations,
    parallelism: params.parallelism,
    hashLength: KEY_BYTES,
    outputType: 'binary',
  });
  const key = secretBytes(KEY_BYTES);
  key.set(derived);
  derived.fill(0);
  return key;
}
