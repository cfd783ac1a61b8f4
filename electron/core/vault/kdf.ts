// Runs in: main, CLI, tests.
//
// Note (Argon2id library): Node 24 has crypto.argon2, but Electron's Node is built on
// BoringSSL and lacks it, so the vault uses hash-wasm (WebAssembly, no native addon): the same
// code and the same result in main, in the CLI and in tests. DESIGN §10 measured it at about
// 150 ms for 64 MiB, t=3 on an idle machine.
//
// Note (calibration scales time, not memory): a WebAssembly memory grows but never shrinks, so
// every Argon2id run leaves its memory allocated in the process for good. Memory stays at the
// RFC 9106 floor (64 MiB) and calibration raises the iterations until unlocking takes about
// half a second.
import { argon2id } from 'hash-wasm';
import { AuthdeskError } from '../errors.ts';
import { secretBytes, secretUtf8 } from '../platform/secret-bytes.ts';

export interface KdfParams {
  /** Argon2id memory in KiB. */
  readonly memoryKiB: number;
  readonly iterations: number;
  readonly parallelism: number;
}

/** RFC 9106 §4, second recommended option: the least a new vault gets from calibration. */
export const KDF_FLOOR: KdfParams = { memoryKiB: 64 * 1024, iterations: 3, parallelism: 4 };
export const KDF_TARGET_MS = 500;
/** Bounds on what a file may ask for, so a damaged or hostile header cannot hang or exhaust the process. */
const MAX_MEMORY_KIB = 4 * 1024 * 1024;
const MAX_ITERATIONS = 1000;
const MAX_PARALLELISM = 255;
const KEY_BYTES = 32;

export function assertKdfParams(params: KdfParams, fail: () => Error): void {
  const { memoryKiB, iterations, parallelism } = params;
  const ok =
    Number.isInteger(memoryKiB) && Number.isInteger(iterations) && Number.isInteger(parallelism) &&
    parallelism >= 1 && parallelism <= MAX_PARALLELISM &&
    iterations >= 1 && iterations <= MAX_ITERATIONS &&
    memoryKiB >= 8 * parallelism && memoryKiB <= MAX_MEMORY_KIB;
  if (!ok) throw fail();
}

/** Derives a 32-byte key from the password; the caller zeroes it when done. */
export async function deriveKey(password: string, salt: Uint8Array, params: KdfParams): Promise<Buffer> {
  assertKdfParams(params, () => new AuthdeskError('INVALID_INPUT', 'The Argon2id parameters are out of range.'));
  // NFC, so the same password typed through different input methods gives the same key.
  // Note (password bytes): given a string, hash-wasm encodes it into Node's shared Buffer pool,
  // where the bytes outlive the call; these are zeroed here. The copy hash-wasm's BLAKE2b
  // writes into its own WebAssembly memory cannot be reached (docs/security-model.md, Memory).
  const bytes = secretUtf8(password.normalize('NFC'));
  try {
    const out = await argon2id({
      password: bytes,
      salt,
      memorySize: params.memoryKiB,
      iterations: params.iterations,
      parallelism: params.parallelism,
      hashLength: KEY_BYTES,
      outputType: 'binary',
    });
    const key = secretBytes(KEY_BYTES);
    key.set(out);
    out.fill(0);
    return key;
  } finally {
    bytes.fill(0);
  }
}

/**
 * Picks Argon2id parameters for this machine: the floor's memory and parallelism, and as many
 * iterations (never fewer than the floor's) as fit in about targetMs.
 */
export async function calibrateKdf(targetMs = KDF_TARGET_MS, now: () => number = () => performance.now()): Promise<KdfParams> {
  const salt = new Uint8Array(16);
  // The first call compiles the WebAssembly module; keep that out of the measurement.
  (await deriveKey('calibration', salt, { memoryKiB: 64, iterations: 1, parallelism: 1 })).fill(0);
  const start = now();
  (await deriveKey('calibration', salt, KDF_FLOOR)).fill(0);
  const perIteration = (now() - start) / KDF_FLOOR.iterations;
  const iterations = Math.min(MAX_ITERATIONS, Math.max(KDF_FLOOR.iterations, Math.round(targetMs / Math.max(perIteration, 1))));
  return { ...KDF_FLOOR, iterations };
}
