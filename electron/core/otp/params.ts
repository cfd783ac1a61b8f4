// Runs in: main, CLI, tests.
//
// The parameters that make an account's codes. They belong to the otp layer, which computes
// codes from them; the vault (above it) stores them inside each Account.

export type OtpType = 'totp' | 'hotp' | 'steam';
export type OtpAlgorithm = 'SHA1' | 'SHA256' | 'SHA512';

export interface OtpParams {
  readonly type: OtpType;
  /** RFC 4648 Base32, upper case, no padding, no spaces. */
  readonly secret: string;
  readonly algorithm: OtpAlgorithm;
  /** 6 to 8 (5 for Steam). */
  readonly digits: number;
  /** Seconds; TOTP and Steam. */
  readonly period: number;
  /** HOTP only: the counter of the next code to show. */
  readonly counter: number;
}
