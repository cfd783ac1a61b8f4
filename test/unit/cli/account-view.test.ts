// Runs in: tests.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { shortIds } from '../../../electron/cli/account-view.ts';
import type { Account } from '../../../electron/core/vault/model.ts';
import { account } from '../../support/vault.ts';

/** The definition: the shortest prefix (at least 8 characters, or the whole id) no other id starts with. */
function shortIdsByDefinition(ids: readonly string[]): Map<string, string> {
  const result = new Map<string, string>();
  ids.forEach((id, i) => {
    let length = Math.min(8, id.length);
    while (length < id.length && ids.some((other, j) => j !== i && other.startsWith(id.slice(0, length)))) length++;
    result.set(id, id.slice(0, length));
  });
  return result;
}

// A small alphabet, so that ids share long prefixes, are prefixes of each other or repeat.
function randomIds(count: number, seed: number): string[] {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31);
  return Array.from({ length: count }, () => Array.from({ length: 1 + (next() % 14) }, () => 'ab'[next() % 2]).join(''));
}

function accounts(ids: readonly string[]): Account[] {
  return ids.map((id) => account(id, 'JBSWY3DPEHPK3PXP'));
}

function medianMs(fn: () => unknown): number {
  const samples: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return samples.sort((a, b) => a - b)[2] ?? Number.NaN;
}

describe('shortIds', () => {
  it('gives every id its shortest unique prefix of at least 8 characters', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const ids = randomIds(60, seed);
      assert.deepEqual(shortIds(accounts(ids)), shortIdsByDefinition(ids), `seed ${seed}`);
    }
    const uuids = Array.from({ length: 200 }, () => crypto.randomUUID());
    assert.deepEqual(shortIds(accounts(uuids)), shortIdsByDefinition(uuids));
  });

  it('grows like n log n: four times the accounts take far less than sixteen times as long', () => {
    const small = accounts(Array.from({ length: 3000 }, () => crypto.randomUUID()));
    const large = accounts(Array.from({ length: 12000 }, () => crypto.randomUUID()));
    shortIds(small);
    const ratio = medianMs(() => shortIds(large)) / medianMs(() => shortIds(small));
    assert.ok(ratio < 8, `4x the accounts took ${ratio.toFixed(1)}x as long`);
  });
});
