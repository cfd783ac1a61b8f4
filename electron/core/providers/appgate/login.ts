// Runs in: main, CLI, tests.
//
// An Appgate SDP admin login (CONTRACTS C.4): /authentication with the password gives a partial
// token; /authorization either gives the final token or, with 412 (or needTwoFactorAuth
// already set), asks for the second factor first (mfa.ts), after which /authorization is
// called with the MFA-flagged token.

import { AuthdeskError } from '../../errors.ts';
import type { LoginRequest, LoginResult } from '../types.ts';
import { LoginAnswer, answer } from './answers.ts';
import type { AppgateConnection } from './connection.ts';
import { refused } from './errors.ts';
import { completeMfa } from './mfa.ts';

/** Profile.options key naming the identity provider to sign in with; Appgate's built-in one by default. */
const IDENTITY_PROVIDER_OPTION = 'identityProvider';
const DEFAULT_IDENTITY_PROVIDER = 'local';

export async function appgateLogin(connection: AppgateConnection, { profile, steps }: LoginRequest, signal: AbortSignal): Promise<LoginResult> {
  const { service } = connection;
  const credential = await steps.credential();
  if (credential.kind !== 'password') {
    throw new AuthdeskError('PROVIDER_ERROR', `${service} signs administrators in with a password, not an API key. Save the account's password in the profile.`);
  }
  const signIn = await connection.send({
    method: 'POST',
    path: '/authentication',
    json: { providerName: profile.options[IDENTITY_PROVIDER_OPTION] || DEFAULT_IDENTITY_PROVIDER, deviceId: connection.deviceId, username: profile.username, password: credential.secret },
  }, signal);
  if (signIn.status !== 200) throw refused(signIn, service, 'sign-in');
  const partial = answer(signIn, LoginAnswer, service);

  let final = partial.user.needTwoFactorAuth ? null : await authorize(connection, partial.token, signal);
  if (final === null) {
    const token = await completeMfa({ connection, profile, steps, password: credential.secret, token: partial.token, signal });
    final = await authorize(connection, token, signal);
    if (final === null) throw new AuthdeskError('PROVIDER_ERROR', `${service} accepted the second factor but still asks for it. Log in again; if it persists, check the admin MFA settings on the controller.`);
  }
  const expires = final.expires === undefined ? Number.NaN : Date.parse(final.expires);
  return { token: final.token, expiresAt: Number.isFinite(expires) ? expires : null, identity: { id: final.user.name, name: final.user.name } };
}

/** The final LoginResponse, or null when the controller wants the second factor first (412). */
async function authorize(connection: AppgateConnection, token: string, signal: AbortSignal): Promise<LoginAnswer | null> {
  const response = await connection.send({ method: 'GET', path: '/authorization', token }, signal);
  if (response.status === 412) return null;
  if (response.status !== 200) throw refused(response, connection.service, 'authorization');
  return answer(response, LoginAnswer, connection.service);
}
