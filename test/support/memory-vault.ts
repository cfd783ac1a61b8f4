// Runs in: tests.
//
// An in-memory VaultAccess: data is deeply frozen like the real vault's, and every save is
// recorded so tests can check what was on "disk" and when.
import type { VaultAccess } from '../../electron/core/accounts/vault-access.ts';
import { AuthdeskError } from '../../electron/core/errors.ts';
import { emptyVaultData } from '../../electron/core/vault/model.ts';
import type { VaultData } from '../../electron/core/vault/model.ts';

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

export class MemoryVault implements VaultAccess {
  saved: VaultData[] = [];
  locked = false;
  failNextSave = false;
  #data: VaultData;

  constructor(data: VaultData = emptyVaultData()) {
    this.#data = deepFreeze(data);
  }

  data(): VaultData {
    if (this.locked) throw new AuthdeskError('VAULT_LOCKED', 'The vault is locked.');
    return this.#data;
  }

  async mutate(fn: (draft: VaultData) => VaultData | Promise<VaultData>): Promise<VaultData> {
    const next = deepFreeze(await fn(this.data()));
    if (this.failNextSave) {
      this.failNextSave = false;
      throw new AuthdeskError('INTERNAL', 'The disk is full.');
    }
    this.saved.push(next);
    this.#data = next;
    return next;
  }
}
