import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as v from 'valibot';
import { createRouter } from '../../../electron/core/api/router.ts';
import { call, event, type Handlers } from '../../../electron/core/api/spec.ts';
import { AuthdeskError } from '../../../electron/core/errors.ts';

const contract = {
  demo: {
    echo: call<{ said: string }>()(v.strictObject({ text: v.pipe(v.string(), v.maxLength(8)) }), 'user'),
    secretFailure: call<never>()(v.undefined(), 'user'),
    typedFailure: call<never>()(v.undefined(), 'user'),
    ticked: event<number>(),
  },
} as const;

const handlers: Handlers<typeof contract> = {
  demo: {
    echo: ({ text }) => ({ said: text }),
    secretFailure: () => {
      throw new Error('seed JBSWY3DPEHPK3PXP could not be parsed');
    },
    typedFailure: () => {
      throw new AuthdeskError('NOT_FOUND', 'No such account.');
    },
  },
};

const internal: unknown[] = [];
const router = createRouter(contract, handlers, {
  isTrustedSender: (url) => url === 'app://authdesk/index.html',
  onInternalError: (_channel, error) => internal.push(error),
});
const own = 'app://authdesk/index.html';

test('a valid call from the app returns its value', async () => {
  assert.deepEqual(await router.handle('authdesk:demo.echo', own, { text: 'hi' }), { ok: true, value: { said: 'hi' } });
});

test('only calls are channels; events are not', () => {
  assert.deepEqual([...router.channels].sort(), ['authdesk:demo.echo', 'authdesk:demo.secretFailure', 'authdesk:demo.typedFailure']);
});

test('a foreign sender is refused before anything runs', async () => {
  const result = await router.handle('authdesk:demo.echo', 'https://app.attacker.example/', { text: 'hi' });
  assert.equal(result.ok, false);
  assert.equal(!result.ok && result.error.code, 'FORBIDDEN_SENDER');
});

test('invalid input is refused, and the message does not quote the value', async () => {
  const secretish = 'SUPERSECRETVALUE';
  const result = await router.handle('authdesk:demo.echo', own, { text: secretish });
  assert.equal(result.ok, false);
  if (result.ok) return;
  assert.equal(result.error.code, 'INVALID_INPUT');
  assert.match(result.error.message, /text/);
  assert.doesNotMatch(result.error.message, /SUPERSECRET/);
  for (const bad of [undefined, null, 'x', { text: 1 }, { text: 'a', extra: true }]) {
    const r = await router.handle('authdesk:demo.echo', own, bad);
    assert.equal(!r.ok && r.error.code, 'INVALID_INPUT');
  }
});

test('an unknown channel is refused', async () => {
  const r = await router.handle('authdesk:demo.nope', own, undefined);
  assert.equal(!r.ok && r.error.code, 'UNKNOWN_CHANNEL');
});

test('a typed error keeps its code and message', async () => {
  assert.deepEqual(await router.handle('authdesk:demo.typedFailure', own, undefined), { ok: false, error: { code: 'NOT_FOUND', message: 'No such account.' } });
});

test('an unexpected exception reaches the renderer without its text', async () => {
  const r = await router.handle('authdesk:demo.secretFailure', own, undefined);
  assert.equal(r.ok, false);
  if (r.ok) return;
  assert.equal(r.error.code, 'INTERNAL');
  assert.doesNotMatch(r.error.message, /JBSWY3DP/);
  assert.equal(internal.length, 1);
});

test('a missing handler is a programming error found at start-up', () => {
  assert.throws(() => createRouter(contract, { demo: {} } as unknown as Handlers<typeof contract>, { isTrustedSender: () => true }), /No handler for demo.echo/);
});
