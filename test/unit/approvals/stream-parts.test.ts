// Runs in: tests. The stream's small parts: the pairing link read as the service writes it, SSE
// split into events however the bytes arrive, hostile events skipped, and the reconnection
// delay's doubling, ceiling and jitter.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parsePairing } from '../../../electron/core/approvals/pairing.ts';
import { reconnectDelay } from '../../../electron/core/approvals/reconnect-delay.ts';
import { readEvents, type SseEvent } from '../../../electron/core/approvals/sse-reader.ts';
import { parseServerEvent } from '../../../electron/core/approvals/stream-events.ts';

const TOKEN = 'A'.repeat(42) + 'w';

test('a pairing link gives its server, account and token; a bare token leaves both to the profile; anything else is refused', () => {
  const link = `authdesk://pair?server=${encodeURIComponent('http://127.0.0.1:4000/approvals/v2/')}&account=${encodeURIComponent('weavr:alice@example.com')}&token=${TOKEN}`;
  assert.deepEqual(parsePairing(`  ${link}\n`), { token: TOKEN, server: 'http://127.0.0.1:4000/approvals/v2', account: 'weavr:alice@example.com' });
  assert.deepEqual(parsePairing(TOKEN), { token: TOKEN, server: null, account: null });
  for (const bad of ['', 'abc', `https://evil.example/pair?token=${TOKEN}`, `authdesk://pair?server=ftp%3A%2F%2Fx&account=weavr%3Aa&token=${TOKEN}`, `authdesk://pair?server=http%3A%2F%2Fx&account=truenas%3Aa&token=${TOKEN}`, 'authdesk://pair?server=http%3A%2F%2Fx&account=weavr%3Aa&token=short']) {
    assert.throws(() => parsePairing(bad), { code: 'INVALID_INPUT' }, bad);
  }
});

async function eventsOf(chunks: readonly string[]): Promise<{ events: SseEvent[]; bytes: number }> {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
      controller.close();
    },
  });
  const events: SseEvent[] = [];
  let bytes = 0;
  await readEvents(body, () => bytes++, async (event) => void events.push(event));
  return { events, bytes };
}

test('events are read whole however the bytes are split; comments are heartbeats, not events', async () => {
  const text = ': connected\n\nid: 17\nevent: challenge\ndata: {"a":1}\n\n: keep-alive\n\nevent: reset\ndata: {"reason":"CURSOR_UNKNOWN"}\n\nid: 18\r\nevent: resolved\r\ndata: {"b":2}\r\n\r\n';
  const whole = await eventsOf([text]);
  const split = await eventsOf(text.split(''));
  const expected = [
    { id: 17, type: 'challenge', data: '{"a":1}' },
    { id: null, type: 'reset', data: '{"reason":"CURSOR_UNKNOWN"}' },
    { id: 18, type: 'resolved', data: '{"b":2}' },
  ];
  assert.deepEqual(whole.events, expected);
  assert.deepEqual(split.events, expected);
  assert.equal(split.bytes, text.length, 'every chunk counts as a sign of life');
  await assert.rejects(eventsOf([`data: ${'x'.repeat(70_000)}`]), { code: 'PROVIDER_ERROR' });
});

test('a malformed or unknown event is skipped; a challenge never needs more than its fields', () => {
  const challenge = { challengeId: 'c1', account: 'weavr:a', provider: 'weavr', action: 'Step up', origin: '203.0.113.7', createdAt: 1, expiresAt: 2, numberDigits: 3 };
  assert.deepEqual(parseServerEvent('challenge', JSON.stringify({ ...challenge, number: '123' })), { type: 'challenge', challenge });
  for (const [type, data] of [['challenge', '{'], ['challenge', JSON.stringify({ ...challenge, numberDigits: 7 })], ['challenge', JSON.stringify({ ...challenge, provider: 'truenas' })], ['resolved', JSON.stringify({ challengeId: 'c1', status: 'MAYBE' })], ['surprise', '{}']] as const) {
    assert.equal(parseServerEvent(type, data), null, `${type} ${data}`);
  }
});

test('reconnection waits 1 s doubling to 60 s, each times a factor in [0.5, 1]', () => {
  assert.deepEqual([0, 1, 2, 5, 6, 40].map((n) => reconnectDelay(n, () => 1)), [1000, 2000, 4000, 32_000, 60_000, 60_000]);
  assert.deepEqual([0, 6].map((n) => reconnectDelay(n, () => 0)), [500, 30_000]);
});
