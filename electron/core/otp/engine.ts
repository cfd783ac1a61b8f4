// Runs in: main, CLI, tests.
//
// One-time codes for vault OtpParams, made of otplib's RFC 4226 building blocks (counter
// encoding, dynamic truncation, digit encoding) and the KeyObject HMAC plugin.
//
// Note (prepared once, not per code): otplib's generateSync re-validates the secret, the
// options and the algorithm and builds a crypto context on every call, which cost more than
// the HMAC itself when the codes service refreshes thousands of accounts in one tick. The
// same otplib validators run here once per account, in prepare(); each code then does only
// the RFC work. RFC 4226/6238 and Steam vectors in test/unit/otp/engine.test.ts hold it to
// otplib's results. Change together with crypto-plugin.ts and steam.ts.
import { counterToBytes, createGuardrails, dynamicTruncate, truncateDigits, validateCounter, validatePeriod, validateSecret, validateTime } from '@otplib/core';
import type { HashAlgorithm } from '@otplib/core';
import type { OtpAlgorithm, OtpParams } from './params.ts';
import { decodeBase32 } from './base32.ts';
import { KeyObjectCryptoPlugin } from './crypto-plugin.ts';
import { MAX_PERIOD, MAX_SECRET_BYTES } from './entry.ts';
import { encodeSteam } from './steam.ts';

// Note (short secrets): otplib refuses keys under 16 bytes by default, but real services
// still issue 80-bit (10-byte) secrets, and the user cannot choose them. Bounds come from
// entry.ts so what otpParams() accepts always generates.
const guardrails = createGuardrails({ MIN_SECRET_BYTES: 1, MAX_SECRET_BYTES, MIN_PERIOD: 1, MAX_PERIOD });
const HASH: Readonly<Record<OtpAlgorithm, HashAlgorithm>> = { SHA1: 'sha1', SHA256: 'sha256', SHA512: 'sha512' };

// Every account with the same period shares a time step, so a refresh of many accounts asks
// for the same counter bytes over and over: keep the last ones (otplib never mutates them).
let lastCounter = -1;
let lastCounterBytes = counterToBytes(0);
function counterBytes(counter: number): Uint8Array {
  if (counter !== lastCounter) {
    lastCounterBytes = counterToBytes(counter);
    lastCounter = counter;
  }
  return lastCounterBytes;
}

/** One account's code maker: the key is decoded, checked and turned into a KeyObject once. */
export interface OtpGenerator {
  readonly otp: OtpParams;
  /** The code for the time step holding unixSeconds (TOTP and Steam). */
  time(unixSeconds: number): string;
  /** The HOTP code for a counter value. */
  counter(value: number): string;
}

export function prepare(otp: OtpParams): OtpGenerator {
  const secret = decodeBase32(otp.secret);
  const crypto = new KeyObjectCryptoPlugin();
  crypto.adopt(secret);
  validateSecret(secret, guardrails);
  if (otp.type !== 'hotp') validatePeriod(otp.period, guardrails);
  const algorithm = HASH[otp.algorithm];
  const encode = otp.type === 'steam' ? encodeSteam : truncateDigits;
  const code = (counter: number) => encode(dynamicTruncate(crypto.hmac(algorithm, secret, counterBytes(counter))), otp.digits);
  return {
    otp,
    time(unixSeconds) {
      validateTime(unixSeconds);
      return code(Math.floor(unixSeconds / otp.period));
    },
    counter(value) {
      validateCounter(value, guardrails);
      return code(value);
    },
  };
}

// Vault data is immutable, so an edited account has a new OtpParams object and a new entry.
const generators = new WeakMap<OtpParams, OtpGenerator>();

function generatorOf(otp: OtpParams): OtpGenerator {
  let generator = generators.get(otp);
  if (generator === undefined) {
    generator = prepare(otp);
    generators.set(otp, generator);
  }
  return generator;
}

/** The code for the time step holding unixSeconds (TOTP and Steam). */
export function timeCode(otp: OtpParams, unixSeconds: number): string {
  return generatorOf(otp).time(unixSeconds);
}

/** The HOTP code for a counter value. */
export function counterCode(otp: OtpParams, counter: number): string {
  return generatorOf(otp).counter(counter);
}
