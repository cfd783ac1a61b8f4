// Runs in: sandbox (`npm run sandbox` and tests; never shipped).
//
// HTTP face of the device approval protocol under /approvals/v2 (docs/device-approvals.md):
// pairing, enrolment, listing and revoking devices, the nonce-bound event stream, decisions,
// and the requester's view of a challenge. v1 is gone: its paths fall through to 404.

import type { TLSSocket } from 'node:tls';
import { STREAMED, bearer, header, json, type Reply, type Router, type SandboxRequest } from '../http.ts';
import { sameSecret } from '../secrets.ts';
import { isRefusal, type Device, type Refusal } from './devices.ts';
import { outcome, type Approvals } from './service.ts';
import type { Decision } from './signing.ts';
import { openStream } from './stream.ts';

export const APPROVALS_BASE = '/approvals/v2';
const DECISIONS: readonly Decision[] = ['APPROVE', 'DENY', 'REPORT'];
const TYPED_NUMBER = /^[0-9]{2,6}$/;

function problem(status: number, error: string, message: string, extra: Record<string, unknown> = {}): Reply {
  return json(status, { error, message, ...extra });
}

function refused(refusal: Refusal): Reply {
  const { status, error, message, retryAfterSeconds } = refusal;
  if (retryAfterSeconds === undefined) return problem(status, error, message);
  return json(status, { error, message, retryAfterSeconds }, { 'retry-after': String(retryAfterSeconds) });
}

function objectBody(req: SandboxRequest): Record<string, unknown> | undefined {
  const body = req.body;
  return req.jsonError || typeof body !== 'object' || body === null || Array.isArray(body) ? undefined : body as Record<string, unknown>;
}

const NOT_AN_OBJECT = problem(400, 'BAD_REQUEST', 'The body must be a JSON object.');

export interface ApprovalRouteOptions {
  /** The pairing authority's key (docs §1). */
  readonly serviceKey: string;
  readonly heartbeatMs: number;
}

export function registerApprovalRoutes(router: Router, approvals: Approvals, { serviceKey, heartbeatMs }: ApprovalRouteOptions, openStreams: Set<() => void>): void {
  const { devices } = approvals;
  const isService = (req: SandboxRequest) => sameSecret(bearer(req) ?? '', serviceKey);
  /** Who may list and revoke: the pairing authority, or a device of the account (docs §3.3). */
  const caller = (req: SandboxRequest): 'service' | Device | undefined => {
    if (header(req, 'authorization') !== undefined) return isService(req) ? 'service' : undefined;
    const time = header(req, 'x-authdesk-time') ?? '';
    return devices.authenticateRequest(req.method, req.path, header(req, 'x-authdesk-device') ?? '', /^\d+$/.test(time) ? Number(time) : Number.NaN, header(req, 'x-authdesk-signature') ?? '');
  };
  const unauthenticated = problem(401, 'UNAUTHENTICATED', 'Sign the request with a device of the account (x-authdesk-device, x-authdesk-time, x-authdesk-signature) or send the service key.');

  router.add('POST', `${APPROVALS_BASE}/pairings`, (req) => {
    if (!isService(req)) return problem(401, 'UNAUTHENTICATED', 'Only the pairing authority (Authorization: Bearer <service key>) issues pairing tokens.');
    const body = objectBody(req);
    if (typeof body?.account !== 'string') return problem(400, 'BAD_REQUEST', 'Expected {"account": "weavr:<email>" or "appgate:<username>"}.');
    const pairing = devices.issuePairing(body.account);
    if (!pairing) return problem(404, 'UNKNOWN_ACCOUNT', 'This server does not carry pushes for that account.');
    const link = `authdesk://pair?server=${encodeURIComponent(serverUrl(req))}&account=${encodeURIComponent(pairing.account)}&token=${encodeURIComponent(pairing.token)}`;
    return json(201, { ...pairing, link });
  });

  router.add('POST', `${APPROVALS_BASE}/devices`, (req) => {
    const body = objectBody(req);
    if (!body) return NOT_AN_OBJECT;
    const device = devices.enrol({ source: req.remoteAddress, account: body.account, pairingToken: body.pairingToken, name: body.name, publicKey: body.publicKey });
    if (isRefusal(device)) return refused(device);
    return json(201, {
      deviceId: device.id, account: device.account, name: device.name, enrolledAt: device.enrolledAt,
      numberDigits: devices.numberDigits(device.account), streamUrl: `${APPROVALS_BASE}/devices/${device.id}/stream`,
    });
  });

  router.add('GET', `${APPROVALS_BASE}/devices`, (req) => {
    const who = caller(req);
    if (!who) return unauthenticated;
    const account = who === 'service' ? req.query.get('account') : who.account;
    if (!account) return problem(400, 'BAD_REQUEST', 'The pairing authority names the account: ?account=<account>.');
    const listed = devices.active(account).map((d) => ({ deviceId: d.id, name: d.name, enrolledAt: d.enrolledAt, lastSeenAt: d.lastSeenAt }));
    return json(200, { account, devices: listed });
  });

  router.add('DELETE', `${APPROVALS_BASE}/devices/:id`, (req) => {
    const who = caller(req);
    if (!who) return unauthenticated;
    const target = devices.enrolled(req.params.id!);
    if (!target) return problem(404, 'UNKNOWN_DEVICE', 'No enrolled device with that id (it may be revoked already).');
    if (who !== 'service' && who.account !== target.account) return problem(403, 'NOT_ALLOWED', 'A device may revoke only devices of its own account.');
    devices.revoke(target);
    return json(204);
  });

  router.add('POST', `${APPROVALS_BASE}/devices/:id/stream-nonce`, (req) => {
    const issued = devices.issueNonce(req.params.id!);
    return isRefusal(issued) ? refused(issued) : json(200, issued);
  });

  router.add('GET', `${APPROVALS_BASE}/devices/:id/stream`, (req) => {
    const cursorText = header(req, 'last-event-id');
    if (cursorText !== undefined && !/^\d+$/.test(cursorText)) return problem(400, 'BAD_REQUEST', 'Last-Event-ID must be a decimal integer.');
    const device = devices.openStream(req.params.id!, header(req, 'x-authdesk-nonce') ?? '', header(req, 'x-authdesk-signature') ?? '');
    if (isRefusal(device)) return refused(device);
    openStream(req, { devices, device, heartbeatMs, openStreams }, cursorText === undefined ? undefined : Number(cursorText));
    return STREAMED;
  });

  router.add('POST', `${APPROVALS_BASE}/challenges/:id/decision`, (req) => {
    const body = objectBody(req);
    if (!body) return NOT_AN_OBJECT;
    const { deviceId, decision, typedNumber, decidedAt, signature } = body;
    const numberOk = decision === 'APPROVE' ? typeof typedNumber === 'string' && TYPED_NUMBER.test(typedNumber) : typedNumber === null || typedNumber === undefined;
    if (typeof deviceId !== 'string' || !DECISIONS.includes(decision as Decision) || !numberOk || !Number.isSafeInteger(decidedAt) || typeof signature !== 'string') {
      return problem(400, 'BAD_REQUEST', 'Expected {deviceId, decision: APPROVE|DENY|REPORT, typedNumber: 2 to 6 digits as a string for APPROVE and null otherwise, decidedAt: epoch ms, signature}.');
    }
    const result = approvals.decide(req.params.id!, { deviceId, decision: decision as Decision, typedNumber: (typedNumber ?? null) as string | null, decidedAt: decidedAt as number, signature });
    if (!result.ok) return problem(result.httpStatus, result.error, result.message, result.challenge ? { challengeId: result.challenge.id, ...outcome(result.challenge) } : {});
    return json(200, { challengeId: result.challenge.id, ...outcome(result.challenge) });
  });

  // What the requesting screen shows: the number to type on the device, and how the challenge ended.
  router.add('GET', `${APPROVALS_BASE}/requests/:provider/:ref`, (req) => {
    const challenge = approvals.findByRef(req.params.provider!, req.params.ref!);
    if (!challenge) return problem(404, 'NOT_FOUND', 'No approval request with that reference.');
    return json(200, { challengeId: challenge.id, ...outcome(challenge), number: challenge.number, numberDigits: challenge.numberDigits, expiresAt: challenge.expiresAt });
  });
}

/** This API's absolute base URL as the caller reached it, for the pairing link's `server`. */
function serverUrl(req: SandboxRequest): string {
  const scheme = (req.raw.socket as TLSSocket).encrypted ? 'https' : 'http';
  return `${scheme}://${header(req, 'host') ?? '127.0.0.1'}${APPROVALS_BASE}`;
}
