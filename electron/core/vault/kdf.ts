// Runs in: main, CLI, tests.
//
// Note (Argon2id library): Node 24 has crypto.argon2, but Electron's Node is built on
// BoringSSL and lacks it, so the vault uses hash-wasm (WebAssembly, no native addon): the same
// code and the same result in main, in the CLI and in tests. DESIGN §10 measured it at about
// 150 ms for 64 MiB, t=3 on an idle machine.
//
// Note (calibration scales time, not memory): a WebAssembly memory grows but never shrinks, so
// every Argon2id run leaves its memory allocated in its worker thread (argon2-thread.ts) for
// good. Memory stays at the RFC 9106 floor (64 MiB) and calibration raises the iterations until
// unlocking takes about half a second.
import { AuthdeskError } from '../errors.ts';
import { secretBytes, secretUtf8 } from '../platform/secret-bytes.ts';
import { argon2idKey, warmUpArgon2id } from './argon2-thread.ts';

export interface KdfParams {
  /** Argon2id memory in KiB. */
  readonly memoryKiB: number;
  readonly iterations: number;
  readonly parallelism: number;
}

/** RFC 9106 §4, second recommended option: the least a new vault gets from calibration. */
export const KDF_FLOOR: KdfParams = { memoryKiB: 64 * 1024, iterations: 3, parallelism: 4 };
export const KDF_TARGET_MS = 500;
/** Calibration stops here: a machine needing more for half a second is far faster than any today. */
const MAX_CALIBRATED_ITERATIONS = 48;
// Note (KDF bounds): Authdesk writes the floor's memory and parallelism and at most
// MAX_CALIBRATED_ITERATIONS; a file may ask for twice that, no more, checked before any Argon2id
// work (without them a 211-byte file could ask for 4 GiB and 1,000 passes). Change together with
// KDF_FLOOR and calibrateKdf (a vault Authdesk writes must always open).
const MAX_MEMORY_KIB = 2 * KDF_FLOOR.memoryKiB;
const MAX_ITERATIONS = 2 * MAX_CALIBRATED_ITERATIONS;
const MAX_PARALLELISM = 2 * KDF_FLOOR.parallelism;
/** Memory times passes: the whole cost, so doubling both at once is not allowed. */
const MAX_WORK = KDF_FLOOR.memoryKiB * MAX_ITERATIONS;

/** Whether params are not Argon2id at all ('invalid'), more than Authdesk ever writes ('excessive'), or fine (null). */
export function kdfProblem(params: KdfParams): 'invalid' | 'excessive' | null {
  const { memoryKiB, iterations, parallelism } = params;
  const valid = [memoryKiB, iterations, parallelism].every((x) => Number.isSafeInteger(x) && x >= 1) && memoryKiB >= 8 * parallelism;
  if (!valid) return 'invalid';
  const excessive = memoryKiB > MAX_MEMORY_KIB || iterations > MAX_ITERATIONS || parallelism > MAX_PARALLELISM || memoryKiB * iterations > MAX_WORK;
  return excessive ? 'excessive' : null;
}

/** The refusal of a file whose KDF parameters exceed what `app` writes; says what happened without quoting them. */
export function excessiveKdfError(code: 'VAULT_DAMAGED' | 'IMPORT_MALFORMED', app: string): AuthdeskError {
  return new AuthdeskError(code, `This file asks for far more key-derivation work than ${app} ever uses; it is damaged or crafted, and was not opened.`, { details: { reason: 'kdf-bounds' } });
}

/** Derives a 32-byte key from the password; the caller zeroes it when done. */
export async function deriveKey(password: string, salt: Uint8Array, params: KdfParams): Promise<Buffer> {
  if (kdfProblem(params) !== null) throw new AuthdeskError('INVALID_INPUT', 'The Argon2id parameters are out of range.');
  // NFC, so the same password typed through different input methods gives the same key.
  // Note (password bytes): a string handed to hash-wasm is encoded into Node's shared Buffer
  // pool, where the bytes outlive the call; these bytes are of their own and zeroed here (the
  // worker zeroes the copy moved to it). The copy hash-wasm's BLAKE2b writes into its own
  // WebAssembly memory cannot be reached (docs/security-model.md, Memory).
  const bytes = secretUtf8(password.normalize('NFC'));
  try {
    const out = await argon2idKey(bytes, salt, params);
    const key = secretBytes(out.length);
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
  // Starting the worker and compiling its WebAssembly stay out of the measurement.
  await warmUpArgon2id();
  const start = now();
  (await deriveKey('calibration', salt, KDF_FLOOR)).fill(0);
  const perIteration = (now() - start) / KDF_FLOOR.iterations;
  const iterations = Math.min(MAX_CALIBRATED_ITERATIONS, Math.max(KDF_FLOOR.iterations, Math.round(targetMs / Math.max(perIteration, 1))));
  return { ...KDF_FLOOR, iterations };
}
