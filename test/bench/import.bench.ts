// Runs in: benchmarks.
//
// Importing a 10,000-entry plain Aegis vault (target: at most 1 s), against the floor of
// JSON.parse on the same bytes: the rest is detection, validation and Base32 work.

import { encodeBase32 } from '../../electron/core/otp/base32.ts';
import { exportAegis, importData } from '../../electron/core/transfer/index.ts';
import type { Account } from '../../electron/core/vault/model.ts';
import { compare } from './measure.ts';
import type { BenchResult } from './measure.ts';

const COUNT = 10_000;

function accounts(): Account[] {
  return Array.from({ length: COUNT }, (_, i) => ({
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    issuer: `Service ${i}`,
    label: `user${i}@example.com`,
    otp: { type: i % 10 === 0 ? 'hotp' : 'totp', secret: encodeBase32(Buffer.from(`bench-secret-${i}`.padEnd(20, '.'))), algorithm: 'SHA1', digits: 6, period: 30, counter: i },
    groupIds: [],
    favourite: i % 50 === 0,
    icon: null,
    note: '',
    createdAt: 0,
    updatedAt: 0,
  }));
}

export default async function (): Promise<BenchResult[]> {
  const bytes = Buffer.from(await exportAegis(accounts()), 'utf8');
  const text = bytes.toString('utf8');
  const check = await importData(bytes);
  if (check.entries.length !== COUNT || check.errors.length !== 0) throw new Error('the benchmark file did not import cleanly');
  return [await compare('import.aegis-plain-10k', `import a ${COUNT}-entry plain Aegis vault (baseline: JSON.parse)`, () => importData(bytes), () => JSON.parse(text), { runs: 9, warmup: 2, target: { of: 'value', max: 1000 } })];
}
