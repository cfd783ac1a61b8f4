// Runs in: a worker thread of main, the CLI and tests, started by argon2-thread.ts.
//
// Argon2id away from the thread that serves the window (main) or the event loop (CLI): one
// derivation with real parameters takes about half a second of solid CPU.
import { argon2id } from 'hash-wasm';
import { parentPort } from 'node:worker_threads';

export interface Argon2Request {
  readonly id: number;
  readonly password: string;
  readonly salt: Uint8Array;
  readonly memoryKiB: number;
  readonly iterations: number;
  readonly parallelism: number;
}

export type Argon2Reply = { readonly id: number; readonly key: Uint8Array } | { readonly id: number; readonly failed: true };

const port = parentPort;
port?.on('message', (request: Argon2Request) => {
  argon2id({
    password: request.password,
    salt: request.salt,
    memorySize: request.memoryKiB,
    iterations: request.iterations,
    parallelism: request.parallelism,
    hashLength: 32,
    outputType: 'binary',
  }).then(
    (derived) => {
      // A copy of its own, moved (not cloned) to the caller: no copy of the key stays here.
      const key = Uint8Array.from(derived);
      derived.fill(0);
      port.postMessage({ id: request.id, key } satisfies Argon2Reply, [key.buffer]);
    },
    // hash-wasm's message may describe the input: only the failure itself crosses over.
    () => port.postMessage({ id: request.id, failed: true } satisfies Argon2Reply),
  );
});
