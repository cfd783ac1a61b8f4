// Runs in: tests. The vault side of the test kit: a cheap KDF, temporary vaults, a fake
// keychain and account fixtures.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { after } from 'node:test';
import type { KdfParams } from '../../electron/core/vault/kdf.ts';
import type { KeychainInfo, KeyProtector } from '../../electron/core/platform/ports.ts';
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

/** A stand-in for safeStorage: XOR with a fixed pad, enough to prove the slot round-trips. */
export class FakeKeyProtector implements KeyProtector {
  readonly #info: KeychainInfo;
  #pad = 0x5a;

  constructor(info: KeychainInfo = { available: true, backend: 'gnome_libsecret', secure: true }) {
    this.#info = info;
  }

  async info(): Promise<KeychainInfo> {
    return this.#info;
  }

  async encrypt(plain: Uint8Array): Promise<Uint8Array> {
    return Uint8Array.from([0x76, 0x31, 0x31, ...plain.map((b) => b ^ this.#pad)]);
  }

  async decrypt(sealed: Uint8Array): Promise<Uint8Array> {
    return sealed.subarray(3).map((b) => b ^ this.#pad);
  }

  /** As if the OS keychain lost or replaced its key. */
  rotate(): void {
    this.#pad ^= 0xff;
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
