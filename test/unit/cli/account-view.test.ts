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

// The fastest of several runs (a pause for garbage collection or another process slows only
// some), stopping after a second so that a slow version fails soon.
function fastestMs(fn: () => unknown): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0, spent = 0; i < 9 && spent < 1000; i++) {
    const start = performance.now();
    fn();
    const took = performance.now() - start;
    best = Math.min(best, took);
    spent += took;
  }
  return best;
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

  // Against sorting the same ids, timed in the same run so that the machine's load cancels out:
  // comparing every id with every other took 30 s for 20,000 accounts, hundreds of sorts.
  it('on 20,000 accounts costs no more than a few sorts of their ids (n log n)', () => {
    const list = accounts(Array.from({ length: 20_000 }, () => crypto.randomUUID()));
    const ids = list.map((a) => a.id);
    const ratio = fastestMs(() => shortIds(list)) / fastestMs(() => [...ids].sort());
    assert.ok(ratio < 20, `shortIds took ${ratio.toFixed(1)} times as long as sorting the ids`);
  });
});
