// Runs in: main, CLI, tests.
//
// otpauth:// URIs in Google's Key Uri Format
// (https://github.com/google/google-authenticator/wiki/Key-Uri-Format), read the way real
// QR codes write them: "Issuer:Account" labels, percent-encoding, parameter names in any
// case, the issuer parameter winning over the label prefix. Steam accounts come as
// otpauth://steam/... (Aegis) or as a totp URI with encoder=steam (KeePassXC and others).
import { AuthdeskError } from '../errors.ts';
import type { OtpType } from './params.ts';
import type { OtpEntry } from './entry.ts';
import { otpParams, parseAlgorithm } from './entry.ts';

const URI_PATTERN = /^otpauth:\/\/([^/?#]*)\/?([^?#]*)(?:\?([^#]*))?(?:#.*)?$/is;

function invalidUri(reason: string): AuthdeskError {
  return new AuthdeskError('OTP_INVALID_URI', `This is not a usable otpauth:// link: ${reason}.`);
}

function decodeComponent(text: string, what: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw invalidUri(`its ${what} has broken percent-encoding`);
  }
}

function parseType(host: string, encoder: string | undefined): OtpType {
  const type = host.toLowerCase();
  if (type === 'steam' || (type === 'totp' && encoder?.toLowerCase() === 'steam')) return 'steam';
  if (type === 'totp' || type === 'hotp') return type;
  throw invalidUri('the type must be totp, hotp or steam');
}

// The parameters that change the codes or the names; each may appear once, with a value.
const KNOWN_PARAMS = new Set(['secret', 'issuer', 'algorithm', 'digits', 'period', 'counter', 'encoder']);

// Note (strict parameters): "&digits=" or a second "period=" is a damaged or crafted link;
// taking a default or the first value would give codes that silently never match, so both are
// refused. Unknown parameters (image=, color=) are ignored.
function parseParams(query: string): Map<string, string> {
  const params = new Map<string, string>();
  // URLSearchParams decodes "+" as a space, as the issuer=Air+Canada links in the wild expect.
  for (const [name, value] of new URLSearchParams(query)) {
    const key = name.toLowerCase();
    if (!KNOWN_PARAMS.has(key)) continue;
    if (params.has(key)) throw invalidUri(`it gives the ${key} parameter more than once`);
    if (value.trim() === '' && key !== 'issuer') throw invalidUri(`its ${key} parameter is empty`);
    params.set(key, value.trim());
  }
  return params;
}

function parseInteger(value: string | undefined, what: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,16}$/.test(value)) throw invalidUri(`the ${what} must be a whole number`);
  return Number(value);
}

// Note (colon in names): the label is "Issuer:Account". Authdesk writes the separator as a
// literal ":" and any ":" inside either name percent-encoded, so the first literal colon is
// the separator; a label with none may still use "%3A" as separator, as the Key Uri Format
// allows. Change together with formatOtpauthUri.
function splitLabel(rawLabel: string): { prefix: string; account: string } {
  const literal = rawLabel.indexOf(':');
  if (literal >= 0) return { prefix: decodeComponent(rawLabel.slice(0, literal), 'label'), account: decodeComponent(rawLabel.slice(literal + 1), 'label') };
  const label = decodeComponent(rawLabel, 'label');
  const colon = label.indexOf(':');
  return colon < 0 ? { prefix: '', account: label } : { prefix: label.slice(0, colon), account: label.slice(colon + 1) };
}

/** Reads one otpauth:// URI. Throws OTP_INVALID_URI, OTP_INVALID_SECRET or OTP_UNSUPPORTED. */
export function parseOtpauthUri(uri: string): OtpEntry {
  const match = URI_PATTERN.exec(uri.trim());
  if (!match) throw invalidUri('it must start with otpauth://');
  const [, host = '', rawLabel = '', query = ''] = match;
  const params = parseParams(query);
  const type = parseType(host, params.get('encoder'));
  const { prefix, account } = splitLabel(rawLabel);
  const secret = params.get('secret');
  if (secret === undefined) throw new AuthdeskError('OTP_INVALID_SECRET', 'The otpauth:// link has no secret.');
  const algorithmText = params.get('algorithm');
  const algorithm = algorithmText === undefined ? undefined : parseAlgorithm(algorithmText);
  if (algorithm === null) throw new AuthdeskError('OTP_UNSUPPORTED', 'Only the SHA1, SHA256 and SHA512 algorithms are supported.');
  const otp = otpParams({
    type,
    secret,
    algorithm,
    digits: parseInteger(params.get('digits'), 'number of digits'),
    period: parseInteger(params.get('period'), 'period'),
    counter: parseInteger(params.get('counter'), 'counter'),
  });
  const issuerParam = params.get('issuer') ?? '';
  return { issuer: (issuerParam === '' ? prefix : issuerParam).trim(), label: account.trim(), otp };
}

// "@" is legal in a path and Google's own examples keep it: alice@google.com stays readable.
// encodeURIComponent turns ":" into %3A, so the one literal colon is the separator.
function encodeLabel(text: string): string {
  return encodeURIComponent(text).replaceAll('%40', '@');
}

/** Writes an entry as an otpauth:// URI that Google Authenticator, Aegis and others read. */
export function formatOtpauthUri(entry: OtpEntry): string {
  const { otp } = entry;
  // An account name holding ":" gets an empty issuer prefix, or readers would split it.
  const label = entry.issuer === '' && !entry.label.includes(':') ? encodeLabel(entry.label) : `${encodeLabel(entry.issuer)}:${encodeLabel(entry.label)}`;
  const query = [`secret=${otp.secret}`];
  if (entry.issuer !== '') query.push(`issuer=${encodeURIComponent(entry.issuer)}`);
  query.push(`algorithm=${otp.algorithm}`, `digits=${otp.digits}`);
  query.push(otp.type === 'hotp' ? `counter=${otp.counter}` : `period=${otp.period}`);
  return `otpauth://${otp.type}/${label}?${query.join('&')}`;
}
