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
  #running: Promise<void> | null = null;
  #again = false;
  #stopped = false;

  /** Lists everything, then follows main's events; returns the unsubscribe. */
  start(): () => void {
    this.#stopped = false;
    const stops = [
      window.authdesk.codes.onCodes((codes) => this.#setCodes(codes)),
      window.authdesk.accounts.onChange(() => void this.reload()),
    ];
    void this.#first();
    return () => {
      this.#stopped = true;
      for (const stop of stops) stop();
      this.accounts = [];
      this.codes = {};
      this.loaded = false;
    };
  }

  /**
   * Lists accounts and groups again. Note (one reload at a time): a change while a reload is
   * under way queues one more, so a burst of changes costs two reloads, not one each, and an
   * older answer never overwrites a newer one. Codes need no reload: main pushes them after
   * every change.
   */
  reload(): Promise<void> {
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    const run = async (): Promise<void> => {
      do {
        this.#again = false;
        await this.#list();
      } while (this.#again && !this.#stopped);
    };
    this.#running = run().finally(() => (this.#running = null));
    return this.#running;
  }

  /** An account main just changed, shown before the reload that follows arrives. */
  replace(account: AccountView): void {
    this.accounts = this.accounts.map((a) => (a.id === account.id ? account : a));
  }

  /** An account main just removed or put back, likewise. */
  without(id: string): void {
    this.accounts = this.accounts.filter((a) => a.id !== id);
  }

  insert(account: AccountView, index: number): void {
    this.accounts = [...this.accounts.slice(0, index), account, ...this.accounts.slice(index)];
  }

  /** One code changed here (an HOTP code asked for), before main's push arrives. */
  put(code: AccountCode): void {
    this.codes = { ...this.codes, [code.id]: code };
  }

  async #first(): Promise<void> {
    const [codes] = await Promise.all([settle(() => window.authdesk.codes.list()), this.reload()]);
    if (this.#stopped) return;
    if (codes.status === 'ready') this.#setCodes(codes.value);
    else if (codes.status === 'error') this.error = codes.error;
  }

  async #list(): Promise<void> {
    const [accounts, groups] = await Promise.all([settle(() => window.authdesk.accounts.list()), settle(() => window.authdesk.accounts.groups())]);
    if (this.#stopped) return;
    const failed = [accounts, groups].find((r) => r.status === 'error');
    this.error = failed?.status === 'error' ? failed.error : null;
    if (accounts.status === 'ready') this.accounts = accounts.value;
    if (groups.status === 'ready') this.groups = groups.value;
    this.loaded = true;
  }

  #setCodes(list: readonly AccountCode[]): void {
    this.codes = Object.fromEntries(list.map((code) => [code.id, code]));
  }
}
