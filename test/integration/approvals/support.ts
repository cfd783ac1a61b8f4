// Runs in: tests. A real core (createCore through createTestCore, the real Weavr, Appgate and
// TrueNAS clients) enrolled as a push-approval device against a sandbox over real sockets, with
// the sandbox's clock offset on demand and every approvals event recorded.

import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { after } from 'node:test';
import type { ApprovalEvent, EnrolmentView } from '../../../electron/core/api/types.ts';
import { createAppgateProvider } from '../../../electron/core/providers/appgate/index.ts';
import { createTruenasProvider } from '../../../electron/core/providers/truenas/index.ts';
import { createWeavrProvider } from '../../../electron/core/providers/weavr/index.ts';
import { demoSeed, startSandbox, type Sandbox } from '../../sandbox/index.ts';
import { createTestCore, type TestCore } from '../../support/core.ts';
import { RecordingNotifier } from '../../support/notifier.ts';
import { startRecordingProxy, type RecordingProxy } from '../../support/recording-proxy.ts';
import { PASSWORD } from '../../support/vault.ts';
import { WebhookReceiver } from '../sandbox/webhook-receiver.ts';

export const ALICE = 'weavr:alice@example.com';
export const PUSHY = 'appgate:pushy';

export interface ApprovalsRig extends TestCore {
  readonly sandbox: Sandbox;
  readonly receiver: WebhookReceiver;
  /** Every request the core made to the approvals server passes through here (pairing links name it). */
  readonly proxy: RecordingProxy;
  readonly notifier: RecordingNotifier;
  readonly events: ApprovalEvent[];
  /** Moves the sandbox's clock (not the core's) forward. */
  advanceServer(ms: number): void;
  weavrProfile(): Promise<string>;
  appgateProfile(): Promise<string>;
  pairingLink(account: string): Promise<string>;
  /** Enrols the profile and waits for its stream to connect. */
  enrol(profileId: string, account: string): Promise<EnrolmentView>;
  /** The next approvals event of `type` after the `from`th recorded (default: any not yet taken). */
  next<T extends ApprovalEvent['type']>(type: T, timeoutMs?: number): Promise<Extract<ApprovalEvent, { type: T }>>;
  /** The number the requesting screen shows for a challenge. */
  numberOf(challengeId: string): string;
  /** Raises a challenge for `account` as a provider would (at most 3 a minute per account, by the server's clock). */
  raise(account: string, action?: string): string;
}

export async function until<T>(probe: () => T | undefined | false, what: string, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** serverHeartbeatMs: how often the sandbox writes a heartbeat; coreHeartbeatMs: how often the core expects one. */
export async function startRig(cleanup: typeof after, options: { serverHeartbeatMs?: number; coreHeartbeatMs?: number } = {}): Promise<ApprovalsRig> {
  const receiver = new WebhookReceiver();
  await receiver.start();
  let offset = 0;
  const seed = demoSeed();
  const sandbox = await startSandbox({
    clock: { now: () => Date.now() + offset },
    seed: { ...seed, weavr: { ...seed.weavr, webhookUrl: receiver.url } },
    ...(options.serverHeartbeatMs === undefined ? {} : { approvalsHeartbeatMs: options.serverHeartbeatMs }),
  });
  const proxy = await startRecordingProxy(sandbox.urls.base);
  const dir = await mkdtemp(join(tmpdir(), 'authdesk-approvals-'));
  const notifier = new RecordingNotifier();
  const test = createTestCore(join(dir, 'vault.authdesk'), {
    notifier,
    providers: { truenas: createTruenasProvider(), weavr: createWeavrProvider({ pollMs: 20 }), appgate: createAppgateProvider() },
    ...(options.coreHeartbeatMs === undefined ? {} : { approvalsHeartbeatMs: options.coreHeartbeatMs }),
  });
  const { core } = test;
  cleanup(async () => {
    await core.devices.stop();
    core.dispose();
    await proxy.close();
    await sandbox.close();
    await receiver.close();
    await rm(dir, { recursive: true, force: true, maxRetries: 5 });
  });
  const events: ApprovalEvent[] = [];
  core.approvals.onEvent((event) => events.push(event));
  let taken = 0;
  let refs = 900_001;
  await core.vault.create(PASSWORD);
  const rig: ApprovalsRig = {
    ...test,
    sandbox,
    receiver,
    proxy,
    notifier,
    events,
    advanceServer(ms) {
      offset += ms;
    },
    async weavrProfile() {
      const view = await core.profiles.create({ name: 'Weavr work', provider: 'weavr', url: sandbox.urls.weavr, username: 'alice@example.com', secret: 'weavr-alice', programmeKey: sandbox.seed.weavr.apiKey });
      return view.id;
    },
    async appgateProfile() {
      const view = await core.profiles.create({ name: 'Appgate', provider: 'appgate', url: sandbox.urls.appgate, username: 'pushy', secret: 'appgate-pushy' });
      return view.id;
    },
    async pairingLink(account) {
      const response = await fetch(`${sandbox.urls.approvals}/pairings`, {
        method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${sandbox.seed.approvals.serviceKey}` }, body: JSON.stringify({ account }),
      });
      assert.equal(response.status, 201);
      const link = new URL(((await response.json()) as { link: string }).link);
      link.searchParams.set('server', `${proxy.base}${new URL(sandbox.urls.approvals).pathname}`);
      return link.href;
    },
    async enrol(profileId, account) {
      await core.devices.enrol(profileId, await rig.pairingLink(account), 'Test desk');
      return until(() => core.devices.enrolments().find((e) => e.profileId === profileId && e.stream === 'connected'), 'the stream to connect');
    },
    async next(type, timeoutMs = 5000) {
      return until(() => {
        const index = events.findIndex((e, i) => i >= taken && e.type === type);
        if (index < 0) return undefined;
        taken = index + 1;
        return events[index] as Extract<ApprovalEvent, { type: typeof type }>;
      }, `an approvals ${type} event`, timeoutMs);
    },
    numberOf(challengeId) {
      return sandbox.approvals.get(challengeId)!.number;
    },
    raise(account, action = 'Sign in to the admin console') {
      const challenge = sandbox.approvals.create({ account, provider: account.startsWith('weavr:') ? 'weavr' : 'appgate', ref: String(refs++), action, origin: '203.0.113.7' }, () => undefined);
      assert.ok(challenge, 'the server raised the challenge');
      return challenge.id;
    },
  };
  return rig;
}

/** The Weavr token the session keeps, asked whether it is STEPPED_UP. */
export async function weavrTokenStatus(rig: ApprovalsRig, profileId: string): Promise<string> {
  const stored = rig.core.vault.unlocked().data().sessions.find((s) => s.profileId === profileId)!;
  const { auth, identity } = JSON.parse(stored.token) as { auth: string; identity: { type: string; id: string } };
  const response = await fetch(`${rig.sandbox.urls.weavr}/access_token`, {
    method: 'POST', headers: { 'api-key': rig.sandbox.seed.weavr.apiKey, authorization: `Bearer ${auth}`, 'content-type': 'application/json' },
    body: JSON.stringify({ identity }),
  });
  return ((await response.json()) as { status: string }).status;
}
