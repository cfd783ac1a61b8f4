// Runs in: renderer.
//
// The Codes screen's data: accounts, groups and codes as main last sent them. Codes arrive
// pushed (codes.onCodes) at period boundaries and after changes; accounts and groups are
// listed again whenever main says they changed (accounts.onChange). Nothing here runs on a
// timer. See the note "codes push" in electron/core/api/events.ts.
import type { AccountCode, AccountView, GroupView } from '../../../../electron/core/api/types.ts';
import type { WireError } from '../../../../electron/core/errors.ts';
import { settle } from '../bridge.ts';

export class CodesData {
  // Big lists are replaced whole, never mutated: $state.raw keeps Svelte from proxying 5,000 objects.
  accounts = $state.raw<readonly AccountView[]>([]);
  groups = $state.raw<readonly GroupView[]>([]);
  /** By account id. A plain record, replaced whole on every push, never changed in place. */
  codes = $state.raw<Readonly<Record<string, AccountCode>>>({});
  loaded = $state(false);
  error = $state<WireError | null>(null);
  #generation = 0;

  /** Lists everything, then follows main's events; returns the unsubscribe. */
  start(): () => void {
    const stops = [
      window.authdesk.codes.onCodes((codes) => this.#setCodes(codes)),
      window.authdesk.accounts.onChange(() => void this.reload()),
    ];
    void this.reload();
    return () => {
      this.#generation++;
      for (const stop of stops) stop();
    };
  }

  /** Lists accounts, groups and codes again; an older answer never overwrites a newer one. */
  async reload(): Promise<void> {
    const mine = ++this.#generation;
    const [accounts, groups, codes] = await Promise.all([
      settle(() => window.authdesk.accounts.list()),
      settle(() => window.authdesk.accounts.groups()),
      settle(() => window.authdesk.codes.list()),
    ]);
    if (mine !== this.#generation) return;
    const failed = [accounts, groups, codes].find((r) => r.status === 'error');
    this.error = failed?.status === 'error' ? failed.error : null;
    if (accounts.status === 'ready') this.accounts = accounts.value;
    if (groups.status === 'ready') this.groups = groups.value;
    if (codes.status === 'ready') this.#setCodes(codes.value);
    this.loaded = true;
  }

  /** One code changed here (an HOTP code asked for), before main's push arrives. */
  put(code: AccountCode): void {
    this.codes = { ...this.codes, [code.id]: code };
  }

  #setCodes(list: readonly AccountCode[]): void {
    this.codes = Object.fromEntries(list.map((code) => [code.id, code]));
  }
}
