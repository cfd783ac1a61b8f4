// Runs in: main, CLI, tests.
//
// Argon2id on one long-lived worker thread (argon2-worker.ts), so unlocking, creating a vault,
// changing its password and an Authdesk backup never freeze Electron's main thread or the
// CLI's event loop. The worker is unref'd: it never keeps a process alive.
//
// Note (tiny work stays here): up to INLINE_MAX_WORK (memory × passes, in KiB) a derivation
// takes about a millisecond, far less than starting the worker (a few hundred ms on a busy
// machine); only tests and warm-ups ask so little, never a vault (64 MiB floor, kdf.ts).
//
// Note (worker file): run from source, the worker is the .ts beside this file; bundled, it is
// argon2-worker.mjs beside the bundle (scripts/build.ts builds one for main and one for the
// CLI). Change together with scripts/build.ts.
import { Worker } from 'node:worker_threads';
import { secretBytes, secretUtf8 } from '../platform/secret-bytes.ts';
import { deriveArgon2id } from './argon2-derive.ts';
import type { Argon2Reply, Argon2Request } from './argon2-worker.ts';
import type { KdfParams } from './kdf.ts';

const INLINE_MAX_WORK = 1024;
const WORKER_URL = new URL(import.meta.url.endsWith('.ts') ? './argon2-worker.ts' : './argon2-worker.mjs', import.meta.url);

interface Pending {
  readonly resolve: (key: Uint8Array) => void;
  readonly reject: (error: Error) => void;
}

let worker: Worker | undefined;
const pending = new Map<number, Pending>();
let nextId = 0;

function failAll(error: Error): void {
  worker = undefined;
  for (const { reject } of pending.values()) reject(error);
  pending.clear();
}

function startedWorker(): Worker {
  if (worker) return worker;
  const started = new Worker(WORKER_URL);
  started.unref();
  started.on('message', (reply: Argon2Reply) => {
    const waiting = pending.get(reply.id);
    pending.delete(reply.id);
    if ('key' in reply) waiting?.resolve(reply.key);
    else waiting?.reject(new Error('Argon2id failed in its worker thread.'));
    if (pending.size === 0) started.unref();
  });
  started.on('error', (error) => failAll(new Error('The Argon2id worker thread failed.', { cause: error })));
  started.on('exit', () => {
    if (worker === started) failAll(new Error('The Argon2id worker thread stopped.'));
  });
  worker = started;
  return started;
}

function onWorker(password: Uint8Array, salt: Uint8Array, params: KdfParams): Promise<Uint8Array> {
  const thread = startedWorker();
  const id = nextId++;
  // Moved, not cloned: the worker zeroes this copy; the caller zeroes its own.
  const moved = secretBytes(password.length);
  moved.set(password);
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    // Held while a derivation runs, so a CLI waiting only on it does not exit.
    thread.ref();
    thread.postMessage({ id, password: moved, salt: Uint8Array.from(salt), ...params } satisfies Argon2Request, [moved.buffer]);
  });
}

/** The 32-byte Argon2id key of the UTF-8 password: on the worker thread, or here when the work is tiny. The caller checks params first. */
export function argon2idKey(password: Uint8Array, salt: Uint8Array, params: KdfParams): Promise<Uint8Array> {
  return params.memoryKiB * params.iterations <= INLINE_MAX_WORK ? deriveArgon2id(password, salt, params) : onWorker(password, salt, params);
}

/** Starts the worker and compiles its WebAssembly, so a measurement after it times Argon2id alone. */
export async function warmUpArgon2id(): Promise<void> {
  (await onWorker(secretUtf8('warm-up'), new Uint8Array(16), { memoryKiB: 64, iterations: 1, parallelism: 1 })).fill(0);
}
