// Runs in: main, preload, renderer (types only), CLI, tests. The `sessions` namespace: logging
// in to a profile's service and what the session does after. States carry expiry, identity
// and error words, never a token, password or OTP; questions mid-login go through `prompts`.
import * as v from 'valibot';
import type { SessionEvent, SessionIdentities } from '../../sessions/index.ts';
import { call, event } from '../spec.ts';
import { id, none } from './inputs.ts';

const profile = v.strictObject({ id });

export const sessions = {
  /** The state of every profile's session, one each. */
  states: call<SessionEvent[]>()(none, 'background'),
  /** Logs in and resolves with the state the login ended in: active, logged-out (cancelled or declined) or error. */
  login: call<SessionEvent>()(profile, 'user'),
  /** Stops the profile's login (or forgets its session here) at once. */
  cancel: call<null>()(profile, 'user'),
  /** Ends the session on the service and forgets it here. */
  logout: call<null>()(profile, 'user'),
  /** The identities an active session may act as (Weavr); PROVIDER_UNSUPPORTED for the others. */
  identities: call<SessionIdentities>()(profile, 'user'),
  switchIdentity: call<SessionEvent>()(v.strictObject({ id, identityId: id }), 'user'),
  /** Raises the session's assurance: an SMS code asked through prompts, or a push to approve. */
  stepUp: call<SessionEvent>()(v.strictObject({ id, method: v.picklist(['sms', 'push']) }), 'user'),
  onState: event<SessionEvent>(),
} as const;
