// Runs in: tests. The `devices` and `approvals` channels through the real router: every input
// the schemas refuse is INVALID_INPUT before a handler runs, nothing changes, and what a valid
// call reaches answers in words (no device, no such request).
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { contract } from '../../../electron/core/api/contract/index.ts';
import { createHandlers } from '../../../electron/core/api/handlers/index.ts';
import { createRouter } from '../../../electron/core/api/router.ts';
import type { Result } from '../../../electron/core/api/spec.ts';
import { createTestCore } from '../../support/core.ts';
import { PASSWORD, tempVaultPath } from '../../support/vault.ts';

const own = 'app://authdesk/index.html';

async function setup() {
  const { core, prompts, dialogs } = createTestCore(await tempVaultPath(after));
  after(() => core.dispose());
  await core.vault.create(PASSWORD);
  const router = createRouter(contract, createHandlers(core, prompts), { isTrustedSender: (url) => url === own });
  return { core, dialogs, call: <T = unknown>(channel: string, input?: unknown) => router.handle(`authdesk:${channel}`, own, input) as Promise<Result<T>> };
}

const code = (result: Result<unknown>) => (result.ok ? 'ok' : result.error.code);

test('hostile or malformed inputs are refused by the schemas', async () => {
  const { call, core } = await setup();
  const refused: [string, unknown][] = [
    ['devices.enrol', undefined],
    ['devices.enrol', { profileId: 'p', pairing: '' }],
    ['devices.enrol', { profileId: 'p', pairing: 'x'.repeat(2049) }],
    ['devices.enrol', { profileId: 'p', pairing: 'authdesk://pair?token=t', name: 'n'.repeat(101) }],
    ['devices.enrol', { profileId: 'p', pairing: 'authdesk://pair?token=t', privateKey: 'smuggled' }],
    ['devices.list', { profileId: 'x'.repeat(65) }],
    ['devices.revoke', { profileId: 'p' }],
    ['approvals.decide', { id: 'c', decision: 'MAYBE' }],
    ['approvals.decide', { id: 'c', decision: 'APPROVE', typedNumber: '1' }],
    ['approvals.decide', { id: 'c', decision: 'APPROVE', typedNumber: '1234567' }],
    ['approvals.decide', { id: 'c', decision: 'APPROVE', typedNumber: '12a' }],
    ['approvals.decide', { id: 'c', decision: 'APPROVE', typedNumber: 123 }],
    ['approvals.audit', { limit: 0 }],
    ['approvals.audit', { limit: 10_001 }],
    ['approvals.audit', { profileId: 'p', extra: true }],
    ['approvals.exportAudit', { format: 'xml' }],
    ['approvals.openHeld', {}],
    ['approvals.pending', { any: 1 }],
  ];
  for (const [channel, input] of refused) assert.equal(code(await call(channel, input)), 'INVALID_INPUT', `${channel} ${JSON.stringify(input)?.slice(0, 60)}`);
  assert.deepEqual(core.vault.unlocked().data().devices, []);
});

test('valid calls with nothing behind them answer in words', async () => {
  const { call } = await setup();
  assert.deepEqual(await call('approvals.pending'), { ok: true, value: { pending: [], held: [] } });
  assert.deepEqual(await call('devices.enrolments'), { ok: true, value: [] });
  assert.deepEqual(await call('approvals.audit'), { ok: true, value: [] });
  const missing = await call('approvals.decide', { id: 'c', decision: 'DENY' });
  assert.equal(code(missing), 'NOT_FOUND');
  assert.match(!missing.ok ? missing.error.message : '', /no pending request with that id/);
  assert.equal(code(await call('devices.list', { profileId: 'nope' })), 'NOT_FOUND');
  const approve = await call('approvals.decide', { id: 'c', decision: 'APPROVE' });
  assert.equal(code(approve), 'NOT_FOUND');
});
