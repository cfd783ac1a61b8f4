// Runs in: tests. Adding many accounts at once (an import) grows like the number of accounts,
// whatever the number of groups they bring.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AccountsService } from '../../../electron/core/accounts/accounts.ts';
import { otpParams } from '../../../electron/core/otp/entry.ts';
import { MemoryVault } from '../../support/memory-vault.ts';
import { FakeClock } from '../../support/clock.ts';

const COUNT = 20_000;
const otp = otpParams({ type: 'totp', secret: 'JBSWY3DPEHPK3PXP' });

async function addMs(groups: (i: number) => string[]): Promise<number> {
  let n = 0;
  const accounts = new AccountsService(new MemoryVault(), new FakeClock(0), () => `id-${++n}`);
  const entries = Array.from({ length: COUNT }, (_, i) => ({ issuer: 'Site', label: `user${i}`, otp, groups: groups(i) }));
  const start = performance.now();
  await accounts.addMany(entries);
  return performance.now() - start;
}

test(`${COUNT} accounts, each in a group of its own, add about as fast as in no group`, async () => {
  await addMs(() => []);
  const ratio = (await addMs((i) => [`Group ${i}`])) / (await addMs(() => []));
  // Scanning the groups for each account made this over 150 times slower.
  assert.ok(ratio < 20, `groups made adding ${ratio.toFixed(1)} times slower`);
});
