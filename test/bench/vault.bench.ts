// Runs in: benchmarks. `node test/bench/run.ts vault`
//
// A vault of 10,000 accounts: decrypting and parsing it (target 50 ms, the KDF apart), the
// Argon2id unlock on its own, and a durable save against a raw write + fsync of as many bytes.
import { randomBytes } from 'node:crypto';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeBase32 } from '../../electron/core/otp/base32.ts';
import { decryptData, encodeData } from '../../electron/core/vault/data-codec.ts';
import { encodeEnvelope, parseEnvelope } from '../../electron/core/vault/envelope.ts';
import { calibrateKdf, deriveKey, KDF_FLOOR } from '../../electron/core/vault/kdf.ts';
import { createPasswordSlot, newMasterKey } from '../../electron/core/vault/key-slots.ts';
import { emptyVaultData, type Account, type VaultData } from '../../electron/core/vault/model.ts';
import { Vault } from '../../electron/core/vault/vault.ts';
import { CHEAP_KDF, PASSWORD } from '../support/vault.ts';
import { compare, medianMs, result, type BenchResult } from './measure.ts';

const ACCOUNTS = 10_000;

/** A vault of `count` realistic accounts (backup.bench.ts uses it too). */
export function bigVault(count = ACCOUNTS): VaultData {
  const accounts: Account[] = [];
  for (let i = 0; i < count; i++) {
    accounts.push({
      id: `acc-${i.toString().padStart(5, '0')}`,
      issuer: `Service ${i % 250}`,
      label: `user${i}@example.com`,
      otp: { type: 'totp', secret: encodeBase32(randomBytes(20)), algorithm: 'SHA1', digits: 6, period: 30, counter: 0 },
      groupIds: [`g${i % 10}`],
      favourite: i % 17 === 0,
      icon: null,
      note: i % 5 === 0 ? 'backup codes in the safe' : '',
      createdAt: 1_700_000_000_000 + i,
      updatedAt: 1_700_000_000_000 + i,
    });
  }
  return { ...emptyVaultData(), accounts };
}

export default async function (): Promise<BenchResult[]> {
  const data = bigVault();
  const masterKey = newMasterKey();
  const plain = encodeData(data);
  const plainText = plain.toString('utf8');
  const bytes = encodeEnvelope([await createPasswordSlot(PASSWORD, masterKey, CHEAP_KDF)], masterKey, plain);

  // Baseline: JSON.parse of the same plaintext, i.e. what reading the data costs unencrypted.
  const decrypt = await compare(
    'vault.decrypt-10k',
    `vault: decrypt + parse ${ACCOUNTS} accounts (${(bytes.length / 1e6).toFixed(1)} MB, KDF excluded)`,
    () => decryptData(parseEnvelope(bytes), masterKey),
    () => JSON.parse(plainText),
    { runs: 11, target: { of: 'value', max: 50 } },
  );

  // The KDF on its own: calibrated parameters against the RFC 9106 floor they start from.
  const calibrated = await calibrateKdf();
  const salt = randomBytes(16);
  const kdfMs = await medianMs(async () => (await deriveKey(PASSWORD, salt, calibrated)).fill(0), { runs: 3, warmup: 1 });
  const floorMs = await medianMs(async () => (await deriveKey(PASSWORD, salt, KDF_FLOOR)).fill(0), { runs: 3, warmup: 0 });
  const kdf = result('vault.argon2id-unlock', `vault: Argon2id unlock, calibrated (64 MiB, t=${calibrated.iterations}, p=4) vs floor t=3 (target about 500 ms)`, kdfMs, floorMs);

  const dir = await mkdtemp(join(tmpdir(), 'authdesk-bench-'));
  try {
    const path = join(dir, 'vault.authdesk');
    const vault = await Vault.create(path, PASSWORD, { kdf: CHEAP_KDF });
    await vault.mutate(() => data);
    let n = 0;
    const save = await compare(
      'vault.save-10k',
      `vault: save ${ACCOUNTS} accounts after changing one (lock, change check, encrypt, temp + fsync + backup link + rename + dir fsync) vs writeFile + fsync`,
      // The most frequent real save: one account changes (an HOTP counter moves on).
      () => {
        const target = n++ % ACCOUNTS;
        return vault.mutate((d) => ({ ...d, accounts: d.accounts.map((a, i) => (i === target ? { ...a, otp: { ...a.otp, counter: a.otp.counter + 1 } } : a)) }));
      },
      async () => {
        const handle = await open(join(dir, 'raw.bin'), 'w', 0o600);
        await handle.writeFile(bytes);
        await handle.sync();
        await handle.close();
      },
      { runs: 21, target: { of: 'ratio', max: 2 } },
    );
    vault.lock();
    return [decrypt, kdf, save];
  } finally {
    masterKey.fill(0);
    await rm(dir, { recursive: true, force: true });
  }
}
