// Runs in: tests. Faults on demand, through the admin endpoint and the library API.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startSandbox, type Sandbox } from '../../sandbox/index.ts';
import { RpcClient } from './rpc-client.ts';

let sandbox: Sandbox;
before(async () => {
  sandbox = await startSandbox();
});
after(() => sandbox.close());

const version = () => fetch(`${sandbox.urls.appgate}/version`);

async function addFault(rule: unknown): Promise<Response> {
  return fetch(sandbox.urls.faults, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(rule) });
}

test('the admin endpoint switches a 503 on for one route, for a number of requests, and lists and clears rules', async () => {
  const created = await addFault({ route: '/admin/version', kind: 'status', status: 503, times: 2 });
  assert.equal(created.status, 201);
  assert.equal((await version()).status, 503);
  assert.equal((await fetch(`${sandbox.urls.appgate}/identity-providers/names`, { headers: { accept: 'application/vnd.appgate.peer-v23+json' } })).status, 200, 'other routes are untouched');
  assert.equal((await version()).status, 503);
  assert.equal((await version()).status, 200, 'used up after two');

  await addFault({ route: '/multi', method: 'POST', kind: 'status', status: 500 });
  const listed = (await (await fetch(sandbox.urls.faults)).json()) as { faults: { route: string }[] };
  assert.deepEqual(listed.faults.map((f) => f.route), ['/multi']);
  assert.equal((await fetch(`${sandbox.urls.weavr}/login_with_password`, { method: 'POST' })).status, 500);
  assert.equal((await fetch(sandbox.urls.faults, { method: 'DELETE' })).status, 204);
  assert.equal((await fetch(`${sandbox.urls.weavr}/login_with_password`, { method: 'POST' })).status, 401);
});

test('a 500 on an Appgate route carries Appgate\'s UnexpectedError body; Weavr\'s has none', async () => {
  sandbox.faults.add({ route: '/admin/version', kind: 'status', status: 500, times: 1 });
  const appgate = await version();
  assert.equal(appgate.status, 500);
  assert.equal(((await appgate.json()) as { id: string }).id, 'unexpected error');
  sandbox.faults.add({ route: '/multi/identities', kind: 'status', status: 500, times: 1 });
  const weavr = await fetch(`${sandbox.urls.weavr}/identities`);
  assert.equal(weavr.status, 500);
  assert.equal(await weavr.text(), '');
});

test('invalid rules are refused with the reason', async () => {
  const response = await addFault({ route: '/multi', kind: 'status', status: 404 });
  assert.equal(response.status, 400);
  assert.match(((await response.json()) as { message: string }).message, /500 or 503/);
});

test('latency holds the reply', async () => {
  const id = sandbox.faults.add({ route: '/admin/version', kind: 'latency', ms: 300, times: 1 });
  const started = performance.now();
  assert.equal((await version()).status, 200);
  assert.ok(performance.now() - started >= 290);
  assert.equal(sandbox.faults.remove(id), false, 'a one-time rule removes itself');
});

test('a dropped connection, a truncated body and a malformed body each fail the way a client would see', async () => {
  sandbox.faults.add({ route: '/admin/version', kind: 'drop', times: 1 });
  await assert.rejects(version(), /fetch failed/);

  sandbox.faults.add({ route: '/admin/version', kind: 'truncate', times: 1 });
  await assert.rejects(async () => (await version()).text());

  sandbox.faults.add({ route: '/admin/version', kind: 'malformed', times: 1 });
  const malformed = await version();
  assert.equal(malformed.headers.get('content-type'), 'application/json');
  await assert.rejects(malformed.json(), SyntaxError);
  assert.equal((await version()).status, 200);
});

test('TrueNAS: faults apply to RPC frames ("WS") and to the WebSocket handshake', async () => {
  const client = await RpcClient.connect(sandbox.urls.truenas);
  sandbox.faults.add({ route: '/api/current', method: 'WS', kind: 'malformed', times: 1 });
  assert.ok((await client.frame('auth.mechanism_choices', [])).unparsable);
  sandbox.faults.add({ route: '/api/current', method: 'WS', kind: 'drop', times: 1 });
  client.sendRaw(JSON.stringify({ jsonrpc: '2.0', id: 9, method: 'auth.mechanism_choices' }));
  assert.equal((await client.closed).code, 1006);

  sandbox.faults.add({ route: '/api/current', method: 'GET', kind: 'status', status: 503, times: 1 });
  await assert.rejects(RpcClient.connect(sandbox.urls.truenas), /503/);
  const healthy = await RpcClient.connect(sandbox.urls.truenas);
  assert.ok(Array.isArray(await healthy.call('auth.mechanism_choices')));
  healthy.close();
});
