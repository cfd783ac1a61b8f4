// Runs in: tests.
//
// The window's first calls, asked by the preload as it runs (electron/preload/start-calls.ts):
// each early answer is given once, a later call asks main again, a status event newer than the
// early answer wins over it, and the quick-search palette asks for nothing.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Result } from '../../../electron/core/api/spec.ts';
import { channelName } from '../../../electron/core/api/spec.ts';
import type { Transport } from '../../../electron/preload/bridge.ts';
import { FIRST_SCREEN_ROWS, startCalls } from '../../../electron/preload/start-calls.ts';

const STATUS = channelName('vault', 'status');
const FIRST_SCREEN = channelName('accounts', 'firstScreen');
const LOCKED: Result<unknown> = { ok: false, error: { code: 'VAULT_LOCKED', message: 'The vault is locked.' } };

/** A transport whose answers the test releases one by one, recording what was asked. */
function fakeTransport() {
  const asked: Array<{ channel: string; input: unknown; answer: (result: Result<unknown>) => void }> = [];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const transport: Transport = {
    invoke: (channel, input) => new Promise((resolve) => asked.push({ channel, input, answer: resolve })),
    subscribe(channel, listener) {
      const group = listeners.get(channel) ?? new Set();
      listeners.set(channel, group);
      group.add(listener);
      return () => group.delete(listener);
    },
  };
  const emit = (channel: string, payload: unknown) => listeners.get(channel)?.forEach((listener) => listener(payload));
  const answer = (channel: string, result: Result<unknown>) => asked.filter((a) => a.channel === channel).at(-1)?.answer(result);
  return { transport, asked, emit, answer, listening: () => listeners.get(channelName('vault', 'onStatus'))?.size ?? 0 };
}

const unlocked = { state: 'unlocked' };
const lockedStatus = { state: 'locked' };
const screen = { accounts: [], groups: [], codes: [], total: 0 };

test('the main window asks for its status and first screen as the preload runs, and takes each answer once', async () => {
  const fake = fakeTransport();
  const start = startCalls(fake.transport, '/index.html');
  assert.deepEqual(
    fake.asked.map(({ channel, input }) => [channel, input]),
    [[STATUS, undefined], [FIRST_SCREEN, { count: FIRST_SCREEN_ROWS }]],
  );
  let ready = false;
  void start.ready().then(() => (ready = true));
  fake.answer(STATUS, { ok: true, value: unlocked });
  await Promise.resolve();
  assert.equal(ready, false, 'ready waits for both answers');
  fake.answer(FIRST_SCREEN, { ok: true, value: screen });
  await start.ready();

  assert.deepEqual(await start.status(), { ok: true, value: unlocked });
  assert.deepEqual(await start.firstScreen(), { ok: true, value: screen });
  assert.equal(fake.asked.length, 2, 'the early answers were used, nothing asked again');

  const again = start.status();
  assert.equal(fake.asked.length, 3);
  fake.answer(STATUS, { ok: true, value: lockedStatus });
  assert.deepEqual(await again, { ok: true, value: lockedStatus }, 'a second call asks main afresh');
});

test('a status event after the early answer is newer and wins; one before it is older and loses', async () => {
  const fake = fakeTransport();
  const start = startCalls(fake.transport, '/');
  fake.emit(channelName('vault', 'onStatus'), { state: 'stale' });
  fake.answer(STATUS, { ok: true, value: unlocked });
  fake.answer(FIRST_SCREEN, { ok: true, value: screen });
  await start.ready();
  fake.emit(channelName('vault', 'onStatus'), lockedStatus);
  assert.deepEqual(await start.status(), { ok: true, value: lockedStatus }, 'the vault locked while the page loaded');
  assert.equal(fake.listening(), 0, 'the preload stops listening once the status is taken');

  const other = fakeTransport();
  const second = startCalls(other.transport, '/');
  other.emit(channelName('vault', 'onStatus'), { state: 'stale' });
  other.answer(STATUS, { ok: true, value: unlocked });
  assert.deepEqual(await second.status(), { ok: true, value: unlocked });
});

test('an early first screen that holds no codes (the vault was locked) is asked for again', async () => {
  const fake = fakeTransport();
  const start = startCalls(fake.transport, '/index.html');
  fake.answer(FIRST_SCREEN, LOCKED);
  const first = start.firstScreen();
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(fake.asked.filter((a) => a.channel === FIRST_SCREEN).length, 2, 'asked again after VAULT_LOCKED');
  fake.answer(FIRST_SCREEN, { ok: true, value: screen });
  assert.deepEqual(await first, { ok: true, value: screen });
});

test('the quick-search palette asks for nothing early', async () => {
  const fake = fakeTransport();
  const start = startCalls(fake.transport, '/palette.html');
  assert.equal(fake.asked.length, 0);
  assert.equal(fake.listening(), 0);
  await start.ready();
  const status = start.status();
  fake.answer(STATUS, { ok: true, value: unlocked });
  assert.deepEqual(await status, { ok: true, value: unlocked });
});
