// Runs in: renderer.
//
// The "Enter manually" form checked as the user types, so a mistake shows at the field before
// the secret is ever sent. The numbers come from main (transfer.manualRules, core's own
// constants); the messages are core's.
//
// Note (manual rules): the Base32 shape below is electron/core/otp/base32.ts's, the ranges and
// messages electron/core/otp/entry.ts's and app/staging.ts's (the renderer cannot import core
// code). Core checks everything again on submit. Change together.
import type { ManualFields, ManualRules } from '../../../../electron/core/api/types.ts';

export type FieldErrors = Partial<Record<'issuer' | 'label' | 'secret' | 'digits' | 'period' | 'counter', string>>;

// A Base32 string can end after 2, 4, 5, 7 or 8 characters of its last 8-character block.
const VALID_TAIL_LENGTHS = new Set([0, 2, 4, 5, 7]);

function secretError(secret: string, rules: ManualRules): string | undefined {
  const text = secret.replace(/[\s-]+/g, '').replace(/=+$/, '').toUpperCase();
  if (text === '') return 'Type the secret key the service showed you (letters A-Z and digits 2-7).';
  if (/[^A-Z2-7]/.test(text)) return 'The secret is not valid Base32 (letters A-Z and digits 2-7).';
  if (!VALID_TAIL_LENGTHS.has(text.length % 8)) return 'The secret is not valid Base32 (letters A-Z and digits 2-7): a character is missing or extra.';
  if (Math.floor((text.length * 5) / 8) > rules.maxSecretBytes) return `The secret is longer than ${rules.maxSecretBytes} bytes.`;
  return undefined;
}

const whole = (n: number, min: number, max: number): boolean => Number.isInteger(n) && n >= min && n <= max;

export function checkManual(fields: ManualFields, rules: ManualRules): FieldErrors {
  const errors: FieldErrors = {};
  if (fields.issuer.trim() === '' && fields.label.trim() === '') errors.issuer = 'Give the account an issuer or a name, so you can tell it from the others.';
  if (fields.issuer.trim().length > rules.maxName) errors.issuer = `The issuer is longer than ${rules.maxName} characters.`;
  if (fields.label.trim().length > rules.maxName) errors.label = `The account name is longer than ${rules.maxName} characters.`;
  const secret = secretError(fields.secret, rules);
  if (secret) errors.secret = secret;
  if (fields.type !== 'steam' && !whole(fields.digits, rules.minDigits, rules.maxDigits)) errors.digits = `Codes must have ${rules.minDigits} to ${rules.maxDigits} digits.`;
  if (!whole(fields.period, 1, rules.maxPeriod)) errors.period = `The period must be a whole number of seconds from 1 to ${rules.maxPeriod}.`;
  if (fields.type === 'hotp' && !whole(fields.counter, 0, rules.maxCounter)) errors.counter = `The HOTP counter must be a whole number from 0 to ${rules.maxCounter}.`;
  return errors;
}
