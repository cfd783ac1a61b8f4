// Runs in: main, tests. The `accounts` namespace's handlers.
import type { Core } from '../../app/core.ts';
import type { Account } from '../../vault/model.ts';
import type { Contract } from '../contract/index.ts';
import type { Handlers } from '../spec.ts';
import type { AccountView } from '../types.ts';

/** Field by field, never by spreading: a field added to Account must not reach the window unseen. */
function view(account: Account): AccountView {
  const { type, algorithm, digits, period } = account.otp;
  return { id: account.id, issuer: account.issuer, label: account.label, type, algorithm, digits, period, groupIds: account.groupIds, favourite: account.favourite, icon: account.icon, note: account.note };
}

export function accountsHandlers({ accounts, vault }: Core): Handlers<Contract>['accounts'] {
  return {
    list: () => accounts.list().map(view),
    groups: () => vault.unlocked().data().groups.map(({ id, name }) => ({ id, name })),
    edit: async ({ id, patch }) => view(await accounts.edit(id, patch)),
    remove: ({ id }) => accounts.remove(id),
    undoRemove: async ({ id }) => view(await accounts.undoRemove(id)),
    reorder: ({ ids }) => accounts.reorder(ids),
  };
}
