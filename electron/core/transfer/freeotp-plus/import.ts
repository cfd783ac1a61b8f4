// Runs in: main, CLI, tests.
//
// FreeOTP+ JSON export: {tokenOrder, tokens: [{algo, counter, digits, issuerExt, label,
// period, secret: [signed bytes], type}]}.
//
// Note (HOTP counter): FreeOTP generates a code from `counter` and then increments it, so
// the stored value is already the counter of the next code: it is kept as is (Aegis does
// the same; its tests expect vector - 1).

import { buildEntry, collectEntries } from '../entry.ts';
import { EntryProblem, optionalInteger, optionalString, requiredString } from '../fields.ts';
import { isRecord, malformed, parseJson, requireText } from '../input.ts';
import type { Importer } from '../types.ts';

const WHAT = 'FreeOTP+ export';

export const importFreeOtpPlus: Importer = async (input) => {
  const file = parseJson(requireText(input, WHAT), WHAT);
  if (!isRecord(file) || !Array.isArray(file['tokens'])) throw malformed(WHAT, 'the list of tokens is missing');
  return collectEntries(file['tokens'], (token) => {
    if (!isRecord(token)) throw new EntryProblem('it is not an object');
    return buildEntry({
      type: requiredString(token, 'type'),
      issuer: optionalString(token, 'issuerExt') || optionalString(token, 'issuerInt'),
      label: optionalString(token, 'label'),
      secret: secretBytes(token['secret']),
      algorithm: optionalString(token, 'algo'),
      digits: optionalInteger(token, 'digits'),
      period: optionalInteger(token, 'period'),
      counter: optionalInteger(token, 'counter'),
    });
  });
};

// Java writes byte[] as signed numbers (-128..127).
function secretBytes(value: unknown): Uint8Array {
  if (!Array.isArray(value) || !value.every((b) => Number.isInteger(b) && b >= -128 && b <= 255)) throw new EntryProblem('its secret is not a list of bytes');
  return Uint8Array.from(value as number[], (b) => b & 0xff);
}
