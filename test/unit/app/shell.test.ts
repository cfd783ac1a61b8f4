// Runs in: tests.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ShellService } from '../../../electron/core/app/shell.ts';

test('a navigation waits until the window takes it, is taken once, and a newer one replaces it', () => {
  const shell = new ShellService();
  let announced = 0;
  shell.onNavigation(() => announced++);
  assert.equal(shell.take(), null);
  shell.navigate({ screen: 'sessions', profileId: 'p1' });
  shell.navigate({ screen: 'approvals', challengeId: 'c1' });
  assert.equal(announced, 2);
  assert.deepEqual(shell.take(), { screen: 'approvals', challengeId: 'c1' });
  assert.equal(shell.take(), null, 'shown exactly once');
  shell.navigate({ screen: 'approvals' });
  shell.forget();
  assert.equal(shell.take(), null, 'forgotten when the vault locks');
});

test('dismissing the palette tells every listener until it unsubscribes', () => {
  const shell = new ShellService();
  let heard = 0;
  const stop = shell.onPaletteDismiss(() => heard++);
  shell.dismissPalette();
  stop();
  shell.dismissPalette();
  assert.equal(heard, 1);
});
