// Runs in: tests.
//
// The inputs of the importer fuzz (fuzz.test.ts), one generator per class of hostile input:
// mutations of real backups of every format, a format forced onto another's file, deep
// nesting, huge fields and hostile names (in plain files and inside correctly encrypted
// payloads, where only the password holder could have put them), and crafted KDF parameters.
// A generator makes one case from a seeded random source, so a case replays from its seed.

import { existsSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { FORMAT_IDS } from '../../../electron/core/transfer/index.ts';
import type { FormatId } from '../../../electron/core/transfer/index.ts';
import { encodeEnvelope } from '../../../electron/core/vault/envelope.ts';
import { createPasswordSlot, newMasterKey } from '../../../electron/core/vault/key-slots.ts';
import { emptyVaultData } from '../../../electron/core/vault/model.ts';
import { CHEAP_KDF } from '../../support/vault.ts';
import { andOtpJson, ENTRIES, PASSWORD, samples, sealAndOtp, sealTwoFas, twoFasServices } from './samples.ts';
import { toVault } from './support.ts';

export interface Random {
  /** An integer in [0, n). */
  int(n: number): number;
  pick<T>(xs: readonly T[]): T;
}

export interface FuzzCase {
  /** The format named to importData: 'auto' lets detection choose. */
  readonly format: FormatId | 'auto';
  readonly bytes: Uint8Array;
  readonly password?: string;
}

export interface Generator {
  readonly name: string;
  /** How often it is drawn relative to the others (each runs at least once per run). */
  readonly weight: number;
  /** The intact file a generator changes, whose own import time a case may add to its budget. */
  readonly original?: FuzzCase;
  make(random: Random): Promise<FuzzCase>;
}

/** Marks every hostile name, so a test can tell whether a message quotes one. */
export const HOSTILE_MARK = 'h0stile';

// mulberry32: tiny, fast and deterministic.
export function seeded(seed: number): Random {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { int, pick: <T>(xs: readonly T[]) => xs[int(xs.length)] as T };
}

const utf8 = (s: string) => Buffer.from(s, 'utf8');

// ---- Mutations (bit flips, truncations, inserted and deleted bytes, JSON-aware edits) ----

const ODD_VALUES: readonly unknown[] = [null, true, 0, -1, 1.5, 2 ** 31, 1e308, '', 'x'.repeat(5000), [], {}, [[[[]]]], { a: null }, '=====', 'otpauth://totp/x?secret=', 'steam://'];

type Slot = [Record<string, unknown> | unknown[], string | number];

/** Every container/key pair of a JSON document. */
function slotsOf(doc: unknown): Slot[] {
  const slots: Slot[] = [];
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
  return slots;
}

function parsed(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(Buffer.from(bytes).toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

function mutateJson(doc: unknown, random: Random): string | null {
  const slots = slotsOf(doc);
  if (slots.length === 0) return null;
  const [parent, key] = random.pick(slots);
  const op = random.int(4);
  if (Array.isArray(parent)) {
    const i = key as number;
    if (op === 0) parent.splice(i, 1);
    else if (op === 1) parent.splice(i, 0, structuredClone(parent[i]));
    else parent[i] = random.pick(ODD_VALUES);
  } else {
    const k = key as string;
    const value = parent[k];
    if (op === 0) delete parent[k];
    else if (op === 1 && typeof value === 'string') parent[k] = value.slice(0, random.int(value.length + 1));
    else if (op === 2 && typeof value === 'number') parent[k] = random.pick([0, -1, value * 1000, 2 ** 40, Number.MAX_SAFE_INTEGER]);
    else parent[k] = random.pick(ODD_VALUES);
  }
  return JSON.stringify(doc);
}

function mutate(bytes: Uint8Array, random: Random): Uint8Array {
  const out = Buffer.from(bytes);
  switch (random.int(6)) {
    case 0: {
      for (let i = 1 + random.int(8); i > 0 && out.length > 0; i--) {
        const at = random.int(out.length);
        out[at] = (out[at] ?? 0) ^ (1 << random.int(8));
      }
      return out;
    }
    case 1:
      return out.subarray(0, random.int(out.length));
    case 2: {
      const at = random.int(out.length + 1);
      const insert = Buffer.from(Array.from({ length: 1 + random.int(16) }, () => random.pick([0x00, 0x22, 0x7b, 0x7d, 0x5b, 0x2c, 0x3a, 0x0a, 0xff, 0xc3, random.int(256)])));
      return Buffer.concat([out.subarray(0, at), insert, out.subarray(at)]);
    }
    case 3: {
      const at = random.int(out.length);
      return Buffer.concat([out.subarray(0, at), out.subarray(at + 1 + random.int(32))]);
    }
    default: {
      const doc = parsed(out);
      const edited = doc === undefined ? null : mutateJson(doc, random);
      return edited === null ? mutate(bytes, random) : utf8(edited);
    }
  }
}

// ---- Hostile values: deep nesting, huge fields, hostile names ----

const DEEP = 100_000;

function deepJson(random: Random): string {
  const [open, close] = random.pick([['[', ']'], ['{"a":', '}'], ['[{"x":', '}]']] as const);
  return open.repeat(DEEP) + random.pick(['1', '"s"', 'null', '[]']) + close.repeat(DEEP);
}

function hugeString(random: Random): string {
  const size = (1 + random.int(4)) * 1024 * 1024;
  return random.pick([
    () => 'A'.repeat(size),
    () => 'JBSWY3DPEHPK3PXP'.repeat(size / 16),
    () => 'é€😀'.repeat(size / 9),
    () => '%41'.repeat(size / 3),
    () => '\\u0041'.repeat(size / 6),
  ])();
}

/** Names an attacker would pick: control characters, bidi overrides, length, broken UTF-16. */
function hostileName(random: Random): string {
  const core = random.pick([
    '\u0000\u0001\u0007\u001b[31m\u007f',
    '\u202egnp.exe\u202c',
    '\u2066\u2067\u2068\u2069\u200e\u200f\u061c',
    '\u200b\u200d\ufeff\u2028\u2029',
    '\ud800',
    'x\udfff\ud800y',
    '\r\n\t\v\f',
    '../../etc/passwd',
    '<script>alert(1)</script>',
    '%00%ff%c0%80',
    '\u0301\u0301\u0301\u0301',
  ]);
  return `${core}${HOSTILE_MARK}${random.int(2) === 0 ? core.repeat(1 + random.int(5000)) : ''}`;
}

/** A hostile name's UTF-8, sometimes with bytes no UTF-8 encoder writes. */
function hostileBytes(random: Random): Buffer {
  const name = utf8(hostileName(random));
  if (random.int(2) === 0) return name;
  const bad = Buffer.from(random.pick([[0xff], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xe2, 0x82]]));
  return Buffer.concat([bad, name, bad]);
}

type Plant = 'deep' | 'huge' | 'hostile';

/** Raw bytes for where a value goes in JSON: a JSON value, or bytes inside a string literal. */
function plantJson(doc: unknown, plant: Plant, random: Random): Uint8Array | null {
  const slots = slotsOf(doc);
  const strings = slots.filter(([parent, key]) => typeof (parent as Record<string, unknown>)[key] === 'string');
  const targets = plant === 'deep' ? slots : strings;
  if (targets.length === 0) return null;
  const [parent, key] = random.pick(targets);
  const marker = `\u0000marker${random.int(1e9)}\u0000`;
  (parent as Record<string, unknown>)[key] = marker;
  const [before, after] = JSON.stringify(doc).split(JSON.stringify(marker)) as [string, string];
  if (plant === 'deep') return utf8(before + deepJson(random) + after);
  if (plant === 'huge') return utf8(before + JSON.stringify(hugeString(random)) + after);
  // Escaped, a lone surrogate survives as \ud800; raw, it would become U+FFFD in UTF-8.
  if (random.int(2) === 0) return utf8(before + JSON.stringify(hostileName(random)) + after);
  return Buffer.concat([utf8(`${before}"`), hostileBytes(random), utf8(`"${after}`)]);
}

/** The same for line-based formats (otpauth links, Ente, Google, Bitwarden CSV): into a line. */
function plantText(text: string, plant: Plant, random: Random): Uint8Array {
  const lines = text.split('\n');
  const i = random.int(lines.length);
  const line = lines[i] ?? '';
  const at = random.pick([line.indexOf('/', 15) + 1, line.indexOf('=') + 1, line.indexOf('&') + 1, random.int(line.length + 1)].filter((x) => x > 0).concat(line.length));
  const insert = plant === 'deep' ? utf8(random.int(2) === 0 ? encodeURIComponent(deepJson(random).slice(0, 20_000)) : deepJson(random)) : plant === 'huge' ? utf8(hugeString(random)) : hostileBytes(random);
  const head = utf8([...lines.slice(0, i), line.slice(0, at)].join('\n'));
  const tail = utf8([line.slice(at), ...lines.slice(i + 1)].join('\n'));
  return Buffer.concat([head, insert, tail]);
}

// ---- Crafted KDF parameters ----

const U32_EDGES = [0, 1, 2, 3, 7, 8, 255, 256, 1023, 1024, 65_535, 65_536, 2 ** 20, 2 ** 24, 2 ** 30, 2 ** 31 - 1, 2 ** 31, 2 ** 32 - 1];
const NUMBER_EDGES: readonly unknown[] = [...U32_EDGES, -1, 1.5, 2 ** 53, 1e308, -0, '1024', null, []];

/** Half the time a value from anywhere, half the time one a plausible file could hold: the costly corner. */
function param<T>(random: Random, wild: readonly T[], plausible: readonly T[]): T {
  return random.pick(random.int(2) === 0 ? wild : plausible);
}

function aegisCrafted(base: Uint8Array, random: Random): Uint8Array {
  const doc = parsed(base) as { header: { slots: Record<string, unknown>[] } };
  const slot = doc.header.slots.find((s) => s['type'] === 1) ?? {};
  const slots = Array.from({ length: 1 + random.int(8) }, () => ({
    ...slot,
    n: param(random, NUMBER_EDGES, [2 ** 14, 2 ** 15, 2 ** 16, 2 ** 17, 2 ** 20]),
    r: param(random, NUMBER_EDGES, [1, 8, 16, 32]),
    p: param(random, NUMBER_EDGES, [1, 2, 4, 8, 16]),
  }));
  return utf8(JSON.stringify({ ...doc, header: { ...doc.header, slots } }));
}

function andOtpCrafted(base: Uint8Array, random: Random): Uint8Array {
  const out = Buffer.from(base);
  out.writeUInt32BE(param(random, U32_EDGES, [140_000, 160_000, 500_000, 999_999, 1_000_000, 1_000_001]), 0);
  return out;
}

// Offsets in the envelope (docs/vault-format.md): magic, version, header length, slot count,
// slot type and length, salt, then memory, iterations and parallelism as u32.
const ENVELOPE_PREFIX = 8 + 2 + 4;
const KDF_AT = ENVELOPE_PREFIX + 1 + 3 + 16;

function authdeskCrafted(base: Uint8Array, random: Random): Uint8Array {
  const out = Buffer.from(base);
  out.writeUInt32BE(param(random, U32_EDGES, [64 * 1024, 256 * 1024, 1024 * 1024, 4 * 1024 * 1024, 4 * 1024 * 1024 + 1]), KDF_AT);
  out.writeUInt32BE(param(random, U32_EDGES, [1, 3, 10, 100, 1000, 1001]), KDF_AT + 4);
  out.writeUInt32BE(param(random, [0, 256, 2 ** 24, 2 ** 32 - 1], [1, 4, 255]), KDF_AT + 8);
  // A hostile file has a matching checksum: only the GCM tag and the bounds can stop it.
  const digestAt = ENVELOPE_PREFIX + out.readUInt32BE(8 + 2);
  createHash('sha256').update(out.subarray(0, digestAt)).digest().copy(out, digestAt);
  return out;
}

// ---- The generators ----

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

interface Base {
  readonly name: string;
  /** 'auto' for third-party fixtures, which are named by file. */
  readonly format: FormatId | 'auto';
  readonly bytes: Uint8Array;
  readonly password?: string;
}

/** The VaultData JSON an Authdesk backup of ENTRIES holds. */
function authdeskPlain(): Uint8Array {
  const { accounts, groups } = toVault(ENTRIES);
  return utf8(JSON.stringify({ ...emptyVaultData(), accounts, groups }));
}

async function sealAuthdesk(plain: Uint8Array): Promise<Buffer> {
  const masterKey = newMasterKey();
  try {
    return encodeEnvelope([await createPasswordSlot(PASSWORD, masterKey, CHEAP_KDF)], masterKey, plain);
  } finally {
    masterKey.fill(0);
  }
}

async function bases(): Promise<Base[]> {
  const list: Base[] = (await samples()).map((s) => ({ name: s.name, format: s.format, bytes: s.bytes, ...(s.password === undefined ? {} : { password: s.password }) }));
  list.push({ name: 'authdesk backup', format: 'authdesk', bytes: await sealAuthdesk(authdeskPlain()), password: PASSWORD });
  const fixture = (file: string) => new URL(file, SHARED);
  for (const file of PLAIN_FIXTURES) if (existsSync(fixture(file))) list.push({ name: file, format: 'auto', bytes: readFileSync(fixture(file)) });
  for (const file of ENCRYPTED_FIXTURES) if (existsSync(fixture(file))) list.push({ name: file, format: 'auto', bytes: readFileSync(fixture(file)), password: 'test' });
  return list;
}

// Note (weights): a case costs what its KDF costs. Aegis's scrypt is ~100 ms, Stratum's
// Argon2id ~450 ms (its parameters are constants, not read from the file, so a mutation
// cannot make it slower), PBKDF2 a few ms, plain files well under a millisecond.
const SLOW: Readonly<Record<string, number>> = { 'aegis encrypted': 0.05, 'stratum encrypted': 0.01 };

/** Payloads encrypted correctly under PASSWORD: hostile content past a valid KDF and tag. */
const SEALED: readonly { name: string; format: FormatId; plain: () => Uint8Array; seal: (plain: Uint8Array) => Uint8Array | Promise<Uint8Array> }[] = [
  { name: '2fas encrypted', format: '2fas', plain: () => utf8(JSON.stringify(twoFasServices())), seal: sealTwoFas },
  { name: 'andotp encrypted', format: 'andotp', plain: () => utf8(andOtpJson()), seal: sealAndOtp },
  { name: 'authdesk backup', format: 'authdesk', plain: authdeskPlain, seal: sealAuthdesk },
];

/** Plants into any base: JSON-aware where the file is JSON, into a line where it is text. */
function planted(base: Base, plant: Plant, random: Random): Uint8Array {
  const doc = parsed(base.bytes);
  const json = doc === undefined ? null : plantJson(doc, plant, random);
  return json ?? plantText(Buffer.from(base.bytes).toString('utf8'), plant, random);
}

export interface Generators {
  readonly core: Generator[];
  /** Crafted KDF parameters (fuzz.test.ts, Note (KDF bounds)). */
  readonly kdf: Generator[];
  /** The intact files the mutations start from: each imports. */
  readonly originals: FuzzCase[];
}

export async function generators(): Promise<Generators> {
  const all = await bases();
  const plain = all.filter((b) => b.password === undefined);
  const originals = all.map((b): FuzzCase => ({ format: b.format, bytes: b.bytes, ...(b.password === undefined ? {} : { password: b.password }) }));
  const core: Generator[] = all.map((base, i) => ({
    name: `mutated ${base.name}`,
    weight: SLOW[base.name] ?? (base.password === undefined ? 1 : 0.3),
    original: originals[i] as FuzzCase,
    make: async (random) => ({ format: random.int(4) === 0 ? base.format : 'auto', bytes: mutate(base.bytes, random), ...(base.password === undefined ? {} : { password: base.password }) }),
  }));
  core.push({
    name: 'a format forced onto another format’s file',
    weight: 3,
    make: async (random) => ({ format: random.pick(FORMAT_IDS), bytes: random.pick(plain).bytes, password: PASSWORD }),
  });
  for (const plant of ['deep', 'huge', 'hostile'] as const) {
    const label = { deep: `nesting ${DEEP} deep`, huge: 'a field of megabytes', hostile: 'hostile names' }[plant];
    core.push({ name: `${label} in a plain file`, weight: plant === 'hostile' ? 3 : 1, make: async (random) => ({ format: 'auto', bytes: planted(random.pick(plain), plant, random) }) });
    for (const sealed of SEALED) {
      core.push({
        name: `${label} inside a valid ${sealed.name}`,
        weight: 0.5,
        make: async (random) => ({ format: sealed.format, bytes: await sealed.seal(plantJson(parsed(sealed.plain()), plant, random) ?? sealed.plain()), password: PASSWORD }),
      });
    }
  }
  const base = (name: string) => all.find((b) => b.name === name)?.bytes ?? new Uint8Array();
  // Only these formats read KDF parameters from the file: 2FAS (PBKDF2, 10,000 rounds) and
  // Stratum (Argon2id; PBKDF2 for legacy files) use constants, which no file can change.
  const kdf: Generator[] = [
    { name: 'crafted scrypt parameters in an Aegis vault', weight: 1, make: async (random) => ({ format: 'aegis', bytes: aegisCrafted(base('aegis encrypted'), random), password: PASSWORD }) },
    { name: 'crafted PBKDF2 rounds in an andOTP backup', weight: 1, make: async (random) => ({ format: 'andotp', bytes: andOtpCrafted(base('andotp encrypted'), random), password: PASSWORD }) },
    { name: 'crafted Argon2id parameters in an Authdesk backup', weight: 1, make: async (random) => ({ format: 'authdesk', bytes: authdeskCrafted(base('authdesk backup'), random), password: PASSWORD }) },
  ];
  return { core, kdf, originals };
}
