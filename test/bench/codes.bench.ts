// Runs in: benchmarks (`node test/bench/run.ts codes`).
//
// The cost of one-time codes for 10,000 accounts in one tick, against the fastest raw path
// Node offers for the same HMACs: a KeyObject per secret prepared in advance, createHmac,
// RFC 4226 dynamic truncation and the decimal code string (DESIGN §10).
import { createHmac, createSecretKey, randomBytes } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { crypto as otplibNodeCrypto } from '@otplib/plugin-crypto-node';
import { generateSync } from 'otplib';
import { createGuardrails } from '@otplib/core';
import { CodesService } from '../../electron/core/accounts/codes.ts';
import { encodeBase32 } from '../../electron/core/otp/base32.ts';
import { timeCode } from '../../electron/core/otp/engine.ts';
import { otpParams } from '../../electron/core/otp/entry.ts';
import { emptyVaultData } from '../../electron/core/vault/model.ts';
import type { Account } from '../../electron/core/vault/model.ts';
import type { BenchResult } from './measure.ts';
import { compare } from './measure.ts';

const COUNT = 10_000;
const PERIOD = 30;

const secrets = Array.from({ length: COUNT }, () => randomBytes(20));
const keys: KeyObject[] = secrets.map((s) => createSecretKey(s));
const otps = secrets.map((s) => otpParams({ type: 'totp', secret: encodeBase32(s) }));
const accounts: Account[] = otps.map((otp, i) => ({
  id: `account-${i}`, issuer: 'Bench', label: `user${i}`, otp, groupIds: [], favourite: false, icon: null, note: '', createdAt: 0, updatedAt: 0,
}));

// Each run moves to a new time step, so no run can reuse another's work.
let step = 56_666_666;

function rawCodes(steps: number): number {
  let total = 0;
  const counter = Buffer.alloc(8);
  for (let s = 0; s < steps; s++) {
    counter.writeBigUInt64BE(BigInt(step + s));
    for (const key of keys) {
      const mac = createHmac('sha1', key).update(counter).digest();
      const offset = (mac[mac.length - 1] ?? 0) & 15;
      total += String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0').length;
    }
  }
  return total;
}

export default async function (): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const guardrails = createGuardrails({ MIN_SECRET_BYTES: 1 });

  results.push(
    await compare(
      'codes.otplib-stock-plugin',
      'otplib + stock @otplib/plugin-crypto-node (Buffer keys): 10,000 TOTP codes vs raw createHmac with KeyObjects (reference)',
      () => {
        const epoch = ++step * PERIOD;
        for (const secret of secrets) generateSync({ secret, epoch, crypto: otplibNodeCrypto, guardrails });
      },
      () => rawCodes(1),
    ),
  );

  results.push(
    await compare(
      'codes.otplib-keyobject-plugin',
      'otplib + Authdesk KeyObject plugin (engine.ts): 10,000 TOTP codes vs raw createHmac with KeyObjects',
      () => {
        const epoch = ++step * PERIOD;
        for (const otp of otps) timeCode(otp, epoch);
      },
      () => rawCodes(1),
      { runs: 21, target: { of: 'ratio', max: 2 } },
    ),
  );

  let nowMs = 0;
  const data = { ...emptyVaultData(), accounts };
  const vault = { data: () => data, mutate: () => Promise.reject(new Error('not used')) };
  const clock = { now: () => nowMs, setTimeout: () => ({ cancel() {} }) };
  const service = new CodesService(vault, clock);

  // One tick at a period boundary: each account's current code is the previous window's
  // next, so the service makes one HMAC per account, exactly as many as the baseline.
  nowMs = ++step * PERIOD * 1000;
  service.list();
  const boundaryTick = () => {
    nowMs += PERIOD * 1000;
    return service.list();
  };
  results.push(
    await compare(
      'codes.tick-10k',
      'codes service: one boundary tick (current + next) for 10,000 accounts vs raw 10,000 HMAC codes',
      boundaryTick,
      () => rawCodes(1),
      { runs: 21, target: { of: 'ratio', max: 1.5 } },
    ),
  );
  results.push(
    await compare(
      'codes.tick-10k-vs-recompute',
      'codes service: one boundary tick for 10,000 accounts vs raw current + next recomputed (20,000 HMAC codes), same output (reference)',
      boundaryTick,
      () => rawCodes(2),
    ),
  );

  // The first list after unlocking has nothing cached: two HMACs per account, like the baseline.
  results.push(
    await compare(
      'codes.first-list-10k',
      'codes service: first list after unlock (nothing cached) for 10,000 accounts vs raw 20,000 HMAC codes (reference)',
      () => {
        service.clear();
        nowMs = ++step * PERIOD * 1000;
        return service.list();
      },
      () => rawCodes(2),
    ),
  );
  return results;
}
