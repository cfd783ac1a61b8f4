// Runs in: main, CLI, tests.
//
// otplib's HMAC plugin for the hot path. Node's createHmac costs ~8 µs with raw key bytes
// and ~1.6 µs with a KeyObject (DESIGN §10), so this plugin turns its key into a KeyObject
// once and reuses it.
//
// Note (key identity): the KeyObject is remembered for the last key array seen, compared by
// identity, so engine.ts gives each account its own plugin and hands otplib the same,
// never-mutated array every time. Another key still works, it just pays for a new KeyObject.
import { createHmac, createSecretKey, randomBytes, timingSafeEqual } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { AlgorithmUnsupportedError } from '@otplib/core';
import type { CryptoPlugin, HashAlgorithm } from '@otplib/core';

const DIGESTS: ReadonlyMap<string, HashAlgorithm> = new Map([['sha1', 'sha1'], ['sha256', 'sha256'], ['sha512', 'sha512']]);
const ALGORITHMS: readonly HashAlgorithm[] = Object.freeze([...DIGESTS.values()]);

function digestName(algorithm: string): HashAlgorithm {
  // otplib hands over canonical names; other spellings ("SHA-1") are what the interface allows.
  const name = DIGESTS.get(algorithm) ?? DIGESTS.get(algorithm.toLowerCase().replace(/[-_]/, ''));
  if (name === undefined) throw new AlgorithmUnsupportedError(algorithm, { supported: ALGORITHMS });
  return name;
}

// Note (no `algorithms` field): otplib filters its algorithm list against a plugin's
// `algorithms` on every call, which was a fifth of the cost of a code; leaving it out means
// "all of them", which is true here.
export class KeyObjectCryptoPlugin implements CryptoPlugin {
  readonly name = 'node-keyobject';
  #key: Uint8Array | undefined;
  #keyObject: KeyObject | undefined;

  /**
   * Turns key into the KeyObject now and zeroes it: the raw seed bytes then live only in the
   * KeyObject, which Node wipes when it is collected. Pass the same (now zeroed) array to hmac.
   */
  adopt(key: Uint8Array): void {
    this.#keyObject = createSecretKey(key);
    this.#key = key;
    key.fill(0);
  }

  hmac(algorithm: HashAlgorithm, key: Uint8Array, data: Uint8Array): Uint8Array {
    if (key !== this.#key || this.#keyObject === undefined) {
      this.#keyObject = createSecretKey(key);
      this.#key = key;
    }
    return createHmac(digestName(algorithm), this.#keyObject).update(data).digest();
  }

  randomBytes(length: number): Uint8Array {
    return randomBytes(length);
  }

  constantTimeEqual(a: string | Uint8Array, b: string | Uint8Array): boolean {
    const left = typeof a === 'string' ? Buffer.from(a) : a;
    const right = typeof b === 'string' ? Buffer.from(b) : b;
    return left.length === right.length && timingSafeEqual(left, right);
  }
}
