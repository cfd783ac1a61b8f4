// Runs in: main, CLI, tests.
//
// Reading the controller's JSON: the shapes a login relies on are checked with valibot, so a
// body from a different or newer server becomes one readable error instead of a crash later.

import * as v from 'valibot';
import { unreadable, type HttpResponse } from '../net/index.ts';

/** The parsed body, or null when it is empty or not JSON (for error bodies, which are optional). */
export function bodyOrNull(response: HttpResponse): unknown {
  try {
    return response.json();
  } catch {
    return null;
  }
}

/** The body as `schema` describes it; PROVIDER_ERROR (unreadable) otherwise. */
export function answer<S extends v.GenericSchema>(response: HttpResponse, schema: S, service: string): v.InferOutput<S> {
  const parsed = v.safeParse(schema, response.json());
  if (!parsed.success) throw unreadable(service);
  return parsed.output;
}

/** LoginResponse (CONTRACTS C.2): the fields a login uses. */
export const LoginAnswer = v.object({
  user: v.object({ name: v.string(), needTwoFactorAuth: v.optional(v.boolean()) }),
  token: v.pipe(v.string(), v.minLength(1)),
  expires: v.optional(v.string()),
});
export type LoginAnswer = v.InferOutput<typeof LoginAnswer>;

/** The answer of /authentication/otp/initialize; `type` is checked by the caller, so a new one can be named. */
export const MfaAnswer = v.object({
  type: v.string(),
  secret: v.optional(v.string()),
  otpAuthUrl: v.optional(v.string()),
  responseMessage: v.optional(v.string()),
  state: v.optional(v.string()),
  // A Push waits this long for the person; a controller may not hold a login open for longer than an hour.
  timeout: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(3600))),
  sendPassword: v.optional(v.boolean()),
});
export type MfaAnswer = v.InferOutput<typeof MfaAnswer>;
