// Runs in: tests. A seed the service issues mid-login (Appgate `Secret`): offered to the
// person, kept only on yes, and then the source of the login's next OTP.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SeedStore } from '../../../electron/core/sessions/index.ts';
import { PROFILE, setup } from './support.ts';

const URI = 'otpauth://totp/Appgate:admin?secret=JBSWY3DPEHPK3PXP&issuer=Appgate';

function recordingStore() {
  const stored: string[] = [];
  const store: SeedStore = {
    store: async (profile, uri) => {
      stored.push(`${profile.id} ${uri}`);
    },
  };
  return { store, stored };
}

describe('a seed offered mid-login', () => {
  it('kept on yes: stored for the profile, and the next code comes from it', async () => {
    const { store, stored } = recordingStore();
    const t = setup({ seeds: store, provider: { script: [{ kind: 'otp', accept: '999999', attempts: 3 }, { kind: 'seed', otpauthUri: URI }, { kind: 'otp', accept: '424242', attempts: 1 }] }, codes: ['111111', '222222', '424242'], answers: ['999999'] });
    t.prompt.decisions.push(true);
    assert.equal((await t.manager.login(PROFILE)).state, 'active');
    assert.deepEqual(stored, [`${PROFILE.id} ${URI}`]);
    assert.deepEqual(t.provider.seedsKept, [true]);
    assert.equal(t.prompt.decided.length, 1);
    assert.match(t.prompt.decided[0]?.message ?? '', /issued a new authenticator secret for admin/);
    assert.doesNotMatch(JSON.stringify(t.prompt.decided), /JBSWY3DPEHPK3PXP/, 'the question never shows the seed');
    assert.deepEqual(t.provider.codes, ['111111', '222222', '999999', '424242'], 'the fresh seed answers by itself, though the old account used its two answers');
    assert.deepEqual(t.moments, ['current', 'next', 'current']);
  });

  it('declined: nothing stored, the provider hears false', async () => {
    const { store, stored } = recordingStore();
    const t = setup({ seeds: store, provider: { script: [{ kind: 'seed', otpauthUri: URI }] } });
    t.prompt.decisions.push(false);
    assert.equal((await t.manager.login(PROFILE)).state, 'active');
    assert.deepEqual(stored, []);
    assert.deepEqual(t.provider.seedsKept, [false]);
  });

  it('without a place to keep seeds, the offer is declined without asking', async () => {
    const t = setup({ provider: { script: [{ kind: 'seed', otpauthUri: URI }] } });
    assert.equal((await t.manager.login(PROFILE)).state, 'active');
    assert.deepEqual(t.provider.seedsKept, [false]);
    assert.equal(t.prompt.decided.length, 0);
  });

  it('a store that fails ends the login in an error that does not quote the seed', async () => {
    const store: SeedStore = {
      store: async () => {
        throw new Error(`could not parse ${URI}`);
      },
    };
    const t = setup({ seeds: store, provider: { script: [{ kind: 'seed', otpauthUri: URI }] } });
    t.prompt.decisions.push(true);
    const final = await t.manager.login(PROFILE);
    assert.equal(final.state, 'error');
    assert.doesNotMatch(JSON.stringify(t.events), /JBSWY3DPEHPK3PXP/);
  });
});
