// Runs in: tests. When the vault locks by itself.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AutoLock, SYSTEM_IDLE_POLL_MS } from '../../../electron/core/vault/auto-lock.ts';
import { FakeClock } from '../../support/clock.ts';
import { FakePower } from '../../support/power.ts';


function setup(idleMinutes: number) {
  const clock = new FakeClock();
  const power = new FakePower();
  let locks = 0;
  const autoLock = new AutoLock({ clock, power, idleMinutes, lock: () => locks++ });
  return { clock, power, autoLock, locks: () => locks };
}

describe('auto-lock', () => {
  it('locks after the idle minutes, and activity restarts the countdown', () => {
    const { clock, autoLock, locks } = setup(5);
    autoLock.arm();
    clock.advance(4 * 60_000);
    autoLock.activity();
    clock.advance(4 * 60_000);
    assert.equal(locks(), 0);
    clock.advance(60_000);
    assert.equal(locks(), 1);
    clock.advance(60 * 60_000);
    assert.equal(locks(), 1, 'locks once, then waits to be armed again');
  });

  it('locks on suspend and on screen lock, not on resume', () => {
    const { power, autoLock, locks } = setup(5);
    autoLock.arm();
    power.fire('resume');
    power.fire('unlock-screen');
    assert.equal(locks(), 0);
    power.fire('suspend');
    assert.equal(locks(), 1);
    autoLock.arm();
    power.fire('lock-screen');
    assert.equal(locks(), 2);
  });

  it('does nothing while disarmed (vault already locked) or after dispose', () => {
    const { clock, power, autoLock, locks } = setup(1);
    power.fire('suspend');
    clock.advance(10 * 60_000);
    autoLock.arm();
    autoLock.disarm();
    clock.advance(10 * 60_000);
    autoLock.arm();
    autoLock.dispose();
    power.fire('lock-screen');
    clock.advance(10 * 60_000);
    assert.equal(locks(), 0);
  });

  it('with 0 idle minutes locks only on suspend or screen lock; a new setting applies at once', () => {
    const { clock, power, autoLock, locks } = setup(0);
    autoLock.arm();
    clock.advance(24 * 60 * 60_000);
    assert.equal(locks(), 0);
    autoLock.setIdleMinutes(2);
    clock.advance(2 * 60_000);
    assert.equal(locks(), 1);
    autoLock.arm();
    power.fire('suspend');
    assert.equal(locks(), 2);
  });

  it('locks when the OS says the screen is locked, though no lock-screen event came (Linux), unless screen lock is off', () => {
    const { clock, power, autoLock, locks } = setup(5);
    power.reportSystemIdle({ seconds: 0, locked: false });
    autoLock.arm();
    clock.advance(SYSTEM_IDLE_POLL_MS);
    assert.equal(locks(), 0);
    autoLock.setLockOn({ suspend: true, screenLock: false });
    power.reportSystemIdle({ seconds: 2, locked: true });
    clock.advance(SYSTEM_IDLE_POLL_MS);
    assert.equal(locks(), 0, 'screen lock is off in Settings');
    autoLock.setLockOn({ suspend: true, screenLock: true });
    clock.advance(SYSTEM_IDLE_POLL_MS);
    assert.equal(locks(), 1, 'at the next look, at most one interval late');
  });

  it('locks when nobody touched the computer for the idle minutes, even while Authdesk saw activity', () => {
    const { clock, power, autoLock, locks } = setup(5);
    power.reportSystemIdle({ seconds: 4 * 60 + 59, locked: false });
    autoLock.arm();
    clock.advance(SYSTEM_IDLE_POLL_MS);
    autoLock.activity();
    assert.equal(locks(), 0);
    power.reportSystemIdle({ seconds: 5 * 60, locked: false });
    clock.advance(SYSTEM_IDLE_POLL_MS);
    assert.equal(locks(), 1);
  });

  it('asks the OS nothing while the vault is locked, nor with the idle timer off unless the screen locks', () => {
    const { clock, power, autoLock, locks } = setup(0);
    let asked = 0;
    power.systemIdle = () => {
      asked++;
      return { seconds: 24 * 60 * 60, locked: false };
    };
    clock.advance(10 * SYSTEM_IDLE_POLL_MS);
    assert.equal(asked, 0, 'not armed: no polling');
    autoLock.arm();
    clock.advance(10 * SYSTEM_IDLE_POLL_MS);
    assert.equal(locks(), 0, 'idle minutes 0: the OS idle time locks nothing');
    assert.equal(asked, 10, 'one look per interval');
    autoLock.disarm();
    clock.advance(10 * SYSTEM_IDLE_POLL_MS);
    assert.equal(asked, 10);
  });
});
