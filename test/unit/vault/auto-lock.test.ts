// Runs in: tests. When the vault locks by itself.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AutoLock } from '../../../electron/core/vault/auto-lock.ts';
import {  } from '../../support/vault.ts';
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
});
