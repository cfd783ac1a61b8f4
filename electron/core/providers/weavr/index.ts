// Runs in: main, CLI, tests.
//
// The Weavr Multi client (CONTRACTS B): /login_with_password for the auth token, /identities,
// then /access_token for the profile's identity (options.identityId, else the first one);
// identity switching, SMS and push step-up, keep-alive of the sliding 5-minute window, logout.
// Every call that returns a session says when it ends: 5 minutes after its last call.

import { AuthdeskError } from '../../errors.ts';
import type { Identity, LoginResult, Provider, SessionRequest } from '../types.ts';
import { openWeavrClient, weavrBaseUrl, type HttpPool, type RateGate, type WeavrClient, type WeavrClientOptions } from './client.ts';
import { unexpectedAnswer } from './errors.ts';
import { chooseIdentity, exchange, listIdentities } from './identities.ts';
import { identityOf, readSession, type WeavrSession } from './session-token.ts';
import { pushStepUp, smsStepUp } from './stepup.ts';

export { PROGRAMME_KEY_OPTION } from './client.ts';
export { APPROVALS_OPTION } from './stepup.ts';
/** The Profile.options key naming the identity to act as after login: "CORPORATE:3001" or "3001". */
export const IDENTITY_OPTION = 'identityId';

export interface WeavrProviderOptions {
  /** Per call; the shared HTTPS client's 15 s when not given. */
  readonly timeoutMs?: number;
  /** How often a push step-up asks for its outcome; 2 s when not given, so 5 minutes of waiting stays far from Weavr's rate limits. */
  readonly pollMs?: number;
  /** The clock expiries are read from; Date.now when not given. */
  readonly now?: () => number;
}

export function createWeavrProvider(options: WeavrProviderOptions = {}): Provider {
  const gate: RateGate = new Map();
  const pool: HttpPool = new Map();
  const clientOptions: WeavrClientOptions = { timeoutMs: options.timeoutMs, now: options.now ?? Date.now, gate, pool };
  const pollMs = options.pollMs ?? 2000;

  /** Runs `work` on a live session's tokens, read from the opaque token sessions/ kept. */
  const onSession = async <T>(request: SessionRequest, signal: AbortSignal, work: (client: WeavrClient, session: WeavrSession) => Promise<T>): Promise<T> => {
    const client = openWeavrClient(request.profile, signal, clientOptions);
    return work(client, readSession(request.token, client.service));
  };

  return {
    baseUrl: weavrBaseUrl,

    async login({ profile, steps }, signal) {
      const client = openWeavrClient(profile, signal, clientOptions);
      const credential = await steps.credential();
      if (credential.kind !== 'password') throw new AuthdeskError('CREDENTIAL_MISSING', `${client.service} logs in with a password; save one in the profile.`);
      const response = await client.send({ method: 'POST', path: '/login_with_password', call: 'login', ok: [200], json: { email: profile.username, password: { value: credential.secret } } });
      const auth = (response.json() as { token?: unknown } | null)?.token;
      if (typeof auth !== 'string' || auth === '') throw unexpectedAnswer(client.service);
      const identities = await listIdentities(client, auth);
      const identity = chooseIdentity(identities, profile.options[IDENTITY_OPTION], client.service);
      return (await exchange(client, auth, identity, identities)).result;
    },

    identities(request, signal): Promise<readonly Identity[]> {
      return onSession(request, signal, async (client, session) => (await listIdentities(client, session.auth)).map(identityOf));
    },

    switchIdentity(request, signal): Promise<LoginResult> {
      return onSession(request, signal, async (client, session) => {
        // The login's list names the identity in one call; a newer one is looked up before giving up.
        const wanted = request.identityId;
        const known = session.identities.some((i) => `${i.type}:${i.id}` === wanted || i.id === wanted);
        const identities = known ? session.identities : await listIdentities(client, session.auth);
        return (await exchange(client, session.auth, chooseIdentity(identities, wanted, client.service), identities)).result;
      });
    },

    // Note (fresh tokens first): a step-up can take minutes while only the access token is used, and
    // it ends with an exchange from the auth token, so it starts with one: both tokens then have
    // their full 5 minutes, as long as the code or the push lives. One already stepped up is done.
    stepUp(request, signal): Promise<LoginResult> {
      return onSession(request, signal, async (client, stored) => {
        const fresh = await exchange(client, stored.auth, stored.identity, stored.identities);
        if (fresh.steppedUp) return fresh.result;
        return request.method === 'sms'
          ? smsStepUp(client, fresh.session, request.steps)
          : pushStepUp(client, fresh.session, request.steps, { profile: request.profile, pollMs, timeoutMs: options.timeoutMs, signal });
      });
    },

    // Note (keep-alive): /access_token from the auth token is the one call that slides both tokens
    // (the access token is new), and it is a call the auth token is allowed; see identities.ts.
    keepAlive(request, signal): Promise<LoginResult> {
      return onSession(request, signal, async (client, session) => (await exchange(client, session.auth, session.identity, session.identities)).result);
    },

    async logout(request, signal): Promise<void> {
      await onSession(request, signal, async (client, session) => {
        try {
          await client.send({ method: 'POST', path: '/logout', call: 'logout', ok: [200, 204], bearer: session.access });
        } catch (error) {
          // A session that already ended on the server is as logged out as it can be.
          if ((error as { code?: unknown }).code !== 'PROVIDER_AUTH_FAILED') throw error;
        }
      });
    },
  };
}
