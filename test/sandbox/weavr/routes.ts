// Runs in: sandbox (`npm run sandbox` and tests; never shipped).
//
// Weavr Multi under /multi (CONTRACTS B.3) and the simulator under /simulate/api (B.5).

import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock.ts';
import { bearer, header, json, type Reply, type Router, type SandboxRequest } from '../http.ts';
import type { Approvals, Challenge } from '../approvals/service.ts';
import type { SandboxSeed, WeavrIdentity } from '../seed.ts';
import { sameSecret } from '../secrets.ts';
import {
  LOCKOUT_MS, OTP_ATTEMPTS, OTP_CHALLENGE_MS, OTP_CHALLENGES_PER_SESSION, SANDBOX_OTP,
  identityKey, type OtpChallenge, type Session, type Token, type UserState, type WeavrState,
} from './state.ts';
import type { Webhooks } from './webhooks.ts';

const BASE = '/multi';
const RATE_WINDOW_MS = 60_000;

interface PushChallenge {
  readonly id: string;
  readonly kind: 'STEPUP' | 'LOGIN';
  readonly user: UserState;
  readonly session?: Session;
  readonly identity?: WeavrIdentity;
  readonly approvalId: string;
}

interface Context {
  readonly clock: Clock;
  readonly seed: SandboxSeed['weavr'];
  readonly state: WeavrState;
  readonly approvals: Approvals;
  readonly webhooks: Webhooks;
}

type FieldError = 'REQUIRED' | 'SIZE' | 'REGEX' | 'IN' | 'RANGE';

function weavr(status: number, body?: unknown, headers: Record<string, string> = {}): Reply {
  return json(status, body, { 'request-ref': randomUUID(), ...headers });
}

function badRequest(fields: readonly [string, FieldError][]): Reply {
  return weavr(400, {
    message: 'The request is invalid.',
    syntaxErrors: { invalidFields: fields.map(([fieldName, error]) => ({ params: [], fieldName, error })) },
  });
}

const conflict = (errorCode: string) => weavr(409, { errorCode });

export function registerWeavrRoutes(router: Router, context: Context): void {
  const { clock, seed, state, approvals, webhooks } = context;
  const loginWindows = new Map<string, { start: number; count: number }>();
  const pushes = new Map<string, PushChallenge>();
  let nextChallengeId = 700_001;

  const idempotentReplies = new Map<string, Reply>();

  /** Step-up and enrolment POSTs honour `idempotency-ref`: a repeat gets the first reply again. */
  function idempotent(handler: (req: SandboxRequest) => Reply): (req: SandboxRequest) => Reply {
    return (req) => {
      const ref = header(req, 'idempotency-ref');
      if (ref === undefined) return handler(req);
      const key = `${bearer(req) ?? ''}\n${req.method} ${req.path}\n${ref}`;
      const seen = idempotentReplies.get(key);
      if (seen) return seen;
      const reply = handler(req);
      if (reply.status < 500) idempotentReplies.set(key, reply);
      return reply;
    };
  }

  const apiKeyOk = (req: SandboxRequest) => sameSecret(header(req, 'api-key') ?? '', seed.apiKey);

  /** api-key, then a live bearer token of an allowed kind; otherwise the reply to send. */
  function authorize(req: SandboxRequest, allowed: readonly Token['kind'][], forbidden: Reply = weavr(403, { errorCode: 'INSUFFICIENT_PERMISSIONS' })): Token | Reply {
    if (!apiKeyOk(req)) return weavr(401);
    const token = state.use(bearer(req));
    if (!token || token.kind === 'TEMP') return weavr(401);
    if (!allowed.includes(token.kind)) return forbidden;
    return token;
  }

  const ACCESS: readonly Token['kind'][] = ['ACCESS'];
  const isReply = (value: Token | Reply): value is Reply => !('session' in value);

  function rateLimited(req: SandboxRequest): Reply | undefined {
    const now = clock.now();
    const window = loginWindows.get(req.remoteAddress);
    if (!window || now - window.start >= RATE_WINDOW_MS) {
      loginWindows.set(req.remoteAddress, { start: now, count: 1 });
      return undefined;
    }
    window.count += 1;
    if (window.count <= seed.loginRateLimit) return undefined;
    return weavr(429, undefined, {
      'x-ratelimit-limit': `${seed.loginRateLimit}, ${seed.loginRateLimit};w=60`,
      'x-ratelimit-reset': String(Math.ceil((window.start + RATE_WINDOW_MS - now) / 1000)),
    });
  }

  function loginEvent(user: UserState, status: 'VERIFIED' | 'DECLINED', type: string): void {
    webhooks.post('/login/watch', { credential: user.user.credentials, identity: { type: user.user.identities[0]!.type, id: user.user.identities[0]!.id }, type, status });
  }

  router.add('POST', `${BASE}/login_with_password`, (req) => {
    if (!apiKeyOk(req)) return weavr(401);
    const limited = rateLimited(req);
    if (limited) return limited;
    const body = req.body as { email?: unknown; password?: { value?: unknown } } | undefined;
    if (req.jsonError) return badRequest([['body', 'REQUIRED']]);
    const fields: [string, FieldError][] = [];
    if (typeof body?.email !== 'string' || body.email === '') fields.push(['email', 'REQUIRED']);
    const password = body?.password?.value;
    if (typeof password !== 'string' || password === '') fields.push(['password.value', 'REQUIRED']);
    else if (password.length > 100) fields.push(['password.value', 'SIZE']);
    if (fields.length > 0) return badRequest(fields);
    const user = state.users.get((body!.email as string).toLowerCase());
    const now = clock.now();
    if (!user) return weavr(403);
    if (user.lockedUntil > now) return weavr(423);
    if (!sameSecret(password as string, user.user.password)) {
      user.failures += 1;
      if (user.failures >= seed.lockoutAfter) {
        user.failures = 0;
        user.lockedUntil = now + LOCKOUT_MS;
      }
      loginEvent(user, 'DECLINED', 'PASSWORD');
      return weavr(403);
    }
    user.failures = 0;
    const session = state.newSession(user);
    const identity = user.user.identities[0]!;
    if (user.user.passwordExpired) return weavr(409, { token: state.issue('TEMP', session, identity).value });
    const token = state.issue('AUTH', session, identity);
    loginEvent(user, 'VERIFIED', 'PASSWORD');
    return weavr(200, { token: token.value, tokenType: 'AUTH', identity: { type: identity.type, id: identity.id }, credentials: user.user.credentials });
  });

  router.add('POST', `${BASE}/login_via_biometrics`, (req) => {
    if (!apiKeyOk(req)) return weavr(401);
    const body = req.body as { email?: unknown } | undefined;
    if (req.jsonError || typeof body?.email !== 'string') return badRequest([['email', 'REQUIRED']]);
    const user = state.users.get(body.email.toLowerCase());
    if (!user) return weavr(403);
    if (user.lockedUntil > clock.now()) return weavr(423);
    if (user.push !== 'ACTIVE') return conflict('CHANNEL_NOT_REGISTERED');
    const push = startPush(user, 'LOGIN', `Sign in to Weavr as ${user.user.email}`, req.remoteAddress);
    return push ? weavr(200, { challengeId: push.id }) : conflict('CHANNEL_NOT_REGISTERED');
  });

  router.add('GET', `${BASE}/identities`, (req) => {
    const token = authorize(req, ['AUTH', 'ACCESS']);
    if (isReply(token)) return token;
    const offset = req.query.get('offset') ?? '0';
    const limit = req.query.get('limit') ?? '100';
    const fields: [string, FieldError][] = [];
    if (!/^\d+$/.test(offset)) fields.push(['offset', 'RANGE']);
    if (!/^\d+$/.test(limit) || Number(limit) < 1 || Number(limit) > 100) fields.push(['limit', 'RANGE']);
    if (fields.length > 0) return badRequest(fields);
    const all = token.session.user.user.identities;
    const page = all.slice(Number(offset), Number(offset) + Number(limit));
    return weavr(200, { identities: page.map((i) => ({ id: { type: i.type, id: i.id }, name: i.name })), count: all.length, responseCount: page.length });
  });

  router.add('POST', `${BASE}/access_token`, (req) => {
    const token = authorize(req, ['AUTH', 'ACCESS'], weavr(403));
    if (isReply(token)) return token;
    if (req.jsonError) return badRequest([['body', 'REQUIRED']]);
    const { user } = token.session;
    if (user.lockedUntil > clock.now()) return weavr(423);
    const requested = (req.body as { identity?: { type?: unknown; id?: unknown } } | undefined)?.identity;
    let identity: WeavrIdentity | undefined;
    if (requested === undefined) {
      // Docs allow leaving it out when the user has exactly one identity; the spec calls it required.
      if (user.user.identities.length !== 1) return badRequest([['identity', 'REQUIRED']]);
      identity = user.user.identities[0];
    } else {
      if (requested.type !== 'CONSUMER' && requested.type !== 'CORPORATE') return badRequest([['identity.type', 'IN']]);
      if (typeof requested.id !== 'string' || !/^[0-9]+$/.test(requested.id)) return badRequest([['identity.id', 'REGEX']]);
      identity = user.user.identities.find((i) => i.type === requested.type && i.id === requested.id);
      if (!identity) return weavr(403);
    }
    const access = state.issue('ACCESS', token.session, identity!);
    return weavr(200, {
      token: access.value, identity: { type: identity!.type, id: identity!.id }, credentials: user.user.credentials,
      status: token.session.steppedUp.has(identityKey(identity!)) ? 'STEPPED_UP' : 'STANDARD',
    });
  });

  router.add('POST', `${BASE}/logout`, (req) => {
    const token = authorize(req, ['AUTH', 'ACCESS']);
    if (isReply(token)) return token;
    state.revoke(token.session);
    return weavr(204);
  });

  router.add('GET', `${BASE}/authentication_factors`, (req) => {
    const token = authorize(req, ACCESS);
    if (isReply(token)) return token;
    const { user } = token.session;
    const factors = [];
    if (user.sms) factors.push({ type: 'OTP', channel: 'SMS', status: user.sms });
    if (user.push) factors.push({ type: 'PUSH', channel: 'AUTHY', status: user.push });
    return weavr(200, { factors });
  });

  router.add('POST', `${BASE}/authentication_factors/otp/:channel`, idempotent((req) => {
    const token = authorize(req, ACCESS);
    if (isReply(token)) return token;
    if (req.params.channel !== 'SMS') return conflict('CHANNEL_NOT_SUPPORTED');
    const { user } = token.session;
    if (user.sms === 'ACTIVE') return conflict('CHANNEL_ALREADY_REGISTERED');
    user.sms = 'PENDING_VERIFICATION';
    user.enrolChallenge = { issuedAt: clock.now(), failures: 0, verified: false };
    return weavr(204);
  }));

  router.add('POST', `${BASE}/authentication_factors/otp/:channel/verify`, idempotent((req) => {
    const token = authorize(req, ACCESS);
    if (isReply(token)) return token;
    if (req.params.channel !== 'SMS') return conflict('CHANNEL_NOT_SUPPORTED');
    const code = verificationCode(req);
    if (typeof code !== 'string') return code;
    const { user } = token.session;
    const outcome = checkOtp(user.enrolChallenge, code, clock.now());
    if (outcome === 'CHALLENGE_LIMIT_EXCEEDED' || outcome === 'VERIFICATION_CODE_EXPIRED') delete user.enrolChallenge;
    if (outcome !== 'OK') return conflict(outcome);
    user.sms = 'ACTIVE';
    return weavr(204);
  }));

  router.add('POST', `${BASE}/authentication_factors/push/:channel`, idempotent((req) => {
    const token = authorize(req, ACCESS, weavr(403, { errorCode: 'ACCESS_TOKEN_REQUIRED' }));
    if (isReply(token)) return token;
    if (req.params.channel !== 'AUTHY') return conflict('CHANNEL_NOT_SUPPORTED');
    if (!token.session.steppedUp.has(identityKey(token.identity))) return weavr(403, { errorCode: 'STEP_UP_REQUIRED' });
    const { user } = token.session;
    if (user.push === 'ACTIVE') return conflict('CHANNEL_ALREADY_REGISTERED');
    user.push = 'ACTIVE';
    return weavr(204);
  }));

  router.add('DELETE', `${BASE}/authentication_factors/push/:channel`, idempotent((req) => {
    const token = authorize(req, ACCESS);
    if (isReply(token)) return token;
    const { user } = token.session;
    if (req.params.channel !== 'AUTHY' || user.push !== 'ACTIVE') return conflict('CHANNEL_NOT_REGISTERED');
    delete user.push;
    return weavr(204);
  }));

  router.add('POST', `${BASE}/stepup/challenges/otp/:channel`, idempotent((req) => {
    const token = authorize(req, ACCESS);
    if (isReply(token)) return token;
    if (req.params.channel !== 'SMS') return conflict('CHANNEL_NOT_SUPPORTED');
    const { session } = token;
    if (session.user.sms !== 'ACTIVE') return conflict('CHANNEL_NOT_REGISTERED');
    const now = clock.now();
    const last = session.otpIssued.at(-1);
    if (last !== undefined && now - last < 15_000) return conflict('RETRY_IN_15SEC');
    if (session.otpIssued.length >= OTP_CHALLENGES_PER_SESSION) return conflict('CHALLENGE_LIMIT_EXCEEDED');
    session.otpIssued.push(now);
    session.otpChallenge = { issuedAt: now, failures: 0, verified: false };
    return weavr(204);
  }));

  router.add('POST', `${BASE}/stepup/challenges/otp/:channel/verify`, idempotent((req) => {
    const token = authorize(req, ACCESS);
    if (isReply(token)) return token;
    if (req.params.channel !== 'SMS') return conflict('CHANNEL_NOT_SUPPORTED');
    const code = verificationCode(req);
    if (typeof code !== 'string') return code;
    const { session } = token;
    if (session.user.sms !== 'ACTIVE') return conflict('CHANNEL_NOT_REGISTERED');
    const outcome = checkOtp(session.otpChallenge, code, clock.now());
    if (outcome === 'CHALLENGE_LIMIT_EXCEEDED' || outcome === 'VERIFICATION_CODE_EXPIRED') delete session.otpChallenge;
    if (outcome !== 'OK') return conflict(outcome);
    session.steppedUp.add(identityKey(token.identity));
    return weavr(204);
  }));

  router.add('POST', `${BASE}/stepup/challenges/push/:channel`, idempotent((req) => {
    const token = authorize(req, ACCESS);
    if (isReply(token)) return token;
    const { channel } = req.params;
    if (channel !== 'AUTHY' && channel !== 'BIOMETRIC') return conflict('CHANNEL_NOT_SUPPORTED');
    const { session } = token;
    if (channel !== 'AUTHY' || session.user.push !== 'ACTIVE') return conflict('CHANNEL_NOT_REGISTERED');
    if (session.pushInFlight !== undefined) return conflict('STATE_INVALID');
    const name = token.identity.name;
    const push = startPush(session.user, 'STEPUP', `Step up the Weavr session for ${name}`, req.remoteAddress, session, token.identity);
    if (!push) return conflict('CHALLENGE_LIMIT_EXCEEDED');
    session.pushInFlight = push.id;
    return weavr(200, { id: push.id });
  }));

  // The simulator (CONTRACTS B.5) forces a push outcome, as Weavr's sandbox does.
  for (const [action, outcome] of [['verify_success', 'APPROVED'], ['verify_invalid', 'DENIED'], ['verify_expired', 'EXPIRED']] as const) {
    router.add('POST', `/simulate/api/factors/:credentialsId/challenges/:challengeId/${action}`, (req) => {
      if (!sameSecret(header(req, 'programme-key') ?? header(req, 'api-key') ?? '', seed.apiKey)) return weavr(401);
      const push = pushes.get(req.params.challengeId!);
      if (!push || push.user.user.credentials.id !== req.params.credentialsId) return weavr(200, { code: 'DENIED' });
      return weavr(200, { code: approvals.settle(push.approvalId, outcome) ? 'COMPLETED' : 'DENIED' });
    });
  }

  function verificationCode(req: SandboxRequest): string | Reply {
    const code = (req.body as { verificationCode?: unknown } | undefined)?.verificationCode;
    if (req.jsonError || code === undefined) return badRequest([['verificationCode', 'REQUIRED']]);
    if (typeof code !== 'string' || !/^[0-9]{6}$/.test(code)) return badRequest([['verificationCode', 'REGEX']]);
    return code;
  }

  function startPush(user: UserState, kind: PushChallenge['kind'], action: string, origin: string, session?: Session, identity?: WeavrIdentity): PushChallenge | undefined {
    const id = String(nextChallengeId++);
    const approval = approvals.create(
      { account: `weavr:${user.user.email}`, provider: 'weavr', ref: id, action, origin },
      (challenge) => finishPush(id, challenge),
    );
    if (!approval) return undefined;
    const push: PushChallenge = { id, kind, user, approvalId: approval.id, ...(session ? { session } : {}), ...(identity ? { identity } : {}) };
    pushes.set(id, push);
    return push;
  }

  function finishPush(id: string, challenge: Challenge): void {
    const push = pushes.get(id);
    if (!push) return;
    const status = challenge.status === 'APPROVED' ? 'VERIFIED' : challenge.status === 'EXPIRED' ? 'EXPIRED' : 'DECLINED';
    const identity = push.identity ?? push.user.user.identities[0]!;
    const event: Record<string, unknown> = {
      credential: push.user.user.credentials, identity: { type: identity.type, id: identity.id },
      challengeId: id, type: push.kind === 'LOGIN' ? 'BIOMETRIC_LOGIN' : 'PUSH_AUTHY', status,
    };
    if (push.session) {
      delete push.session.pushInFlight;
      if (status === 'VERIFIED') push.session.steppedUp.add(identityKey(identity));
    } else if (status === 'VERIFIED') {
      // Note (biometric login): the token arrives only by webhook, already stepped up once exchanged (CONTRACTS B.4).
      const session = state.newSession(push.user);
      for (const i of push.user.user.identities) session.steppedUp.add(identityKey(i));
      event.authToken = state.issue('AUTH', session, identity).value;
    }
    if (push.kind === 'LOGIN') loginEvent(push.user, status === 'VERIFIED' ? 'VERIFIED' : 'DECLINED', 'BIOMETRIC');
    webhooks.post('/stepup/watch', event);
  }
}

type OtpOutcome = 'OK' | 'STATE_INVALID' | 'ALREADY_VERIFIED' | 'VERIFICATION_CODE_EXPIRED' | 'VERIFICATION_CODE_INVALID' | 'ONE_CHALLENGE_LIMIT_REMAINING' | 'CHALLENGE_LIMIT_EXCEEDED';

/** Sandbox OTP rule: the code is always 123456; three wrong codes use the challenge up. */
function checkOtp(challenge: OtpChallenge | undefined, code: string, now: number): OtpOutcome {
  if (!challenge) return 'STATE_INVALID';
  if (challenge.verified) return 'ALREADY_VERIFIED';
  if (now >= challenge.issuedAt + OTP_CHALLENGE_MS) return 'VERIFICATION_CODE_EXPIRED';
  if (code === SANDBOX_OTP) {
    challenge.verified = true;
    return 'OK';
  }
  challenge.failures += 1;
  if (challenge.failures >= OTP_ATTEMPTS) return 'CHALLENGE_LIMIT_EXCEEDED';
  return challenge.failures === OTP_ATTEMPTS - 1 ? 'ONE_CHALLENGE_LIMIT_REMAINING' : 'VERIFICATION_CODE_INVALID';
}
