// Runs in: sandbox (`npm run sandbox` and tests; never shipped).
//
// HTTP face of the device approval protocol under /approvals/v1 (docs/device-approvals.md):
// enrolment, the Server-Sent Events stream, decisions, and the requester's view of a challenge.

import { STREAMED, header, json, type Router, type SandboxRequest } from '../http.ts';
import type { Approvals, DeviceEvent } from './service.ts';
import type { Decision } from './signing.ts';

const DECISIONS: readonly Decision[] = ['APPROVE', 'DENY', 'REPORT'];
const HEARTBEAT_MS = 15_000;

function problem(status: number, error: string, message: string) {
  return json(status, { error, message });
}

export function registerApprovalRoutes(router: Router, approvals: Approvals, openStreams: Set<() => void>): void {
  router.add('POST', '/approvals/v1/devices', (req) => {
    const body = req.body as Record<string, unknown> | undefined;
    if (req.jsonError || typeof body !== 'object' || body === null) return problem(400, 'BAD_REQUEST', 'The body must be a JSON object.');
    const result = approvals.enrol({ account: body.account, enrolmentCode: body.enrolmentCode, name: body.name, publicKey: body.publicKey });
    if ('problem' in result) return problem(result.status, result.status === 403 ? 'ENROLMENT_REFUSED' : 'BAD_REQUEST', result.problem);
    return json(201, { ...result, streamUrl: `/approvals/v1/devices/${result.deviceId}/stream` });
  });

  router.add('GET', '/approvals/v1/devices/:id/stream', (req) => {
    const deviceId = approvals.authenticateStream(req.params.id!, Number(header(req, 'x-authdesk-time')), header(req, 'x-authdesk-signature') ?? '');
    if (!deviceId) return problem(401, 'UNAUTHENTICATED', 'Sign the stream request with the device key (x-authdesk-time, x-authdesk-signature).');
    const cursor = resumeCursor(req);
    if (cursor === undefined) return problem(400, 'BAD_REQUEST', 'Last-Event-ID (or ?after=) must be a non-negative integer.');
    openStream(req, approvals, deviceId, cursor, openStreams);
    return STREAMED;
  });

  router.add('POST', '/approvals/v1/challenges/:id/decision', (req) => {
    const body = req.body as Record<string, unknown> | undefined;
    if (req.jsonError || typeof body !== 'object' || body === null) return problem(400, 'BAD_REQUEST', 'The body must be a JSON object.');
    const { deviceId, decision, matchedNumber, decidedAt, signature } = body;
    if (typeof deviceId !== 'string' || !DECISIONS.includes(decision as Decision) || typeof decidedAt !== 'number' || typeof signature !== 'string'
      || !(matchedNumber === null || Number.isInteger(matchedNumber))) {
      return problem(400, 'BAD_REQUEST', 'Expected {deviceId, decision: APPROVE|DENY|REPORT, matchedNumber: integer|null, decidedAt: epoch ms, signature}.');
    }
    const outcome = approvals.decide(req.params.id!, { deviceId, decision: decision as Decision, matchedNumber: matchedNumber as number | null, decidedAt, signature });
    if (!outcome.ok) return problem(outcome.httpStatus, outcome.error, outcome.message);
    return json(200, { challengeId: req.params.id, status: outcome.status });
  });

  // What the requesting screen shows: the one number to pick, and how the challenge ended.
  router.add('GET', '/approvals/v1/requests/:provider/:ref', (req) => {
    const challenge = approvals.findByRef(req.params.provider!, req.params.ref!);
    if (!challenge) return problem(404, 'NOT_FOUND', 'No approval request with that reference.');
    return json(200, { challengeId: challenge.id, status: challenge.status, number: challenge.number, expiresAt: challenge.expiresAt });
  });
}

function resumeCursor(req: SandboxRequest): number | undefined {
  const raw = header(req, 'last-event-id') ?? req.query.get('after') ?? '0';
  return /^\d+$/.test(raw) ? Number(raw) : undefined;
}

function openStream(req: SandboxRequest, approvals: Approvals, deviceId: string, cursor: number, openStreams: Set<() => void>): void {
  const { res } = req;
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
  let last = cursor;
  const write = (event: DeviceEvent) => {
    if (event.id <= last) return;
    last = event.id;
    res.write(`id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(event.data)}\n\n`);
  };
  // Subscribe before replaying so an event published in between is not lost; `last` drops repeats.
  const unsubscribe = approvals.subscribe(deviceId, write);
  for (const event of approvals.eventsAfter(deviceId, cursor)) write(event);
  res.write(': connected\n\n');
  const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
  heartbeat.unref();
  const close = () => {
    clearInterval(heartbeat);
    unsubscribe();
    openStreams.delete(close);
    res.end();
  };
  openStreams.add(close);
  req.raw.on('close', close);
}
