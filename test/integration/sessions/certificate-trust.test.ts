// Runs in: tests. Trust on first use across real TLS sockets: the sandbox's self-signed
// certificate, the shared network layer (providers/net) and the app's sessions and profiles.
// A probe provider stands in for a client: its login is one pinned request to the sandbox's
// Appgate /version, so what the person sees comes from the real certificate.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ProfileView, SessionEvent } from '../../../electron/core/api/types.ts';
import type { LoginRequest, LoginResult, Provider } from '../../../electron/core/providers/index.ts';
import { createHttpClient, PIN_OPTION } from '../../../electron/core/providers/net/index.ts';
import { startSandbox, type Sandbox } from '../../sandbox/index.ts';
import { startSessionsCore } from '../../support/sessions-core.ts';

const OTHER_PIN = Array.from({ length: 32 }, () => 'AB').join(':');

class ProbeProvider implements Provider {
  requests = 0;

  baseUrl(input: string): string {
    return input;
  }

  async login({ profile }: LoginRequest, signal: AbortSignal): Promise<LoginResult> {
    const client = createHttpClient({ baseUrl: profile.baseUrl, pin: profile.options[PIN_OPTION] ?? null, service: `Appgate SDP (${profile.name})`, timeoutMs: 5_000 });
    try {
      this.requests += 1;
      const response = await client.request({ method: 'GET', path: '/version', signal });
      assert.equal(response.status, 200);
      return { token: 'probe-token', expiresAt: null, identity: null };
    } finally {
      await client.close();
    }
  }

  async logout(): Promise<void> {}
}

let sandbox: Sandbox;
before(async () => {
  sandbox = await startSandbox({ tls: true });
});
after(() => sandbox.close());

async function start() {
  const probe = new ProbeProvider();
  const t = await startSessionsCore(after, { providers: { appgate: probe } });
  const gate = await t.createProfile({ name: 'lab', provider: 'appgate', url: sandbox.urls.appgate });
  const certificate = async () => (await t.value<ProfileView[]>('profiles.list'))[0]?.certificate;
  return { ...t, probe, gate, certificate };
}

describe('a self-signed appliance certificate', () => {
  it('is shown with its fingerprint on first use; accepted, it is pinned and the login goes on over the pinned connection', async () => {
    const t = await start();
    t.answerWith((question) => question.kind === 'confirm');
    assert.equal((await t.value<SessionEvent>('sessions.login', { id: t.gate.id })).state, 'active');
    const [question] = t.asked;
    assert.equal(question?.kind === 'confirm' && question.detail, sandbox.certificate!.fingerprint256);
    assert.equal(question?.subject, 'Appgate SDP (lab)');
    assert.equal(await t.certificate(), sandbox.certificate!.fingerprint256);
    assert.equal(t.probe.requests, 2);
  });

  it('declined, nothing is pinned and the profile stays logged out', async () => {
    const t = await start();
    t.answerWith(() => false);
    assert.equal((await t.value<SessionEvent>('sessions.login', { id: t.gate.id })).state, 'logged-out');
    assert.equal(await t.certificate(), null);
  });

  it('different from the pin, it is refused with the new fingerprint until the person trusts it', async () => {
    const t = await start();
    await t.value('profiles.trustCertificate', { id: t.gate.id, fingerprint: OTHER_PIN });
    t.answerWith(() => true);
    const refused = await t.value<SessionEvent>('sessions.login', { id: t.gate.id });
    assert.equal(refused.state === 'error' && refused.error.code, 'CERT_CHANGED');
    assert.equal(refused.state === 'error' && refused.error.details?.fingerprint, sandbox.certificate!.fingerprint256);
    assert.match(refused.state === 'error' ? refused.error.message : '', /different certificate/);
    assert.equal(t.asked.length, 0);
    await t.value('profiles.trustCertificate', { id: t.gate.id, fingerprint: sandbox.certificate!.fingerprint256 });
    assert.equal((await t.value<SessionEvent>('sessions.login', { id: t.gate.id })).state, 'active');
  });
});
