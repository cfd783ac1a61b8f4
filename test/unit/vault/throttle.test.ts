// Runs in: tests. The wrong-password throttle under parallel attempts, other paths to the same
// vault, and a sidecar that is damaged, deleted or cannot be written.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, symlink, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { isAuthdeskError } from '../../../electron/core/errors.ts';
import { throttlePathOf } from '../../../electron/core/vault/throttle.ts';
import { Vault } from '../../../electron/core/vault/vault.ts';
import { VaultService } from '../../../electron/core/vault/vault-service.ts';
import { FakeClock } from '../../support/clock.ts';
import { FakePower } from '../../support/power.ts';
import { CHEAP_KDF, PASSWORD, tempVaultPath } from '../../support/vault.ts';

const FIVE_MINUTES = 5 * 60 * 1000;

async function newVault(): Promise<{ path: string; clock: FakeClock }> {
  const path = await tempVaultPath(after);
  const clock = new FakeClock();
  (await Vault.create(path, PASSWORD, { kdf: CHEAP_KDF, clock })).lock();
  return { path, clock };
}

/** The outcome of one unlock: 'unlocked', the error code, and the wait it asks for. */
async function attempt(vault: Vault, password: string): Promise<{ code: string; retryAfterMs?: number; failures?: number }> {
  try {
    await vault.unlockWithPassword(password);
    vault.lock();
    return { code: 'unlocked' };
  } catch (error) {
    assert.ok(isAuthdeskError(error));
    return { code: error.code, retryAfterMs: error.details?.retryAfterMs as number | undefined, failures: error.details?.failures as number | undefined };
  }
}

describe('password throttle', () => {
  it('counts every one of ten parallel wrong unlocks from the window', async () => {
    const { path, clock } = await newVault();
    const service = new VaultService({ path, clock, power: new FakePower(), kdf: CHEAP_KDF, keyProtector: null });
    after(() => service.dispose());
    const outcomes = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => service.unlockWithPassword(`wrong guess ${i}`)));
    const codes = outcomes.map((o) => (o.status === 'rejected' && isAuthdeskError(o.reason) ? o.reason.code : 'unlocked'));
    // Five free attempts are counted as wrong; the other five find the wait already due.
    assert.deepEqual(codes.filter((c) => c === 'VAULT_WRONG_PASSWORD').length, 5, codes.join());
    assert.deepEqual(codes.filter((c) => c === 'VAULT_THROTTLED').length, 5, codes.join());
    const counts = outcomes.flatMap((o) => (o.status === 'rejected' && isAuthdeskError(o.reason, 'VAULT_WRONG_PASSWORD') ? [o.reason.details?.failures] : []));
    assert.deepEqual(counts.sort(), [1, 2, 3, 4, 5]);
    await assert.rejects(service.unlockWithPassword(PASSWORD), (error: unknown) => isAuthdeskError(error, 'VAULT_THROTTLED') && error.details?.retryAfterMs === 1000);
    clock.advance(1000);
    assert.equal((await service.unlockWithPassword(PASSWORD)).state, 'unlocked');
  });

  it('shares one count between the vault file and a symlink to it', async () => {
    const { path, clock } = await newVault();
    const elsewhere = await mkdtemp(join(tmpdir(), 'authdesk-link-'));
    after(() => rm(elsewhere, { recursive: true, force: true }));
    const link = join(elsewhere, 'vault.authdesk');
    await symlink(path, link);
    const direct = await Vault.open(path, { clock });
    const linked = await Vault.open(link, { clock });
    for (let i = 0; i < 3; i++) assert.equal((await attempt(direct, `wrong ${i}`)).code, 'VAULT_WRONG_PASSWORD');
    for (let i = 0; i < 2; i++) assert.equal((await attempt(linked, `wrong ${i}`)).code, 'VAULT_WRONG_PASSWORD');
    assert.deepEqual(await attempt(linked, PASSWORD), { code: 'VAULT_THROTTLED', retryAfterMs: 1000, failures: 5 });
    assert.deepEqual(await attempt(direct, PASSWORD), { code: 'VAULT_THROTTLED', retryAfterMs: 1000, failures: 5 });
  });

  it('never keeps the right password out for longer than the longest wait, whatever the sidecar holds', async () => {
    const sidecars = [
      'not json at all',
      '',
      '\u0000\u0000\u0000',
      '[]',
      'null',
      '{"failures": "many"}',
      '{"failures": -4, "lastFailureAt": 0}',
      '{"failures": 1e300, "lastFailureAt": 0}',
      `{"failures": 40, "lastFailureAt": ${Number.MAX_SAFE_INTEGER}}`,
      `{"failures": 40, "lastFailureAt": ${1_800_000_000_000 + 3 * 3600_000}}`,
      '{"failures": 40, "lastFailureAt": "tomorrow"}',
      '{"failures": 40}',
    ];
    for (const text of sidecars) {
      const { path, clock } = await newVault();
      await writeFile(throttlePathOf(path), text);
      const vault = await Vault.open(path, { clock });
      const first = await attempt(vault, PASSWORD);
      if (first.code !== 'unlocked') {
        assert.equal(first.code, 'VAULT_THROTTLED', text);
        assert.ok((first.retryAfterMs ?? Infinity) <= FIVE_MINUTES, `${text}: waits ${first.retryAfterMs}`);
        // A new process reads the repaired sidecar: the wait still counts from the first sighting.
        clock.advance(FIVE_MINUTES);
        assert.deepEqual(await attempt(await Vault.open(path, { clock }), PASSWORD), { code: 'unlocked' }, text);
      }
      // The success repaired the sidecar: the count starts again at one.
      assert.deepEqual(await attempt(vault, 'a wrong one'), { code: 'VAULT_WRONG_PASSWORD', retryAfterMs: undefined, failures: 1 }, text);
    }
  });

  it('is not reset by deleting the sidecar while the app runs', async () => {
    const { path, clock } = await newVault();
    const vault = await Vault.open(path, { clock });
    for (let i = 0; i < 6; i++) {
      await attempt(vault, `wrong ${i}`);
      clock.advance(1000);
    }
    await unlink(throttlePathOf(path));
    assert.deepEqual(await attempt(vault, PASSWORD), { code: 'VAULT_THROTTLED', retryAfterMs: 1000, failures: 6 });
    clock.advance(1000);
    assert.deepEqual(await attempt(vault, PASSWORD), { code: 'unlocked' });
    assert.deepEqual(JSON.parse(await readFile(throttlePathOf(path), 'utf8')), { failures: 0, lastFailureAt: clock.now() });
  });

  // What a read-only folder does to the sidecar, simulated so it also holds as root (which
  // ignores permissions): the sidecar path is a folder, so it can be neither read nor
  // replaced. The real read-only folder is covered by test/integration/cli/throttle.test.ts.
  it('lets the right password in when the sidecar cannot be written, and still slows guessing in this process', async () => {
    const { path, clock } = await newVault();
    await mkdir(throttlePathOf(path));
    const vault = await Vault.open(path, { clock });
    assert.deepEqual(await attempt(vault, PASSWORD), { code: 'unlocked' });
    const fresh = await newVault();
    await mkdir(throttlePathOf(fresh.path));
    const guessed = await Vault.open(fresh.path, { clock: fresh.clock });
    const first = await attempt(guessed, 'wrong');
    assert.equal(first.code, 'VAULT_WRONG_PASSWORD');
    assert.equal((await attempt(guessed, PASSWORD)).code, 'VAULT_THROTTLED');
    fresh.clock.advance(FIVE_MINUTES);
    assert.deepEqual(await attempt(guessed, PASSWORD), { code: 'unlocked' });
  });
});
