// Runs in: sandbox (`npm run sandbox`, tests, benchmarks; never shipped).
//
// One local server simulating TrueNAS (/api), Weavr Multi (/multi, simulator /simulate/api),
// Appgate SDP (/admin) and Authdesk's device approvals (/approvals/v1), with faults switchable
// per route (/_sandbox/faults or `sandbox.faults`). Loopback only; ephemeral port by default.

import { X509Certificate } from 'node:crypto';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { registerAppgateRoutes } from './appgate/routes.ts';
import { registerApprovalRoutes } from './approvals/routes.ts';
import { Approvals } from './approvals/service.ts';
import { systemClock, type Clock } from './clock.ts';
import { demoUsers, type DemoUser } from './demo-users.ts';
import { Faults, faultRuleProblem, type FaultRule } from './faults.ts';
import { HandlingTime } from './handling-time.ts';
import { Router, json } from './http.ts';
import { demoSeed, type SandboxSeed } from './seed.ts';
import type { TruenasDelays } from './truenas/auth.ts';
import type { TruenasReceived } from './truenas/received.ts';
import { TruenasServer } from './truenas/server.ts';
import { registerWeavrRoutes } from './weavr/routes.ts';
import { WeavrState } from './weavr/state.ts';
import { Webhooks, type WebhookDelivery } from './weavr/webhooks.ts';

export type { Clock } from './clock.ts';
export type { DemoUser } from './demo-users.ts';
export type { FaultRule } from './faults.ts';
export { demoSeed, type SandboxSeed } from './seed.ts';
export { totp } from './totp.ts';

export interface SandboxOptions {
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  /** Serve HTTPS/WSS with a self-signed certificate generated at start. */
  readonly tls?: boolean;
  readonly clock?: Clock;
  readonly seed?: SandboxSeed;
  readonly truenasDelays?: TruenasDelays;
}

export interface SandboxUrls {
  readonly base: string;
  /** The WebSocket URL of TrueNAS's newest API (`/api/current`). */
  readonly truenas: string;
  readonly weavr: string;
  readonly weavrSimulator: string;
  readonly appgate: string;
  readonly approvals: string;
  readonly faults: string;
}

export interface Sandbox {
  readonly urls: SandboxUrls;
  readonly users: readonly DemoUser[];
  readonly seed: SandboxSeed;
  readonly faults: Faults;
  readonly approvals: Approvals;
  /** Every Weavr webhook the sandbox sent (or would have sent, with no webhook URL). */
  readonly webhooks: readonly WebhookDelivery[];
  /** The certificate (PEM) and its SHA-256 fingerprint when started with TLS, for pinning. */
  readonly certificate?: { readonly pem: string; readonly fingerprint256: string };
  /** Time spent handling HTTP requests and TrueNAS frames, for benchmarks to set beside the client's. */
  readonly handlingTime: HandlingTime;
  /** The frames TrueNAS received and its open sockets, so tests can see nothing was sent twice. */
  readonly truenasReceived: TruenasReceived;
  /** Resolves once every webhook started so far has been delivered or has failed. */
  webhooksSettled(): Promise<void>;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const clock = options.clock ?? systemClock;
  const seed = options.seed ?? demoSeed();
  const faults = new Faults();
  const handlingTime = new HandlingTime();
  const router = new Router(faults, handlingTime);
  const approvals = new Approvals(clock, seed.approvals);
  const openStreams = new Set<() => void>();
  const webhooks = new Webhooks(clock, seed.weavr.apiKey, seed.weavr.webhookUrl);
  const truenas = new TruenasServer(clock, seed.truenas, faults, handlingTime, options.truenasDelays);

  truenas.registerHttp(router);
  registerWeavrRoutes(router, { clock, seed: seed.weavr, state: new WeavrState(clock, seed.weavr.users), approvals, webhooks });
  registerAppgateRoutes(router, { clock, seed: seed.appgate, approvals, openStreams });
  registerApprovalRoutes(router, approvals, openStreams);
  registerFaultRoutes(router, faults);

  let certificate: Sandbox['certificate'];
  let server: Server;
  if (options.tls) {
    const { generate } = await import('selfsigned');
    const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
      keyType: 'ec', algorithm: 'sha256',
      extensions: [{ name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }, { type: 7, ip: HOST }] }],
    });
    server = createHttpsServer({ key: pems.private, cert: pems.cert });
    certificate = { pem: pems.cert, fingerprint256: new X509Certificate(pems.cert).fingerprint256 };
  } else {
    server = createHttpServer();
  }
  server.on('request', (req, res) => void router.handle(req, res));
  server.on('upgrade', (req, socket, head) => {
    if (!truenas.upgrade(req, socket, head)) socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, HOST, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const scheme = options.tls ? 'https' : 'http';
  const base = `${scheme}://${HOST}:${port}`;
  const urls: SandboxUrls = {
    base,
    truenas: `${options.tls ? 'wss' : 'ws'}://${HOST}:${port}/api/current`,
    weavr: `${base}/multi`,
    weavrSimulator: `${base}/simulate/api`,
    appgate: `${base}/admin`,
    approvals: `${base}/approvals/v1`,
    faults: `${base}/_sandbox/faults`,
  };
  // Expiry must fire without traffic too (Weavr's EXPIRED webhook, a device's "resolved" event).
  const sweeper = setInterval(() => approvals.sweep(), 1000);
  sweeper.unref();

  return {
    urls, seed, faults, approvals, handlingTime, truenasReceived: truenas.received, webhooks: webhooks.deliveries, users: demoUsers(seed, urls),
    ...(certificate ? { certificate } : {}),
    webhooksSettled: () => webhooks.settled(),
    async close() {
      clearInterval(sweeper);
      for (const close of [...openStreams]) close();
      truenas.close();
      await webhooks.settled();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

function registerFaultRoutes(router: Router, faults: Faults): void {
  router.add('GET', '/_sandbox/faults', () => json(200, { faults: faults.list() }), false);
  router.add('POST', '/_sandbox/faults', (req) => {
    const problem = req.jsonError ? 'The body must be JSON.' : faultRuleProblem(req.body);
    if (problem) return json(400, { error: 'BAD_FAULT', message: problem });
    return json(201, { id: faults.add(req.body as FaultRule) });
  }, false);
  router.add('DELETE', '/_sandbox/faults', () => (faults.clear(), json(204)), false);
  router.add('DELETE', '/_sandbox/faults/:id', (req) => (faults.remove(req.params.id!) ? json(204) : json(404, { error: 'NOT_FOUND', message: 'No such fault.' })), false);
}
