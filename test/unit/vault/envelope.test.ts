// Runs in: tests. The vault file as an attacker, a bad disk or a newer Authdesk leaves it.
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { readFile, stat, truncate, writeFile } from 'node:fs/promises';
import { after, describe, it } from 'node:test';
import { isAuthdeskError } from '../../../electron/core/errors.ts';
import { encodeBase32 } from '../../../electron/core/otp/base32.ts';
import { emptyVaultData } from '../../../electron/core/vault/model.ts';
import { openWithPassword, sealWithPassword } from '../../../electron/core/vault/password-seal.ts';
import { Vault } from '../../../electron/core/vault/vault.ts';
import { account, CHEAP_KDF, PASSWORD, tempVaultPath } from '../../support/vault.ts';

const options = { kdf: CHEAP_KDF };

async function errorCodeOfOpening(path: string, password = PASSWORD): Promise<string> {
  try {
    const vault = await Vault.open(path, options);
    await vault.unlockWithPassword(password);
  } catch (error) {
    if (isAuthdeskError(error)) return error.code;
    throw error;
  }
  return 'OPENED';
}

/** Byte offsets of each region of a version 1 file (docs/vault-format.md). */
function regions(file: Buffer) {
  const headerLength = file.readUInt32BE(10);
  const digestAt = 14 + headerLength;
  return {
    magic: 0,
    version: 9,
    headerLength: 13,
    slotCount: 14,
    slotType: 15,
    slotSalt: 18 + 3,
    slotKdfParams: 18 + 16 + 7,
    slotWrappedKey: 18 + 16 + 12 + 12 + 5,
    nonce: digestAt - 5,
    digest: digestAt + 4,
    ciphertext: digestAt + 32 + 3,
    tag: file.length - 2,
  };
}

describe('vault envelope', () => {
  it('round-trips the data through create, open and unlock', async () => {
    const path = await tempVaultPath(after);
    const created = await Vault.create(path, PASSWORD, options);
    await created.mutate((d) => ({ ...d, accounts: [account('a1', 'JBSWY3DPEHPK3PXP')] }));
    const vault = await Vault.open(path, options);
    assert.equal(vault.isUnlocked, false);
    await vault.unlockWithPassword(PASSWORD);
    assert.deepEqual(vault.data(), created.data());
    assert.equal(vault.data().accounts[0]?.otp.secret, 'JBSWY3DPEHPK3PXP');
    assert.equal((await stat(path)).mode & 0o777, 0o600);
  });

  it('tells a wrong password apart from damage, without the password in the message', async () => {
    const path = await tempVaultPath(after);
    await Vault.create(path, PASSWORD, options);
    const vault = await Vault.open(path, options);
    await assert.rejects(vault.unlockWithPassword('Tr0ub4dor&3-wrong'), (error: unknown) => {
      assert.ok(isAuthdeskError(error, 'VAULT_WRONG_PASSWORD'));
      assert.ok(!error.message.includes('Tr0ub4dor'));
      return true;
    });
    assert.equal(vault.isUnlocked, false);
  });

  it('reports one flipped byte in any region as damaged and leaves the file byte-identical', async () => {
    const path = await tempVaultPath(after);
    const vault = await Vault.create(path, PASSWORD, options);
    await vault.mutate((d) => ({ ...d, accounts: [account('a1', 'JBSWY3DPEHPK3PXP')] }));
    const original = await readFile(path);
    for (const [region, offset] of Object.entries(regions(original))) {
      const flipped = Buffer.from(original);
      flipped[offset] = (flipped[offset] ?? 0) ^ 0x01;
      await writeFile(path, flipped);
      assert.equal(await errorCodeOfOpening(path), 'VAULT_DAMAGED', `flipped byte in ${region}`);
      assert.deepEqual(await readFile(path), flipped, `file untouched after ${region}`);
    }
    await writeFile(path, original);
    assert.equal(await errorCodeOfOpening(path), 'OPENED');
  });

  it('reports truncated and empty files as damaged, naming the backup', async () => {
    const path = await tempVaultPath(after);
    const vault = await Vault.create(path, PASSWORD, options);
    await vault.mutate((d) => ({ ...d, accounts: [account('a1', 'JBSWY3DPEHPK3PXP')] }));
    const size = (await stat(path)).size;
    for (const length of [size - 1, size - 17, 200, 60, 13, 1, 0]) {
      await truncate(path, length);
      const opened = Vault.open(path, options).then((v) => v.unlockWithPassword(PASSWORD));
      await assert.rejects(opened, (error: unknown) => {
        assert.ok(isAuthdeskError(error, 'VAULT_DAMAGED'), `length ${length}`);
        assert.match(error.message, /vault\.authdesk\.bak/);
        return true;
      });
      assert.equal((await stat(path)).size, length);
    }
  });

  it('reports a newer format version, and a newer data schema, as too new', async () => {
    const path = await tempVaultPath(after);
    await Vault.create(path, PASSWORD, options);
    const file = Buffer.from(await readFile(path));
    file.writeUInt16BE(2, 8);
    const digestAt = 14 + file.readUInt32BE(10);
    createHash('sha256').update(file.subarray(0, digestAt)).digest().copy(file, digestAt);
    await writeFile(path, file);
    assert.equal(await errorCodeOfOpening(path), 'VAULT_TOO_NEW');

    const newer = await sealWithPassword({ ...emptyVaultData(), schemaVersion: 99 }, PASSWORD, options);
    await writeFile(path, newer);
    assert.equal(await errorCodeOfOpening(path), 'VAULT_TOO_NEW');
    assert.deepEqual(await readFile(path), newer);
  });

  it('writes no form of a stored secret into the file', async () => {
    const path = await tempVaultPath(after);
    const raw = randomBytes(20);
    const base32 = encodeBase32(raw);
    const vault = await Vault.create(path, PASSWORD, options);
    await vault.mutate((d) => ({ ...d, accounts: [account('a1', base32)] }));
    const file = await readFile(path);
    const forms = [raw, Buffer.from(base32), Buffer.from(raw.toString('base64')), Buffer.from(raw.toString('hex')), Buffer.from(raw.toString('hex').toUpperCase()), Buffer.from(PASSWORD)];
    for (const form of forms) assert.equal(file.indexOf(form), -1, `found ${form.length}-byte form`);
    const reopened = await Vault.open(path, options);
    await reopened.unlockWithPassword(PASSWORD);
    assert.equal(reopened.data().accounts[0]?.otp.secret, base32);
  });

  it('seals any data under a password for encrypted backups and reads it back', async () => {
    const data = { ...emptyVaultData(), accounts: [account('b1', 'GEZDGNBVGY3TQOJQ')] };
    const sealed = await sealWithPassword(data, PASSWORD, options);
    assert.deepEqual(await openWithPassword(sealed, PASSWORD), data);
    await assert.rejects(openWithPassword(sealed, 'not the password'), { code: 'VAULT_WRONG_PASSWORD' });
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1] = (tampered[tampered.length - 1] ?? 0) ^ 0x80;
    await assert.rejects(openWithPassword(tampered, PASSWORD), { code: 'VAULT_DAMAGED' });
  });
});
