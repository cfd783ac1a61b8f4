// Runs in: tests. The save path's cached serialiser must write exactly what JSON.stringify would.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DataEncoder, decodeData, freezeData } from '../../../electron/core/vault/data-codec.ts';
import { isAuthdeskError } from '../../../electron/core/errors.ts';
import { emptyVaultData, type VaultData } from '../../../electron/core/vault/model.ts';
import { account } from '../../support/vault.ts';

describe('vault data encoding', () => {
  it('matches JSON.stringify through replacements, inserts, removals and re-sorts', () => {
    const encoder = new DataEncoder();
    let data: VaultData = freezeData({ ...emptyVaultData(), accounts: Array.from({ length: 60 }, (_, i) => account(`a${i}`, `SECRET${i}`)) });
    const check = (next: VaultData) => {
      data = freezeData(next);
      const plain = encoder.encode(data);
      assert.equal(plain.toString('utf8'), JSON.stringify(data));
      assert.deepEqual(decodeData(Buffer.from(plain)), data);
      plain.fill(0);
    };
    check(data);
    check({ ...data, accounts: data.accounts.map((a, i) => (i === 7 ? { ...a, label: 'renamed' } : a)) });
    check({ ...data, accounts: [account('new-first', 'NEW'), ...data.accounts] });
    check({ ...data, accounts: data.accounts.filter((_, i) => i !== 30) });
    check({ ...data, accounts: [...data.accounts].reverse() });
    check({ ...data, accounts: [...data.accounts, data.accounts[0]!], audit: [{ at: 1, kind: 'vault', summary: 'twice the same item' }] });
    check({ ...data, accounts: [] });
    const plain = encoder.encode(data);
    encoder.clear();
    assert.ok(plain.every((byte) => byte === 0), 'clear() (on lock) zeroes the plaintext it produced');
    check({ ...emptyVaultData(), accounts: [account('after-clear', 'X')] });
  });

  it('refuses data nested deeper than Authdesk writes, at any depth, as damaged rather than a stack overflow', () => {
    for (const depth of [33, 1_000, 100_000]) {
      const deep = '['.repeat(depth) + ']'.repeat(depth);
      const plain = Buffer.from(JSON.stringify({ ...emptyVaultData(), accounts: [{ ...account('a', 'JBSWY3DPEHPK3PXP'), note: '' }] }).replace('"note":""', `"note":${deep}`));
      assert.throws(() => decodeData(plain), (error: unknown) => isAuthdeskError(error, 'VAULT_DAMAGED'), `nested ${depth} deep`);
    }
  });
});
