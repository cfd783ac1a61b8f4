// Runs in: sandbox (`npm run sandbox` and tests; never shipped).
//
// The strict argument models of auth.* (CONTRACTS A.1/A.2): extra="forbid", strict=True, so an
// unknown key or a number where a string belongs is -32602, with pydantic's dotted locations.

import { ERRNO, invalidParams, type FieldError } from './rpc.ts';

export const MECHANISMS = ['PASSWORD_PLAIN', 'API_KEY_PLAIN', 'TOKEN_PLAIN', 'OTP_TOKEN'] as const;
export type Mechanism = (typeof MECHANISMS)[number];

export type LoginData =
  | { mechanism: 'PASSWORD_PLAIN'; username: string; password: string; userInfo: boolean }
  | { mechanism: 'API_KEY_PLAIN'; username: string; api_key: string; userInfo: boolean }
  | { mechanism: 'TOKEN_PLAIN'; token: string; userInfo: boolean }
  | { mechanism: 'OTP_TOKEN'; otp_token: string; userInfo: boolean };

const FIELDS: Record<Mechanism, readonly string[]> = {
  PASSWORD_PLAIN: ['username', 'password'],
  API_KEY_PLAIN: ['username', 'api_key'],
  TOKEN_PLAIN: ['token'],
  OTP_TOKEN: ['otp_token'],
};

const TYPE_MESSAGE = { string: 'Input should be a valid string', boolean: 'Input should be a valid boolean', integer: 'Input should be a valid integer', object: 'Input should be a valid dictionary' } as const;

function typeOk(value: unknown, type: keyof typeof TYPE_MESSAGE): boolean {
  if (type === 'integer') return Number.isInteger(value);
  if (type === 'object') return typeof value === 'object' && value !== null && !Array.isArray(value);
  return typeof value === type;
}

const err = (attribute: string, message: string): FieldError => [attribute, message, ERRNO.EINVAL];

function tooMany(params: readonly unknown[], max: number): void {
  if (params.length > max) throw invalidParams([err('', `Too many arguments (expected ${max}, found ${params.length})`)]);
}

/** auth.login_ex's single argument; `allowed` narrows the mechanisms (login_ex_continue takes OTP_TOKEN only). */
export function parseLoginData(params: readonly unknown[], allowed: readonly Mechanism[] = MECHANISMS): LoginData {
  tooMany(params, 1);
  const data = params[0];
  if (data === undefined) throw invalidParams([err('login_data', 'Field required')]);
  if (!typeOk(data, 'object')) throw invalidParams([err('login_data', TYPE_MESSAGE.object)]);
  const record = data as Record<string, unknown>;
  const mechanism = record.mechanism;
  if (mechanism === undefined) throw invalidParams([err('login_data', "Unable to extract tag using discriminator 'mechanism'")]);
  if (!allowed.includes(mechanism as Mechanism)) {
    const expected = allowed.map((m) => `'${m}'`).join(', ');
    throw invalidParams([err('login_data', `Input tag '${String(mechanism)}' found using 'mechanism' does not match any of the expected tags: ${expected}`)]);
  }
  const base = `login_data.${String(mechanism)}`;
  const fields = FIELDS[mechanism as Mechanism];
  const errors: FieldError[] = [];
  for (const field of fields) {
    if (!(field in record)) errors.push(err(`${base}.${field}`, 'Field required'));
    else if (!typeOk(record[field], 'string')) errors.push(err(`${base}.${field}`, TYPE_MESSAGE.string));
  }
  for (const key of Object.keys(record)) {
    if (key !== 'mechanism' && key !== 'login_options' && !fields.includes(key)) errors.push(err(`${base}.${key}`, 'Extra inputs are not permitted'));
  }
  let userInfo = true;
  if ('login_options' in record) {
    const options = record.login_options;
    if (!typeOk(options, 'object')) errors.push(err(`${base}.login_options`, TYPE_MESSAGE.object));
    else {
      for (const [key, value] of Object.entries(options as Record<string, unknown>)) {
        if (key !== 'user_info') errors.push(err(`${base}.login_options.${key}`, 'Extra inputs are not permitted'));
        else if (!typeOk(value, 'boolean')) errors.push(err(`${base}.login_options.user_info`, TYPE_MESSAGE.boolean));
        else userInfo = value as boolean;
      }
    }
  }
  if (errors.length > 0) throw invalidParams(errors);
  return { ...(record as object), mechanism, userInfo } as LoginData;
}

export function parseNoArgs(params: readonly unknown[]): void {
  tooMany(params, 0);
}

export interface TokenOptions {
  readonly ttl: number;
  readonly matchOrigin: boolean;
  readonly singleUse: boolean;
}

/** auth.generate_token(ttl=600, attrs={}, match_origin=true, single_use=false), all positional. */
export function parseGenerateToken(params: readonly unknown[]): TokenOptions {
  tooMany(params, 4);
  const [ttl = 600, attrs = {}, matchOrigin = true, singleUse = false] = params;
  const errors: FieldError[] = [];
  if (ttl !== null && !typeOk(ttl, 'integer')) errors.push(err('ttl', TYPE_MESSAGE.integer));
  if (!typeOk(attrs, 'object')) errors.push(err('attrs', TYPE_MESSAGE.object));
  if (!typeOk(matchOrigin, 'boolean')) errors.push(err('match_origin', TYPE_MESSAGE.boolean));
  if (!typeOk(singleUse, 'boolean')) errors.push(err('single_use', TYPE_MESSAGE.boolean));
  if (errors.length > 0) throw invalidParams(errors);
  return { ttl: (ttl as number | null) ?? 600, matchOrigin: matchOrigin as boolean, singleUse: singleUse as boolean };
}
