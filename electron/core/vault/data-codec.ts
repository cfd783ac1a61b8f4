// Runs in: main, CLI, tests.
//
// The plaintext inside the envelope: the VaultData as UTF-8 JSON. Decoded data is deeply
// frozen, so a caller cannot change the unlocked vault except through Vault.mutate (which
// writes first and only then adopts the new data).
import { AuthdeskError } from '../errors.ts';
import { openPayload, type ParsedEnvelope } from './envelope.ts';
import { migrate } from './migrations.ts';
import type { VaultData } from './model.ts';

// Note (nesting): nothing Authdesk writes is nested more than a few levels, but a payload
// that passed the GCM tag may still be hostile (an imported backup is the file of whoever
// sent it). The walk keeps its own stack, so no depth overflows the call stack, and decodeData
// refuses data nested deeper than any Authdesk writes before anything else walks it.
const MAX_DEPTH = 32;

/** Freezes value and everything in it; returns how deeply it is nested. */
function freezeDeep(value: unknown): number {
  let deepest = 0;
  const pending: [unknown, number][] = [[value, 0]];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [node, depth] = next;
    if (typeof node !== 'object' || node === null) continue;
    deepest = Math.max(deepest, depth + 1);
    for (const child of Object.values(node)) pending.push([child, depth + 1]);
    Object.freeze(node);
  }
  return deepest;
}

/** Deeply freezes decoded or newly created data (DataEncoder.encode freezes what it saves). */
export function freezeData(data: VaultData): VaultData {
  freezeDeep(data);
  return data;
}

const CHAR_COMMA = 0x2c;
const CHAR_OPEN_LIST = 0x5b;
const CHAR_CLOSE_LIST = 0x5d;
const CHAR_OPEN_OBJECT = 0x7b;
const CHAR_CLOSE_OBJECT = 0x7d;

function json(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value) ?? 'null', 'utf8');
}

interface EncodedList {
  readonly items: readonly unknown[];
  readonly parts: readonly Buffer[];
}

/**
 * Serialises VaultData to the same bytes as JSON.stringify, fast enough for every save.
 *
 * Note (JSON per item, cached): encode deep-freezes everything it writes, so an item it wrote
 * before is the same, unchangeable object when it comes back: its UTF-8 JSON from the previous
 * save is reused and a save serialises (and freezes) only the items a change replaced; with
 * 10,000 accounts that is most of the cost of a save. Freezing here rather than in a separate
 * pass saves a walk over every item. Items are matched by identity near their previous index
 * (the usual case), else through a lookup built only when needed. The cache holds plaintext:
 * it is zeroed as items leave the data, and entirely by clear().
 */
export class DataEncoder {
  #lists = new Map<string, EncodedList>();
  /** Reused output: one large allocation less per save, and one place to zero. */
  #scratch = Buffer.alloc(0);

  #encodeList(key: string, items: readonly unknown[]): Buffer[] {
    const previous = this.#lists.get(key);
    const taken = new Uint8Array(previous?.parts.length ?? 0);
    // Where item i sat in the previous list: i + shift while items are only replaced, added or
    // removed one at a time; a full index only after many misses (a re-sort).
    let shift = 0;
    let misses = 0;
    let indexOf: Map<unknown, number> | null = null;
    const find = (item: unknown, i: number): number => {
      if (!previous) return -1;
      const at = i + shift;
      if (previous.items[at] === item) return at;
      if (previous.items[at + 1] === item) {
        shift += 1;
        return at + 1;
      }
      if (previous.items[at - 1] === item) {
        shift -= 1;
        return at - 1;
      }
      if (++misses < 16) return -1;
      indexOf ??= new Map(previous.items.map((x, k) => [x, k]));
      return indexOf.get(item) ?? -1;
    };
    const parts = items.map((item, i) => {
      const j = find(item, i);
      const reused = j >= 0 && taken[j] === 0 ? previous?.parts[j] : undefined;
      if (reused) {
        taken[j] = 1;
        return reused;
      }
      freezeDeep(item);
      return json(item);
    });
    Object.freeze(items);
    previous?.parts.forEach((part, j) => {
      if (taken[j] === 0) part.fill(0);
    });
    this.#lists.set(key, { items, parts });
    return parts;
  }

  /**
   * The JSON of data, in a buffer that stays valid until the next encode or clear; the caller
   * zeroes it once used. Deep-freezes data: what was saved is what memory keeps.
   */
  encode(data: VaultData): Buffer {
    // Each key with the comma before it, then the value's JSON or a list's item parts.
    const pieces: (Buffer | readonly Buffer[])[] = [];
    let length = 2;
    const seen = new Set<string>();
    for (const [key, value] of Object.entries(data)) {
      if (value === undefined) continue;
      const head = Buffer.from(`${seen.size > 0 ? ',' : ''}${JSON.stringify(key)}:`, 'utf8');
      seen.add(key);
      length += head.length;
      if (Array.isArray(value)) {
        const parts = this.#encodeList(key, value);
        pieces.push(head, parts);
        length += 2 + Math.max(parts.length - 1, 0);
        for (const part of parts) length += part.length;
      } else {
        freezeDeep(value);
        const body = json(value);
        pieces.push(head, body);
        length += body.length;
      }
    }
    Object.freeze(data);
    for (const key of [...this.#lists.keys()]) if (!seen.has(key)) this.#drop(key);
    if (this.#scratch.length < length) {
      this.#scratch.fill(0);
      this.#scratch = Buffer.allocUnsafeSlow(Math.ceil(length * 1.25));
    }
    // Note (punctuation as bytes): one copy per list item instead of two; with 10,000 accounts
    // the copying calls are most of what encoding cached items costs.
    const out = this.#scratch;
    let at = 0;
    out[at++] = CHAR_OPEN_OBJECT;
    for (const piece of pieces) {
      if (piece instanceof Uint8Array) {
        out.set(piece, at);
        at += piece.length;
        continue;
      }
      out[at++] = CHAR_OPEN_LIST;
      for (let i = 0; i < piece.length; i++) {
        if (i > 0) out[at++] = CHAR_COMMA;
        const part = piece[i] as Buffer;
        out.set(part, at);
        at += part.length;
      }
      out[at++] = CHAR_CLOSE_LIST;
    }
    out[at++] = CHAR_CLOSE_OBJECT;
    return out.subarray(0, at);
  }

  #drop(key: string): void {
    for (const part of this.#lists.get(key)?.parts ?? []) part.fill(0);
    this.#lists.delete(key);
  }

  /** Zeroes every cached item and the output buffer. */
  clear(): void {
    for (const key of [...this.#lists.keys()]) this.#drop(key);
    this.#scratch.fill(0);
  }
}

export function encodeData(data: VaultData): Buffer {
  return Buffer.from(JSON.stringify(data), 'utf8');
}

/** Parses, migrates and freezes; zeroes the plaintext bytes afterwards. */
export function decodeData(plain: Buffer): VaultData {
  let parsed: unknown;
  try {
    parsed = JSON.parse(plain.toString('utf8'));
  } catch {
    throw new AuthdeskError('VAULT_DAMAGED', "The vault's contents could not be read (they are not valid JSON).");
  } finally {
    plain.fill(0);
  }
  const data = migrate(parsed);
  if (freezeDeep(data) > MAX_DEPTH) throw new AuthdeskError('VAULT_DAMAGED', "The vault's contents could not be read (they are nested deeper than Authdesk ever writes).");
  return data;
}

/** Decrypts the envelope's payload with the master key and decodes it; VAULT_DAMAGED if it does not authenticate. */
export function decryptData(envelope: ParsedEnvelope, masterKey: Uint8Array): VaultData {
  const plain = openPayload(envelope, masterKey);
  if (!plain) throw new AuthdeskError('VAULT_DAMAGED', 'The vault file is damaged (its encrypted data fails authentication).');
  return decodeData(plain);
}
