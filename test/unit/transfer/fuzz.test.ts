// Runs in: tests.
//
// The importer fuzz: hostile inputs of every class (fuzz-cases.ts) through importData, as many
// as fit in a time budget. Each case must finish within a second (beyond what its intact file
// takes) and either import sane
// entries or fail with a typed IMPORT_* AuthdeskError whose message is readable and quotes no
// secret, password or hostile name: no crash, no other exception, no hang.
//
// AUTHDESK_FUZZ_SECONDS (default 40) sets the budget: about a minute in CI with setup, longer
// by hand. Case i of a run always draws the same input from AUTHDESK_FUZZ_SEED; a failure
// prints both, and AUTHDESK_FUZZ_CASE=i replays that one case.
//
// Note (KDF bounds): the crafted-KDF group relies on every format's KDF bounds (vault/kdf.ts,
// transfer/kdf-bounds): without them a crafted Argon2id header blocks the thread
// (WebAssembly) for minutes, and a test timeout cannot stop it.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { AuthdeskError } from '../../../electron/core/errors.ts';
import { importData } from '../../../electron/core/transfer/index.ts';
import type { ImportResult } from '../../../electron/core/transfer/index.ts';
import { generators, HOSTILE_MARK, seeded, type FuzzCase, type Generator } from './fuzz-cases.ts';
import { ENTRIES, PASSWORD } from './samples.ts';

const SECONDS = Number(process.env['AUTHDESK_FUZZ_SECONDS'] ?? 40);
const SEED = Number(process.env['AUTHDESK_FUZZ_SEED'] ?? 0x5eed_2fa5);
const ONLY = process.env['AUTHDESK_FUZZ_CASE'];
const MAX_MS = 1_000;
/** Longer than this is a hang: the case is reported rather than waited for. */
const HANG_MS = 10_000;

function secretFragments(): string[] {
  const secrets = ENTRIES.map((e) => e.otp.secret);
  const vectors = new URL('../../../../shared/aegis-fixtures/expected_entries.json', import.meta.url);
  if (existsSync(vectors)) secrets.push(...(JSON.parse(readFileSync(vectors, 'utf8')) as { entries: { secret: string }[] }).entries.map((e) => e.secret));
  const fragments = new Set<string>([PASSWORD, HOSTILE_MARK]);
  for (const s of secrets) for (let i = 0; i + 8 <= s.length; i++) fragments.add(s.slice(i, i + 8));
  return [...fragments];
}

function assertReadable(message: string, fragments: readonly string[], where: string): void {
  assert.ok(message.length > 10 && message.length < 600, `${where}: message length ${message.length}`);
  assert.doesNotMatch(message, /undefined|\[object|NaN|Unexpected token|at position/, `${where}: ${message}`);
  for (const f of fragments) assert.ok(!message.includes(f), `${where}: the message quotes secret material or a hostile name`);
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

/** Imports one case and checks the outcome; returns what it came to. */
async function runCase(input: FuzzCase, fragments: readonly string[], where: string): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${where}: no answer after ${HANG_MS} ms`)), HANG_MS);
  });
  try {
    const result = await Promise.race([importData(input.bytes, { format: input.format, ...(input.password === undefined ? {} : { password: input.password }) }), hang]);
    assertSane(result, fragments, where);
    return 'imported';
  } catch (error) {
    if (error instanceof assert.AssertionError) throw error;
    assert.ok(error instanceof AuthdeskError, `${where}: threw ${error instanceof Error ? `${error.name}: ${error.message.slice(0, 200)}` : typeof error}`);
    assert.match(error.code, /^IMPORT_/, where);
    // A library exception wrapped as IMPORT_MALFORMED is fine; one of ours is a bug.
    assert.ok(!(error.cause instanceof TypeError || error.cause instanceof RangeError || error.cause instanceof ReferenceError), `${where}: ${String(error.cause).slice(0, 200)}`);
    assertReadable(error.message, fragments, where);
    return error.code;
  } finally {
    clearTimeout(timer);
  }
}

/** Case i's generator: every one once first, then drawn by weight. */
function generatorOf(list: readonly Generator[], i: number, random: ReturnType<typeof seeded>): Generator {
  if (i < list.length) return list[i] as Generator;
  const total = list.reduce((n, g) => n + g.weight, 0);
  let at = random.int(1_000_000) / 1_000_000 * total;
  for (const g of list) {
    at -= g.weight;
    if (at < 0) return g;
  }
  return list[list.length - 1] as Generator;
}

async function fuzz(list: readonly Generator[], seconds: number, t: { diagnostic(message: string): void }, limitOf: (g: Generator, outcome: string) => number): Promise<Map<string, number>> {
  const fragments = secretFragments();
  const outcomes = new Map<string, number>();
  const perGenerator = new Map<string, number>();
  let slowest = { ms: 0, where: '' };
  // Beyond what the intact file takes: what hostile input itself costs.
  let slowestExtra = { ms: 0, where: '' };
  let cases = 0;
  const deadline = performance.now() + seconds * 1000;
  const indexes = ONLY === undefined ? null : [Number(ONLY)];
  for (let i = 0; indexes ? i < indexes.length : i < list.length || performance.now() < deadline; i++) {
    const index = indexes ? (indexes[i] as number) : i;
    // Each case from its own seed, so case i is the same whatever ran before it.
    const random = seeded((SEED + Math.imul(index, 0x9e3779b9)) >>> 0);
    const generator = generatorOf(list, index, random);
    const input = await generator.make(random);
    const where = `${generator.name} (case ${index}; replay: AUTHDESK_FUZZ_SEED=${SEED} AUTHDESK_FUZZ_CASE=${index})`;
    const started = performance.now();
    const outcome = await runCase(input, fragments, where);
    const elapsed = performance.now() - started;
    const limit = limitOf(generator, outcome);
    assert.ok(elapsed < limit, `${where}: took ${Math.round(elapsed)} ms (${outcome})`);
    if (elapsed > slowest.ms) slowest = { ms: elapsed, where: `${generator.name} as ${input.format}` };
    const extra = elapsed - (limit - MAX_MS);
    if (extra > slowestExtra.ms) slowestExtra = { ms: extra, where: `${generator.name} as ${input.format}` };
    outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    perGenerator.set(generator.name, (perGenerator.get(generator.name) ?? 0) + 1);
    cases++;
  }
  const peakMiB = Math.round(process.resourceUsage().maxRSS / 1024);
  t.diagnostic(`fuzz: ${cases} cases in ${seconds} s budget (seed ${SEED}), slowest ${Math.round(slowest.ms)} ms (${slowest.where}), most beyond its intact file ${Math.round(slowestExtra.ms)} ms (${slowestExtra.where}), peak RSS ${peakMiB} MiB, outcomes ${JSON.stringify(Object.fromEntries(outcomes))}`);
  return outcomes;
}

test(`importer fuzz, every format and class of hostile input, for ${SECONDS} s: typed errors without secrets, under ${MAX_MS} ms each`, { timeout: (SECONDS + 120) * 1000 }, async (t) => {
  const { core, originals } = await generators();
  // The intact files import. Compiling Argon2id's WebAssembly is not a case's cost (the first
  // round is untimed), and a mutation may take what its intact file takes plus MAX_MS: Stratum's
  // constant Argon2id alone is about half a second, more when the cores are shared.
  const baseline = new Map<FuzzCase, number>();
  for (const round of [0, 1]) {
    for (const original of originals) {
      const started = performance.now();
      assert.ok((await importData(original.bytes, { format: original.format, ...(original.password === undefined ? {} : { password: original.password }) })).entries.length > 0);
      if (round === 1) baseline.set(original, performance.now() - started);
    }
  }
  const outcomes = await fuzz(core, SECONDS, t, (g) => MAX_MS + (g.original === undefined ? 0 : (baseline.get(g.original) ?? 0)));
  if (ONLY !== undefined) return;
  // The cases reach both sides: some files still import, others are refused.
  assert.ok((outcomes.get('imported') ?? 0) > 100 && (outcomes.get('IMPORT_MALFORMED') ?? 0) > 100, JSON.stringify([...outcomes]));
});

// Parameters beyond a format's bounds are refused (IMPORT_MALFORMED) before any work; within
// them a file may cost what its own app's files cost (the key is derived, then the tag fails).
test('KDF bounds: crafted KDF parameters (Aegis scrypt, andOTP PBKDF2, Authdesk Argon2id) beyond the bounds are refused within a second', { timeout: 180_000 }, async (t) => {
  const { kdf } = await generators();
  const outcomes = await fuzz(kdf, Math.min(SECONDS, 20), t, (_, outcome) => (outcome === 'IMPORT_MALFORMED' ? MAX_MS : HANG_MS));
  if (ONLY === undefined) assert.ok((outcomes.get('IMPORT_MALFORMED') ?? 0) > 0, JSON.stringify([...outcomes]));
});
