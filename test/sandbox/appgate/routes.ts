// Runs in: sandbox (`npm run sandbox` and tests; never shipped).
//
// Appgate SDP Controller admin login under /admin (CONTRACTS C), API version 23.

import { randomBytes, randomUUID } from 'node:crypto';
import QRCode from 'qrcode';
import type { Clock } from '../clock.ts';
import { STREAMED, bearer, header, json, send, type Reply, type Router, type SandboxRequest } from '../http.ts';
import type { Approvals } from '../approvals/service.ts';
import type { AppgateUser, SandboxSeed } from '../seed.ts';
import { otpauthUri, verifyTotp } from '../totp.ts';

const BASE = '/admin';
const PARTIAL_TOKEN_MS = 10 * 60_000;
const TOKEN_MS = 24 * 60 * 60_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface AppgateToken {
  readonly user: AppgateUser;
  readonly final: boolean;
  readonly expiresAt: number;
  mfaDone: boolean;
  /** Set by /otp/initialize: what the OTP step expects. */
  radiusState?: string;
  pushChallengeId?: string;
}

interface Context {
  readonly clock: Clock;
  readonly seed: SandboxSeed['appgate'];
  readonly approvals: Approvals;
  /** Held push requests to end when the sandbox closes. */
  readonly openStreams: Set<() => void>;
}

const error = (status: number, id: string, message: string, extra: Record<string, unknown> = {}) => json(status, { id, message, ...extra });
const authenticationError = (reason: string) => error(401, 'unauthorized', reason, { reason });
const tokenError = () => error(401, 'unauthorized', 'Login again.');

export function registerAppgateRoutes(router: Router, context: Context): void {
  const { clock, seed, approvals, openStreams } = context;
  const tokens = new Map<string, AppgateToken>();
  /** Users who finished first-time TOTP enrolment ("Secret" becomes "AlreadySeeded"). */
  const seeded = new Set<string>();
  const expected = `application/vnd.appgate.peer-v${seed.peerVersion}+json`;

  /** The Accept check every route but /version makes; returns the 406 to send, if any. */
  function notAcceptable(req: SandboxRequest): Reply | undefined {
    const accept = header(req, 'accept') ?? '';
    const match = /application\/vnd\.appgate\.peer-v(\d+)\+json/.exec(accept);
    const version = match ? Number(match[1]) : Number.NaN;
    if (version >= seed.lowestPeerVersion && version <= seed.peerVersion) return undefined;
    const received = match ? match[0] : 'no peer version';
    return error(406, 'not acceptable', `Invalid 'Accept' header. Current version: ${expected}, Received: ${received}`, {
      minSupportedVersion: seed.lowestPeerVersion, maxSupportedVersion: seed.peerVersion,
    });
  }

  function session(req: SandboxRequest): AppgateToken | undefined {
    const value = bearer(req);
    const token = value === undefined ? undefined : tokens.get(value);
    if (!token) return undefined;
    if (clock.now() >= token.expiresAt) {
      tokens.delete(value!);
      return undefined;
    }
    return token;
  }

  function issue(user: AppgateUser, final: boolean, mfaDone: boolean): [string, AppgateToken] {
    const value = randomBytes(32).toString('base64url');
    const token: AppgateToken = { user, final, mfaDone, expiresAt: clock.now() + (final ? TOKEN_MS : PARTIAL_TOKEN_MS) };
    tokens.set(value, token);
    return [value, token];
  }

  function loginResponse(value: string, token: AppgateToken): Reply {
    return json(200, {
      user: {
        name: token.user.username,
        needTwoFactorAuth: token.user.mfa.type !== 'None' && !token.mfaDone,
        canAccessAuditLogs: token.user.admin,
        privileges: token.user.admin ? [{ type: 'All', target: 'All', scope: { all: true } }] : [],
      },
      token: value,
      expires: new Date(token.expiresAt).toISOString(),
      messageOfTheDay: 'Welcome to the Authdesk Appgate sandbox.',
    });
  }

  router.add('GET', `${BASE}/version`, () => json(200, { peerVersion: seed.peerVersion, lowestPeerVersionSupported: seed.lowestPeerVersion }));

  router.add('GET', `${BASE}/identity-providers/names`, (req) => notAcceptable(req)
    ?? json(200, { data: [{ name: seed.providerName, type: 'Credentials' }], bannerMessage: 'Authorized use only. This is a sandbox.' }));

  router.add('POST', `${BASE}/authentication`, (req) => {
    const rejected = notAcceptable(req);
    if (rejected) return rejected;
    if (req.jsonError) return error(400, 'json error', 'The request body is not valid JSON.');
    const body = (req.body ?? {}) as Record<string, unknown>;
    const errors: { field: string; message: string }[] = [];
    if (typeof body.providerName !== 'string' || body.providerName === '') errors.push({ field: 'providerName', message: 'may not be null' });
    if (typeof body.deviceId !== 'string') errors.push({ field: 'deviceId', message: 'may not be null' });
    else if (!UUID.test(body.deviceId)) errors.push({ field: 'deviceId', message: 'must be a valid UUID' });
    if (errors.length > 0) return json(422, { id: 'validation error', message: 'Request validation failed.', errors });
    if (body.providerName !== seed.providerName) return authenticationError('Identity Provider not found.');
    const user = seed.users.find((u) => u.username === body.username);
    if (!user || body.password !== user.password) return authenticationError('Invalid username or password.');
    const [value, token] = issue(user, false, false);
    return loginResponse(value, token);
  });

  router.add('GET', `${BASE}/authorization`, (req) => {
    const rejected = notAcceptable(req);
    if (rejected) return rejected;
    const token = session(req);
    if (!token) return authenticationError('Login again.');
    if (token.user.mfa.type !== 'None' && !token.mfaDone) {
      return json(412, { id: 'precondition failed', message: 'Administrative authorization requires two-factor authentication.', otpRequired: true, username: token.user.username });
    }
    if (!token.user.admin) return error(403, 'forbidden', 'No administration rights.');
    const [value, final] = issue(token.user, true, true);
    return loginResponse(value, final);
  });

  router.add('POST', `${BASE}/authentication/otp/initialize`, async (req) => {
    const rejected = notAcceptable(req);
    if (rejected) return rejected;
    const token = session(req);
    if (!token || token.final) return tokenError();
    if (req.jsonError) return error(400, 'json error', 'The request body is not valid JSON.');
    const { mfa, username } = token.user;
    switch (mfa.type) {
      case 'AlreadySeeded':
        return json(200, { type: 'AlreadySeeded' });
      case 'Secret': {
        if (seeded.has(username)) return json(200, { type: 'AlreadySeeded' });
        const otpAuthUrl = otpauthUri({ issuer: 'Appgate SDP', label: `${username}@${seed.providerName}`, secret: mfa.secret });
        // Note (barcode): the real controller sends a JPEG; the sandbox sends a PNG QR of the same URL.
        const barcode = (await QRCode.toBuffer(otpAuthUrl, { type: 'png' })).toString('base64');
        return json(200, { type: 'Secret', secret: mfa.secret, otpAuthUrl, barcode });
      }
      case 'Challenge':
        token.radiusState = randomBytes(16).toString('base64');
        return json(200, { type: 'Challenge', responseMessage: 'Enter the code from your authenticator.', state: token.radiusState, timeout: 30 });
      case 'Push': {
        const challenge = approvals.create(
          { account: `appgate:${username}`, provider: 'appgate', ref: randomUUID(), action: `Sign in to the Appgate SDP admin UI as ${username}`, origin: req.remoteAddress },
          () => undefined,
        );
        if (!challenge) return error(500, 'unexpected error', 'Too many push requests; wait a minute.');
        token.pushChallengeId = challenge.id;
        return json(200, { type: 'Push', timeout: seed.pushTimeoutSeconds, sendPassword: false, responseMessage: `Approve on your device and type ${challenge.number}.` });
      }
      case 'None':
        return error(400, 'bad request', 'Two-factor authentication is not required for this user.');
    }
  });

  router.add('POST', `${BASE}/authentication/otp`, (req) => {
    const rejected = notAcceptable(req);
    if (rejected) return rejected;
    const token = session(req);
    if (!token || token.final) return tokenError();
    if (req.jsonError) return error(400, 'json error', 'The request body is not valid JSON.');
    const body = (req.body ?? {}) as Record<string, unknown>;
    if (typeof body.otp !== 'string') return json(422, { id: 'validation error', message: 'Request validation failed.', errors: [{ field: 'otp', message: 'may not be null' }] });
    const { mfa } = token.user;
    const done = () => {
      token.mfaDone = true;
      return loginResponse(bearer(req)!, token);
    };
    if (mfa.type === 'Push') return awaitPush(req, token, done);
    if (mfa.type === 'None') return done();
    if (mfa.type === 'Challenge' && (token.radiusState === undefined || body.state !== token.radiusState)) return authenticationError('Invalid challenge state.');
    if (!verifyTotp(mfa.secret, body.otp, clock.now(), { window: 1 })) return authenticationError('Invalid OTP.');
    if (mfa.type === 'Secret') seeded.add(token.user.username);
    return done();
  });

  router.add('POST', `${BASE}/authentication/logout`, (req) => {
    const rejected = notAcceptable(req);
    if (rejected) return rejected;
    const value = bearer(req);
    const token = session(req);
    if (!token || value === undefined) return tokenError();
    for (const [key, other] of tokens) if (other.user === token.user) tokens.delete(key);
    return json(204);
  });

  /** Holds the OTP call until the device answers, the challenge expires, or the controller's timeout passes. */
  function awaitPush(req: SandboxRequest, token: AppgateToken, done: () => Reply): Reply | typeof STREAMED {
    const challenge = token.pushChallengeId === undefined ? undefined : approvals.get(token.pushChallengeId);
    if (!challenge) return authenticationError('No push request in progress; initialize MFA first.');
    const finish = (): Reply => (challenge.status === 'APPROVED' ? done() : authenticationError(challenge.status === 'EXPIRED' ? 'The push request expired.' : 'The push request was denied.'));
    if (challenge.status !== 'PENDING') return finish();
    const poll = setInterval(() => {
      approvals.sweep();
      if (challenge.status !== 'PENDING') end(finish());
    }, 100);
    const timeout = setTimeout(() => end(authenticationError('No answer from the device in time.')), seed.pushTimeoutSeconds * 1000);
    const end = (reply: Reply) => {
      clearInterval(poll);
      clearTimeout(timeout);
      openStreams.delete(abort);
      send(req.res, reply);
    };
    const abort = () => end({ status: 503 });
    openStreams.add(abort);
    req.raw.on('close', () => {
      clearInterval(poll);
      clearTimeout(timeout);
      openStreams.delete(abort);
    });
    return STREAMED;
  }
}
