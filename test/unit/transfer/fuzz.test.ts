// Runs in: tests.
//
// 2,000 mutated backups (bit flips, truncations, inserted and deleted bytes, JSON-aware
// edits) through auto-detected import, from a fixed seed so a failure replays. Each must
// finish within a second, and either import or fail with a typed IMPORT_* AuthdeskError whose
// message is readable and quotes no secret or password. Encrypted seeds are few: their KDF
// dominates the run time, and past the KDF a mutation can only fail the tag check.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { AuthdeskError } from '../../../electron/core/errors.ts';
import { importData } from '../../../electron/core/transfer/index.ts';
import type { ImportResult } from '../../../electron/core/transfer/index.ts';
import { ENTRIES, PASSWORD, samples } from './samples.ts';

const TOTAL = 2_000;
const SEED = 0x5eed_2fa5;
const MAX_MS = 1_000;

interface Seed {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly password?: string;
  /** Mutations of this seed; encrypted seeds get a handful. */
  readonly runs: number;
}

// mulberry32: tiny, fast and deterministic.
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = prng(SEED);
const int = (n: number) => Math.floor(random() * n);
const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)] as T;

const ODD_VALUES: readonly unknown[] = [null, true, 0, -1, 1.5, 2 ** 31, 1e308, '', 'x'.repeat(5000), [], {}, [[[[]]]], { a: null }, '=====', 'otpauth://totp/x?secret=', 'steam://'];

function mutateJson(text: string): string | null {
  let doc: unknown;
  try {
    doc = JSON.parse(text) as unknown;
  } catch {
    return null;
  }
  // Collect every container/key pair, then edit one.
  const slots: [Record<string, unknown> | unknown[], string | number][] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) {
      node.forEach((v, i) => {
        slots.push([node, i]);
        walk(v);
      });
    } else if (node !== null && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        slots.push([node as Record<string, unknown>, k]);
        walk(v);
      }
    }
  };
  walk(doc);
  if (slots.length === 0) return null;
  const [parent, key] = pick(slots);
  const op = int(4);
  if (Array.isArray(parent)) {
    const i = key as number;
    if (op === 0) parent.splice(i, 1);
    else if (op === 1) parent.splice(i, 0, structuredClone(parent[i]));
    else parent[i] = pick(ODD_VALUES);
  } else {
    const k = key as string;
    if (op === 0) delete parent[k];
    else if (op === 1 && typeof parent[k] === 'string') parent[k] = (parent[k] as string).slice(0, int((parent[k] as string).length + 1));
    else if (op === 2 && typeof parent[k] === 'number') parent[k] = pick([0, -1, (parent[k] as number) * 1000, 2 ** 40, Number.MAX_SAFE_INTEGER]);
    else parent[k] = pick(ODD_VALUES);
  }
  return JSON.stringify(doc);
}

function mutate(bytes: Uint8Array): Uint8Array {
  const out = Buffer.from(bytes);
  switch (int(6)) {
    case 0: {
      for (let i = 1 + int(8); i > 0 && out.length > 0; i--) {
        const at = int(out.length);
        out[at] = (out[at] ?? 0) ^ (1 << int(8));
      }
      return out;
    }
    case 1:
      return out.subarray(0, int(out.length));
    case 2: {
      const at = int(out.length + 1);
      const insert = Buffer.from(Array.from({ length: 1 + int(16) }, () => pick([0x00, 0x22, 0x7b, 0x7d, 0x5b, 0x2c, 0x3a, 0x0a, 0xff, 0xc3, int(256)])));
      return Buffer.concat([out.subarray(0, at), insert, out.subarray(at)]);
    }
    case 3: {
      const at = int(out.length);
      return Buffer.concat([out.subarray(0, at), out.subarray(at + 1 + int(32))]);
    }
    default: {
      const edited = mutateJson(out.toString('utf8'));
      return edited === null ? mutate(bytes) : Buffer.from(edited, 'utf8');
    }
  }
}

const SHARED = new URL('../../../../shared/', import.meta.url);
const PLAIN_FIXTURES = [
  'aegis-fixtures/importers/plain.txt',
  'aegis-fixtures/importers/aegis_plain.json',
  'aegis-fixtures/importers/ente_auth.txt',
  'aegis-fixtures/importers/andotp_plain.json',
  'aegis-fixtures/importers/stratum_plain.json',
  'aegis-fixtures/importers/bitwarden.json',
  'aegis-fixtures/importers/bitwarden.csv',
  'aegis-fixtures/importers/freeotp_plus.json',
  'aegis-fixtures/importers/2fas_authenticator.json',
  'aegis-fixtures/importers/2fas_authenticator_plain_v4.2fas',
  'aegis-fixtures/importers/proton_authenticator.json',
  'aegis-fixtures/vault/aegis_plain_grouped_v2.json',
  'gnome-authenticator-fixtures/aegis_issuer_from_name.json',
];
const ENCRYPTED_FIXTURES = ['aegis-fixtures/importers/2fas_authenticator_encrypted_v4.2fas', 'aegis-fixtures/importers/andotp_encrypted.bin', 'aegis-fixtures/importers/stratum_encrypted_legacy.bin'];
// Aegis's scrypt costs ~100 ms an attempt, the others' PBKDF2 a few ms. Stratum's Argon2id
// (~450 ms, more when other suites share the cores) is left out: its parameters are
// constants, not read from the file, so a mutation cannot make it slower, and its header
// and AES-GCM tag handling are the same code paths the legacy Stratum seed reaches.
const ENCRYPTED_RUNS: Readonly<Record<string, number>> = { 'aegis encrypted': 4, 'stratum encrypted': 0 };

async function seeds(): Promise<Seed[]> {
  const list: Seed[] = (await samples()).map((s) => (s.password === undefined ? { name: s.name, bytes: s.bytes, runs: 0 } : { name: s.name, bytes: s.bytes, password: s.password, runs: ENCRYPTED_RUNS[s.name] ?? 12 }));
  for (const file of PLAIN_FIXTURES) {
    const url = new URL(file, SHARED);
    if (existsSync(url)) list.push({ name: file, bytes: readFileSync(url), runs: 0 });
  }
  for (const file of ENCRYPTED_FIXTURES) {
    const url = new URL(file, SHARED);
    if (existsSync(url)) list.push({ name: file, bytes: readFileSync(url), password: 'test', runs: 8 });
  }
  // Plain seeds share what the encrypted ones leave of the total.
  const plain = list.filter((s) => s.password === undefined);
  const left = TOTAL - list.reduce((n, s) => n + s.runs, 0);
  return list.map((s) => (s.password === undefined ? { ...s, runs: Math.floor(left / plain.length) + (plain.indexOf(s) < left % plain.length ? 1 : 0) } : s));
}

function secretFragments(): string[] {
  const secrets = ENTRIES.map((e) => e.otp.secret);
  const vectors = new URL('aegis-fixtures/expected_entries.json', SHARED);
  if (existsSync(vectors)) secrets.push(...(JSON.parse(readFileSync(vectors, 'utf8')) as { entries: { secret: string }[] }).entries.map((e) => e.secret));
  const fragments = new Set<string>([PASSWORD]);
  for (const s of secrets) for (let i = 0; i + 8 <= s.length; i++) fragments.add(s.slice(i, i + 8));
  return [...fragments];
}

function assertReadable(message: string, fragments: readonly string[], where: string): void {
  assert.ok(message.length > 10 && message.length < 600, `${where}: message length`);
  assert.doesNotMatch(message, /undefined|\[object|NaN|Unexpected token|at position/, `${where}: ${message}`);
  for (const f of fragments) assert.ok(!message.includes(f), `${where}: the message quotes secret material`);
}

function assertSane(result: ImportResult, fragments: readonly string[], where: string): void {
  for (const e of result.entries) {
    assert.match(e.otp.secret, /^[A-Z2-7]+$/, where);
    assert.ok(['totp', 'hotp', 'steam'].includes(e.otp.type), where);
  }
  for (const { index, message } of result.errors) {
    assert.ok(Number.isInteger(index) && index >= 0, where);
    assertReadable(message, fragments, where);
  }
}

test(`${TOTAL} mutated backups: no crash, typed errors without secrets, under ${MAX_MS} ms each`, { timeout: 120_000 }, async () => {
  const fragments = secretFragments();
  const all = await seeds();
  assert.equal(all.reduce((n, s) => n + s.runs, 0), TOTAL);
  const outcomes = new Map<string, number>();
  for (const seed of all) {
    for (let run = 0; run < seed.runs; run++) {
      const input = mutate(seed.bytes);
      const where = `${seed.name} #${run}`;
      const started = performance.now();
      try {
        const result = await importData(input, seed.password === undefined ? {} : { password: seed.password });
        assertSane(result, fragments, where);
        outcomes.set('imported', (outcomes.get('imported') ?? 0) + 1);
      } catch (error) {
        assert.ok(error instanceof AuthdeskError, `${where}: threw ${error instanceof Error ? error.name : typeof error}`);
        assert.match(error.code, /^IMPORT_/, where);
        // A library exception wrapped as IMPORT_MALFORMED is fine; one of ours is a bug.
        assert.ok(!(error.cause instanceof TypeError || error.cause instanceof RangeError || error.cause instanceof ReferenceError), `${where}: ${String(error.cause)}`);
        assertReadable(error.message, fragments, where);
        outcomes.set(error.code, (outcomes.get(error.code) ?? 0) + 1);
      }
      const elapsed = performance.now() - started;
      assert.ok(elapsed < MAX_MS, `${where}: took ${Math.round(elapsed)} ms`);
    }
  }
  // The mutations reach both sides: some files still import, others are refused.
  assert.ok((outcomes.get('imported') ?? 0) > 100 && (outcomes.get('IMPORT_MALFORMED') ?? 0) > 100, JSON.stringify([...outcomes]));
});
