// Runs in: main, CLI, tests.
//
// The "Authdesk encrypted backup": the vault's own envelope (Argon2id password slot,
// AES-256-GCM), sealed by core/vault's sealWithPassword with a fresh master key, holding only
// the OTP accounts and their groups. Profiles, credentials, sessions and device keys are left
// out: they belong to this installation and its enrolments, not to a portable backup.

import type { KdfParams } from '../../vault/kdf.ts';
import { emptyVaultData, type VaultData } from '../../vault/model.ts';
import { sealWithPassword } from '../../vault/password-seal.ts';

export interface AuthdeskExportOptions {
  /** Argon2id parameters; by default calibrated on this machine like a new vault's. */
  readonly kdf?: KdfParams;
}

/** The backup file's bytes (binary). The caller checks the password is acceptable. */
export async function exportAuthdeskBackup(data: Pick<VaultData, 'accounts' | 'groups'>, password: string, options: AuthdeskExportOptions = {}): Promise<Buffer> {
  const used = new Set(data.accounts.flatMap((a) => a.groupIds));
  const backup: VaultData = { ...emptyVaultData(), accounts: data.accounts, groups: data.groups.filter((g) => used.has(g.id)) };
  return sealWithPassword(backup, password, options.kdf === undefined ? {} : { kdf: options.kdf });
}
