// Runs in: main, CLI, tests.
//
// Weavr identities (CONTRACTS B.3): listing them with the auth token and exchanging it for an
// access token of one of them.
//
// Note (every result ends with an exchange): login, switch, step-up and keep-alive all finish
// with POST /access_token from the auth token, so both tokens have just been used and the
// session's 5-minute window (client.ts expiresAt) holds for both; the answer also says whether
// the identity is STEPPED_UP. stepup.ts and index.ts rely on this.

import { AuthdeskError } from '../../errors.ts';
import type { LoginResult } from '../types.ts';
import type { WeavrClient } from './client.ts';
import { unexpectedAnswer } from './errors.ts';
import { isIdentity, sessionResult, type WeavrIdentity, type WeavrSession } from './session-token.ts';

const PAGE = 100;
/** No person acts as more; a server that says otherwise is not paged through for ever. */
const MAX_IDENTITIES = 1000;

export async function listIdentities(client: WeavrClient, auth: string): Promise<WeavrIdentity[]> {
  const all: WeavrIdentity[] = [];
  for (;;) {
    const response = await client.send({ method: 'GET', path: `/identities?offset=${all.length}&limit=${PAGE}`, call: 'identities', ok: [200], bearer: auth, retry: true });
    const body = response.json() as { identities?: unknown; count?: unknown } | null;
    if (!Array.isArray(body?.identities) || typeof body.count !== 'number') throw unexpectedAnswer(client.service);
    const page = body.identities.map((entry: { id?: unknown; name?: unknown }) => ({ ...(entry?.id as object), name: entry?.name }));
    if (!page.every(isIdentity)) throw unexpectedAnswer(client.service);
    all.push(...page.map(({ type, id, name }) => ({ type, id, name })));
    if (page.length === 0 || all.length >= Math.min(body.count, MAX_IDENTITIES)) return all;
  }
}

/** The identity named by "CORPORATE:3001" or just "3001"; none named means the first. */
export function chooseIdentity(identities: readonly WeavrIdentity[], wanted: string | undefined, service: string): WeavrIdentity {
  const found = wanted ? identities.find((i) => `${i.type}:${i.id}` === wanted || i.id === wanted) : identities[0];
  if (found) return found;
  if (identities.length === 0) throw new AuthdeskError('PROVIDER_ERROR', `${service} lists no identity for this login, so there is nothing to act as. Check the account in Weavr.`);
  const names = identities.map((i) => `${i.name} (${i.type}:${i.id})`).join(', ');
  throw new AuthdeskError('NOT_FOUND', `This ${service} login cannot act as "${wanted}". Choose one of: ${names}.`);
}

export interface Exchanged {
  readonly session: WeavrSession;
  /** The session as sessions/ keeps it, expiring 5 minutes after this call. */
  readonly result: LoginResult;
  readonly steppedUp: boolean;
}

/** POST /access_token for `identity`: the session that results and whether it is stepped up. */
export async function exchange(client: WeavrClient, auth: string, identity: WeavrIdentity, identities: readonly WeavrIdentity[]): Promise<Exchanged> {
  const response = await client.send({ method: 'POST', path: '/access_token', call: 'access', ok: [200], bearer: auth, json: { identity: { type: identity.type, id: identity.id } } });
  const body = response.json() as { token?: unknown; status?: unknown } | null;
  if (typeof body?.token !== 'string' || body.token === '' || (body.status !== 'STANDARD' && body.status !== 'STEPPED_UP')) throw unexpectedAnswer(client.service);
  const session: WeavrSession = { auth, access: body.token, identity, identities };
  return { session, result: sessionResult(session, client.expiresAt()), steppedUp: body.status === 'STEPPED_UP' };
}
