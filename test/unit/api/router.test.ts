// Runs in: tests.
//
// Every test counts handler runs: a refused call must be refused before its handler runs, not
// after.
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
    unlockNow: call<string>()(v.undefined(), 'gesture'),
    ticked: event<number>(),
  },
} as const;

/** The handlers that ran, in order. */
const runs: string[] = [];

const handlers: Handlers<typeof contract> = {
  demo: {
    echo: ({ text }) => {
      runs.push('echo');
      return { said: text };
    },
    secretFailure: () => {
      runs.push('secretFailure');
      throw new Error('seed JBSWY3DPEHPK3PXP could not be parsed');
    },
    typedFailure: () => {
      runs.push('typedFailure');
      throw new AuthdeskError('NOT_FOUND', 'No such account.');
    },
    unlockNow: () => {
      runs.push('unlockNow');
      return 'unlocked';
    },
  },
};

const own = 'app://authdesk/index.html';
const internal: unknown[] = [];
let activity = 0;
const router = createRouter(contract, handlers, {
  isTrustedSender: (url) => url === own,
  onUserActivity: () => activity++,
  onInternalError: (_channel, error) => internal.push(error),
});

/** router.handle, and the handlers that ran while it did. */
async function handle(channel: string, sender: string | undefined, input: unknown) {
  const from = runs.length;
  const result = await router.handle(channel, sender, input);
  return { result, ran: runs.slice(from) };
}

test('a valid call from the app runs its handler once and returns its value', async () => {
  assert.deepEqual(await handle('authdesk:demo.echo', own, { text: 'hi' }), { result: { ok: true, value: { said: 'hi' } }, ran: ['echo'] });
});

test('only calls are channels; events are not', () => {
  assert.deepEqual([...router.channels].sort(), ['authdesk:demo.echo', 'authdesk:demo.secretFailure', 'authdesk:demo.typedFailure', 'authdesk:demo.unlockNow']);
});

test('a foreign or missing sender is refused before anything runs', async () => {
  for (const sender of ['https://app.attacker.example/', 'app://authdesk.attacker.example/index.html', undefined]) {
    for (const [channel, input] of [['authdesk:demo.echo', { text: 'hi' }], ['authdesk:demo.typedFailure', undefined]] as const) {
      const { result, ran } = await handle(channel, sender, input);
      assert.deepEqual(ran, [], `${channel} from ${sender}`);
      assert.equal(!result.ok && result.error.code, 'FORBIDDEN_SENDER');
    }
  }
});

test('invalid input is refused before the handler runs, and the message does not quote the value', async () => {
  const secretish = 'SUPERSECRETVALUE';
  for (const bad of [{ text: secretish }, undefined, null, 'x', { text: 1 }, { text: 'a', extra: true }]) {
    const { result, ran } = await handle('authdesk:demo.echo', own, bad);
    assert.deepEqual(ran, [], JSON.stringify(bad));
    assert.equal(!result.ok && result.error.code, 'INVALID_INPUT');
    assert.doesNotMatch(!result.ok ? result.error.message : '', /SUPERSECRET/);
  }
  const { result } = await handle('authdesk:demo.echo', own, { text: secretish });
  assert.match(!result.ok ? result.error.message : '', /text/);
});

test('an unknown channel is refused and runs nothing', async () => {
  for (const channel of ['authdesk:demo.nope', 'authdesk:demo.ticked', 'demo.echo', 'authdesk:__proto__.echo']) {
    const { result, ran } = await handle(channel, own, undefined);
    assert.deepEqual(ran, [], channel);
    assert.equal(!result.ok && result.error.code, 'UNKNOWN_CHANNEL', channel);
  }
});

test('a typed error keeps its code and message', async () => {
  assert.deepEqual(await handle('authdesk:demo.typedFailure', own, undefined), {
    result: { ok: false, error: { code: 'NOT_FOUND', message: 'No such account.' } },
    ran: ['typedFailure'],
  });
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

test('a gesture call runs only right after real input reached the calling window', async () => {
  const refused = { ok: false, error: { code: 'USER_ACTION_REQUIRED', message: 'This happens only right after a click or a key press in the Authdesk window: click the button again.' } };
  const before = activity;
  for (const caller of [undefined, { recentInput: () => false }]) {
    const from = runs.length;
    assert.deepEqual(await router.handle('authdesk:demo.unlockNow', own, undefined, caller), refused);
    assert.deepEqual(runs.slice(from), [], 'refused before the handler runs');
  }
  assert.equal(activity, before, 'a refused call is no activity');

  const from = runs.length;
  assert.deepEqual(await router.handle('authdesk:demo.unlockNow', own, undefined, { recentInput: () => true }), { ok: true, value: 'unlocked' });
  assert.deepEqual(runs.slice(from), ['unlockNow']);
  assert.equal(activity, before + 1, 'and it counts as user activity');

  const foreign = await router.handle('authdesk:demo.unlockNow', 'https://app.attacker.example/', undefined, { recentInput: () => true });
  assert.equal(!foreign.ok && foreign.error.code, 'FORBIDDEN_SENDER', 'input does not make a foreign sender trusted');
});
