// Runs in: main, CLI, tests.
//
// Note (where a secret's bytes live): a Uint8Array of up to 64 bytes made by length
// (Buffer.alloc, allocUnsafeSlow, crypto.randomBytes, most libraries) keeps its bytes inside
// the V8 heap, where the garbage collector moves it and V8 moves the bytes out when native
// code asks for its buffer, each time leaving a copy behind that nothing can zero. Buffer.from
// of a string shares Node's pool. A buffer over its own ArrayBuffer stays where it is, so
// fill(0) wipes the one copy there is. Checked by test/integration/vault/memory-hygiene.test.ts.

/** Zeroed memory of its own for a key, a seed or a password: the caller fills it with zeros once used. */
export function secretBytes(size: number): Buffer<ArrayBuffer> {
  return Buffer.from(new ArrayBuffer(size));
}

/** The UTF-8 bytes of text in secretBytes (the string itself cannot be wiped). */
export function secretUtf8(text: string): Buffer<ArrayBuffer> {
  const bytes = secretBytes(Buffer.byteLength(text, 'utf8'));
  bytes.write(text, 'utf8');
  return bytes;
}
