// Runs in: tests. The vault side of the test kit: a cheap KDF, temporary vaults, a fake
// keychain and account fixtures.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { after } from 'node:test';
import type { KdfParams } from '../../electron/core/vault/kdf.ts';
import type { KeychainInfo, KeyProtector, Unsealed } from '../../electron/core/platform/ports.ts';
import type { Account } from '../../electron/core/vault/model.ts';

/** Argon2id at its cheapest, so each unlock in a test takes about a millisecond. */
export const CHEAP_KDF: KdfParams = { memoryKiB: 64, iterations: 1, parallelism: 1 };
export const PASSWORD = 'correct horse battery staple';

/** A fresh folder removed after the test file; returns the vault path inside it. */
export async function tempVaultPath(cleanup: typeof after): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'authdesk-vault-'));
  cleanup(() => rm(dir, { recursive: true, force: true }));
  return join(dir, 'vault.authdesk');
}

/**
 * A stand-in for safeStorage: XOR with a fixed pad, enough to prove the slot round-trips. Each
 * sealed value starts with the key version that sealed it ("v11"), as Chromium's does.
 */
export class FakeKeyProtector implements KeyProtector {
  readonly #info: KeychainInfo;
  #pad = 0x5a;
  #version = 0x31;
  /** Set by a test: the next encryptions fail, as a keychain that is busy or locked does. */
  encryptFails = false;

  constructor(info: KeychainInfo = { available: true, backend: 'gnome_libsecret', secure: true }) {
    this.#info = info;
  }

  async info(): Promise<KeychainInfo> {
    return this.#info;
  }

  async encrypt(plain: Uint8Array): Promise<Uint8Array> {
    if (this.encryptFails) throw new Error('The keychain refused to encrypt.');
    return Uint8Array.from([0x76, 0x31, this.#version, ...plain.map((b) => b ^ this.#pad)]);
  }

  async decrypt(sealed: Uint8Array): Promise<Unsealed> {
    return { plain: sealed.subarray(3).map((b) => b ^ this.#pad), stale: sealed[2] !== this.#version };
  }

  /** As if the OS keychain lost or replaced its key. */
  rotate(): void {
    this.#pad ^= 0xff;
  }

  /**
   * As if the OS keychain moved to a new key version but can still open what the old one
   * sealed: decrypting such a value says it is stale (Electron's shouldReEncrypt).
   */
  upgrade(): void {
    this.#version += 1;
  }
}

export function account(id: string, secret: string): Account {
  return {
    id,
    issuer: 'Example',
    label: `user-${id}@example.com`,
    otp: { type: 'totp', secret, algorithm: 'SHA1', digits: 6, period: 30, counter: 0 },
    groupIds: [],
    favourite: false,
    icon: null,
    note: '',
    createdAt: 0,
    updatedAt: 0,
  };
}
