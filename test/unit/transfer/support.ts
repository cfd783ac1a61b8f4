// Runs in: tests.
//
// Turns imported entries into vault Accounts and Groups the way an import into the vault
// would (group names become Group records), so exporters can be tested on their real input.

import type { ImportedEntry } from '../../../electron/core/transfer/index.ts';
import type { Account, Group } from '../../../electron/core/vault/model.ts';

export function toVault(entries: readonly ImportedEntry[]): { accounts: Account[]; groups: Group[] } {
  const groups = new Map<string, Group>();
  const groupId = (name: string) => {
    const existing = groups.get(name);
    if (existing) return existing.id;
    const group = { id: `00000000-0000-4000-9000-${String(groups.size + 1).padStart(12, '0')}`, name };
    groups.set(name, group);
    return group.id;
  };
  const accounts = entries.map((e, i) => ({
    // UUID-shaped so the Aegis exporter keeps them and exports are the same on every run.
    id: `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
    issuer: e.issuer,
    label: e.label,
    otp: e.otp,
    groupIds: (e.groups ?? []).map(groupId),
    favourite: e.favourite ?? false,
    icon: e.icon ?? null,
    note: e.note ?? '',
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
  }));
  return { accounts, groups: [...groups.values()] };
}

/** What an entry means to a user, with absent and empty extras treated alike. */
export function userView(e: ImportedEntry): unknown {
  return { issuer: e.issuer, label: e.label, otp: e.otp, groups: [...(e.groups ?? [])].sort(), favourite: e.favourite ?? false, note: e.note ?? '', icon: e.icon ?? null };
}
