// Runs in: main, tests. The `accounts` namespace's handlers.
import type { Core } from '../../app/core.ts';
import type { Account } from '../../vault/model.ts';
import type { Contract } from '../contract/index.ts';
import type { Handlers } from '../spec.ts';
import type { AccountView } from '../types.ts';

const isPicture = (icon: string | null): icon is string => icon !== null && icon.startsWith('data:');

/**
 * Field by field, never by spreading: a field added to Account must not reach the window unseen.
 * A picture stays behind (see AccountView.picture): 5,000 imported icons would make the list
 * hundreds of megabytes.
 */
function view(account: Account): AccountView {
  const { type, algorithm, digits, period } = account.otp;
  const picture = isPicture(account.icon);
  return {
    id: account.id,
    issuer: account.issuer,
    label: account.label,
    type,
    algorithm,
    digits,
    period,
    groupIds: account.groupIds,
    favourite: account.favourite,
    icon: picture ? null : account.icon,
    picture: picture ? account.updatedAt : null,
    note: account.note,
  };
}

export function accountsHandlers({ accounts, codes, vault }: Core): Handlers<Contract>['accounts'] {
  return {
    list: () => accounts.list().map(view),
    firstScreen: ({ count }) => {
      const first = accounts.firstShown(count);
      const used = new Set(accounts.list().flatMap((a) => a.groupIds));
      const groups = vault.unlocked().data().groups.filter((g) => used.has(g.id)).map(({ id, name }) => ({ id, name }));
      return { accounts: first.accounts.map(view), codes: codes.of(first.accounts), groups, total: first.total };
    },
    pictures: ({ ids }) => {
      const byId = new Map(accounts.list().map((a) => [a.id, a.icon]));
      return ids.map((id) => {
        const icon = byId.get(id) ?? null;
        return isPicture(icon) ? icon : null;
      });
    },
    groups: () => vault.unlocked().data().groups.map(({ id, name }) => ({ id, name })),
    edit: async ({ id, patch }) => view(await accounts.edit(id, patch)),
    remove: ({ id }) => accounts.remove(id),
    undoRemove: async ({ id }) => view(await accounts.undoRemove(id)),
    reorder: ({ ids }) => accounts.reorder(ids),
  };
}
