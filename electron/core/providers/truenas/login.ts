// Runs in: main, CLI, tests.
//
// One TrueNAS login on one socket (CONTRACTS A.2, A.3): a resume token first when there is one,
// then the password (or API key), the OTP step answered through LoginSteps on the same socket,
// REDIRECT followed once, and a fresh token for the next login. The socket is closed before
// login() returns: the session Authdesk holds is the token, not the socket.
//
// Note (single-use tokens): auth.generate_token is asked for single-use tokens. A multi-use
// token cannot be revoked (25.04 has no call for it) and is refused at STIG level; a single-use
// one is destroyed by the server when it is used, so resuming spends it (and issues the next)
// and logout.ts ends a session by spending it. Change both files together.

import { openWebSocket, PIN_OPTION, unreadable } from '../net/index.ts';
import type { Identity, LoginCredential, LoginRequest, LoginResult } from '../types.ts';
import { redirectedUrl } from './endpoint.ts';
import { apiKeyNeedsTls, credentialExpired, credentialRefused, otpRefused, redirectLoop, redirectUnusable, RpcCallError, rpcFailure, unknownResponse } from './errors.ts';
import { RpcSocket } from './rpc.ts';

export interface TruenasContext {
  /** "TrueNAS (nas)", for messages. */
  readonly service: string;
  readonly timeoutMs: number;
  readonly signal: AbortSignal;
}

/**
 * The token's inactivity window: resuming works while Authdesk used it within the last hour,
 * long enough for a working stretch of repeated logins, short enough that a token lifted from
 * a backup has lapsed. match_origin (true below) also ties it to this computer's address.
 */
const TOKEN_TTL_S = 3600;
/** The server ends a login after its fourth wrong code (CONTRACTS A.2, MAX_OTP_ATTEMPTS 3). */
const OTP_ANSWERS = 4;

type Answer = Readonly<Record<string, unknown>>;

/** Opens the profile's endpoint (or a redirected one) with its pinned certificate. */
export async function connect(url: string, pin: string | null, context: TruenasContext): Promise<RpcSocket> {
  const ws = await openWebSocket(url, { pin, service: context.service, signal: context.signal, timeoutMs: context.timeoutMs });
  return new RpcSocket(ws, context.service, context.timeoutMs);
}

export function pinOf(request: { readonly profile: LoginRequest['profile'] }): string | null {
  return request.profile.options[PIN_OPTION] ?? null;
}

/** One call whose error frame becomes the person's words; `sent` are the secrets on the wire. */
export async function ask(socket: RpcSocket, method: string, params: readonly unknown[], sent: readonly string[], context: TruenasContext): Promise<unknown> {
  try {
    return await socket.call(method, params, { signal: context.signal, carriesSecret: sent.length > 0 });
  } catch (error) {
    throw error instanceof RpcCallError ? rpcFailure(context.service, error, sent) : error;
  }
}

export async function login(request: LoginRequest, context: TruenasContext): Promise<LoginResult> {
  const { profile, steps } = request;
  let socket = await connect(profile.baseUrl, pinOf(request), context);
  try {
    if (request.resume !== null) {
      const resumed = await resume(socket, request.resume, context);
      if (resumed) return await finish(socket, resumed, profile.username, context);
    }
    const credential = await steps.credential();
    const data = credentialData(profile.username, credential);
    if (credential.kind === 'api-key' && new URL(socket.url).protocol !== 'wss:') throw apiKeyNeedsTls(context.service);
    let answer = await loginEx(socket, data, [credential.secret], context);
    if (answer.response_type === 'REDIRECT') {
      const target = redirectTarget(socket.url, answer);
      if (!target) throw redirectUnusable(context.service);
      socket.close();
      // Note (redirect and the pin): the controllers of an HA pair serve the same certificate,
      // so the password goes to the active one only if it passes the profile's pin.
      socket = await connect(target, pinOf(request), context);
      answer = await loginEx(socket, data, [credential.secret], context);
      if (answer.response_type === 'REDIRECT') throw redirectLoop(context.service);
    }
    let answers = 0;
    while (answer.response_type === 'OTP_REQUIRED') {
      // A server that asks beyond the contract's four answers is not one to feed more codes.
      if (answers === OTP_ANSWERS) throw otpRefused(context.service);
      const code = await steps.otp({ from: 'authenticator' });
      answers += 1;
      answer = await loginEx(socket, { mechanism: 'OTP_TOKEN', otp_token: code }, [code], context, 'auth.login_ex_continue');
    }
    switch (answer.response_type) {
      case 'SUCCESS':
        return await finish(socket, answer, profile.username, context);
      case 'AUTH_ERR':
        throw answers > 0 ? otpRefused(context.service) : credentialRefused(context.service, profile.username, credential);
      case 'EXPIRED':
        throw credentialExpired(context.service, profile.username, credential);
      default:
        throw unknownResponse(context.service, answer.response_type);
    }
  } finally {
    socket.close();
  }
}

/**
 * The answer to TOKEN_PLAIN when it succeeded, or null to go on with the credential: a spent or
 * lapsed token (AUTH_ERR) is the normal end of a session, and a server in STIG mode refuses the
 * mechanism itself (EOPNOTSUPP). A failed socket is not a refusal and goes to the person.
 */
export async function resume(socket: RpcSocket, token: string, context: TruenasContext): Promise<Answer | null> {
  try {
    const answer = await socket.call('auth.login_ex', [{ mechanism: 'TOKEN_PLAIN', token }], { signal: context.signal, carriesSecret: true });
    return (answer as Answer | null)?.response_type === 'SUCCESS' ? (answer as Answer) : null;
  } catch (error) {
    if (error instanceof RpcCallError) return null;
    throw error;
  }
}

function credentialData(username: string, credential: LoginCredential): Answer {
  return credential.kind === 'api-key'
    ? { mechanism: 'API_KEY_PLAIN', username, api_key: credential.secret }
    : { mechanism: 'PASSWORD_PLAIN', username, password: credential.secret };
}

async function loginEx(socket: RpcSocket, data: Answer, sent: readonly string[], context: TruenasContext, method = 'auth.login_ex'): Promise<Answer> {
  const answer = await ask(socket, method, [data], sent, context);
  if (typeof answer !== 'object' || answer === null || Array.isArray(answer)) throw unreadable(context.service);
  return answer as Answer;
}

function redirectTarget(current: string, answer: Answer): string | null {
  const urls = Array.isArray(answer.urls) ? answer.urls.filter((url): url is string => typeof url === 'string') : [];
  return urls.length > 0 ? redirectedUrl(current, urls[0]!) : null;
}

/** After SUCCESS: the next login's token, when it lapses, and who the session acts as. */
async function finish(socket: RpcSocket, answer: Answer, username: string, context: TruenasContext): Promise<LoginResult> {
  const token = await ask(socket, 'auth.generate_token', [TOKEN_TTL_S, {}, true, true], [], context);
  if (typeof token !== 'string' || token === '') throw unreadable(context.service);
  return { token, expiresAt: Date.now() + TOKEN_TTL_S * 1000, identity: identityOf(answer.user_info, username) };
}

function identityOf(userInfo: unknown, username: string): Identity {
  const info = typeof userInfo === 'object' && userInfo !== null ? (userInfo as Record<string, unknown>) : {};
  const id = typeof info.pw_name === 'string' && info.pw_name !== '' ? info.pw_name : username;
  const name = typeof info.pw_gecos === 'string' && info.pw_gecos !== '' ? info.pw_gecos : id;
  return { id, name };
}
