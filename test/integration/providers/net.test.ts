// Runs in: tests. The shared network layer against the sandbox over real TLS sockets: trust
// on first use, pins, timeouts, unreadable answers and which requests may be retried.

import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { createHttpClient, openWebSocket } from '../../../electron/core/providers/net/index.ts';
import { startSandbox, type Sandbox } from '../../sandbox/index.ts';

const OTHER_PIN = Array.from({ length: 32 }, () => 'AB').join(':');

let sandbox: Sandbox;
before(async () => {
  sandbox = await startSandbox({ tls: true });
});
after(() => sandbox.close());

const fingerprint = () => sandbox.certificate!.fingerprint256;
const signal = () => new AbortController().signal;

describe('HTTPS', () => {
  test('a self-signed certificate on first contact is refused with its fingerprint, for the person to compare', async () => {
    const client = createHttpClient({ baseUrl: sandbox.urls.appgate, pin: null, service: 'Appgate SDP (lab)' });
    await assert.rejects(client.request({ method: 'GET', path: '/version', signal: signal() }), (error: { code: string; details: { fingerprint: string }; message: string }) => {
      assert.equal(error.code, 'CERT_UNTRUSTED');
      assert.equal(error.details.fingerprint, fingerprint());
      assert.match(error.message, /Appgate SDP \(lab\).*fingerprint/);
      return true;
    });
    await client.close();
  });

  test('with the accepted fingerprint pinned the same server answers', async () => {
    const client = createHttpClient({ baseUrl: sandbox.urls.appgate, pin: fingerprint().toLowerCase(), service: 'Appgate SDP (lab)' });
    const response = await client.request({ method: 'GET', path: '/version', signal: signal() });
    assert.equal(response.status, 200);
    assert.equal(typeof (response.json() as { peerVersion: number }).peerVersion, 'number');
    await client.close();
  });

  test('a certificate that differs from the pin is refused before anything is sent, naming the new fingerprint', async () => {
    const client = createHttpClient({ baseUrl: sandbox.urls.weavr, pin: OTHER_PIN, service: 'Weavr Multi (work)' });
    await assert.rejects(client.request({ method: 'POST', path: '/login_with_password', json: { email: 'x', password: { value: 'y' } }, signal: signal() }), (error: { code: string; details: { fingerprint: string }; message: string }) => {
      assert.equal(error.code, 'CERT_CHANGED');
      assert.equal(error.details.fingerprint, fingerprint());
      assert.match(error.message, /different certificate.*sent nothing/);
      return true;
    });
    await client.close();
  });

  test('a server that does not answer in time is reported as such, and a read is retried while a login is not', async () => {
    const client = createHttpClient({ baseUrl: sandbox.urls.appgate, pin: fingerprint(), service: 'Appgate SDP (lab)', timeoutMs: 300 });
    sandbox.faults.add({ route: '/admin/version', kind: 'latency', ms: 2_000, times: 1 });
    await assert.rejects(client.request({ method: 'GET', path: '/version', signal: signal() }), { code: 'NETWORK_TIMEOUT', message: /did not answer within 0 s|did not answer within/ });

    sandbox.faults.add({ route: '/admin/version', kind: 'status', status: 503, times: 1 });
    assert.equal((await client.request({ method: 'GET', path: '/version', signal: signal(), retry: true })).status, 200, 'a read marked safe is retried after a 503');
    sandbox.faults.add({ route: '/admin/version', kind: 'status', status: 503, times: 1 });
    assert.equal((await client.request({ method: 'GET', path: '/version', signal: signal() })).status, 503, 'anything else is sent once and the answer returned');
    await client.close();
  });

  test('an answer that is not JSON becomes a readable error, and a cancelled call ends with the caller’s reason', async () => {
    const client = createHttpClient({ baseUrl: sandbox.urls.appgate, pin: fingerprint(), service: 'Appgate SDP (lab)' });
    sandbox.faults.add({ route: '/admin/version', kind: 'malformed', times: 1 });
    const response = await client.request({ method: 'GET', path: '/version', signal: signal() });
    assert.throws(() => response.json(), { code: 'PROVIDER_ERROR', message: /could not read/ });

    sandbox.faults.add({ route: '/admin/version', kind: 'latency', ms: 2_000, times: 1 });
    const controller = new AbortController();
    const pending = client.request({ method: 'GET', path: '/version', signal: controller.signal });
    const reason = new Error('cancelled by the person');
    setTimeout(() => controller.abort(reason), 50);
    await assert.rejects(pending, (error) => error === reason);
    await client.close();
  });

  test('nothing listening is named as such', async () => {
    const port = await freePort();
    const client = createHttpClient({ baseUrl: `https://127.0.0.1:${port}/multi`, pin: null, service: 'Weavr Multi (work)' });
    await assert.rejects(client.request({ method: 'GET', path: '/identities', signal: signal() }), { code: 'NETWORK_ERROR', message: /Could not reach Weavr Multi \(work\) at 127\.0\.0\.1:\d+: nothing is listening there/ });
    await client.close();
  });
});

describe('WebSocket', () => {
  test('first contact is refused with the fingerprint; the pin opens it; another pin is refused', async () => {
    await assert.rejects(openWebSocket(sandbox.urls.truenas, { pin: null, service: 'TrueNAS (nas)', signal: signal() }), (error: { code: string; details: { fingerprint: string } }) => {
      assert.equal(error.code, 'CERT_UNTRUSTED');
      assert.equal(error.details.fingerprint, fingerprint());
      return true;
    });
    const socket = await openWebSocket(sandbox.urls.truenas, { pin: fingerprint(), service: 'TrueNAS (nas)', signal: signal() });
    socket.close();
    await assert.rejects(openWebSocket(sandbox.urls.truenas, { pin: OTHER_PIN, service: 'TrueNAS (nas)', signal: signal() }), { code: 'CERT_CHANGED' });
  });

  test('a refused connection and a cancelled one say so', async () => {
    const port = await freePort();
    await assert.rejects(openWebSocket(`wss://127.0.0.1:${port}/api/current`, { pin: null, service: 'TrueNAS (nas)', signal: signal() }), { code: 'NETWORK_ERROR', message: /nothing is listening/ });
    const controller = new AbortController();
    const reason = new Error('cancelled');
    controller.abort(reason);
    await assert.rejects(openWebSocket(sandbox.urls.truenas, { pin: fingerprint(), service: 'TrueNAS (nas)', signal: controller.signal }), (error) => error === reason);
  });
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
