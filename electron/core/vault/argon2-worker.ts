// Runs in: a worker thread of main, the CLI and tests, started by argon2-thread.ts.
//
// Argon2id away from the thread that serves the window (main) or the event loop (CLI): one
// derivation with real parameters takes about half a second of solid CPU.
import { parentPort } from 'node:worker_threads';
import { deriveArgon2id } from './argon2-derive.ts';
import type { KdfParams } from './kdf.ts';

export interface Argon2Request extends KdfParams {
  readonly id: number;
  /** UTF-8, moved here from the caller's thread; zeroed once used. */
  readonly password: Uint8Array;
  readonly salt: Uint8Array;
}

export type Argon2Reply = { readonly id: number; readonly key: Uint8Array } | { readonly id: number; readonly failed: true };

const port = parentPort;
port?.on('message', ({ id, password, salt, memoryKiB, iterations, parallelism }: Argon2Request) => {
  void deriveArgon2id(password, salt, { memoryKiB, iterations, parallelism })
    .then(
      // Moved, not cloned: no copy of the key stays in this thread.
      (key) => port.postMessage({ id, key } satisfies Argon2Reply, [key.buffer]),
      // hash-wasm's message may describe the input: only the failure itself crosses over.
      () => port.postMessage({ id, failed: true } satisfies Argon2Reply),
    )
    .finally(() => password.fill(0));
});
