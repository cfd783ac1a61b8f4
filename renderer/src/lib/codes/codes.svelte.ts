// Runs in: renderer.
//
// The Codes screen's data: accounts, groups and codes as main last sent them. Codes arrive
// pushed (codes.onCodes) at period boundaries and after changes; accounts and groups are
// listed again whenever main says they changed (accounts.onChange). Nothing here runs on a
// timer. See the note "codes push" in electron/core/api/events.ts.
//
// Note (first screen): the first paint waits for one screenful (accounts.firstScreen, asked by
// the preload as the window starts: electron/preload/start-calls.ts), never for the whole
// vault; the full list and every code follow in the background. Until they are here
// `complete` is false: the list is already as tall as `total` rows, searching and reordering
// wait (renderer/src/screens/Codes.svelte says so).
import type { AccountCode, AccountView, GroupView } from '../../../../electron/core/api/types.ts';
import type { WireError } from '../../../../electron/core/errors.ts';
import { settle } from '../bridge.ts';
import { afterFirstPaint } from '../ui/first-paint.ts';
import { mergeCodes, NO_CODES, type CodesById } from './code-merge.ts';

export class CodesData {
  // Big lists are replaced whole, never mutated: $state.raw keeps Svelte from proxying 5,000 objects.
  accounts = $state.raw<readonly AccountView[]>([]);
  groups = $state.raw<readonly GroupView[]>([]);
  /** By account id. Replaced whole on every push, never changed in place. */
  codes = $state.raw<CodesById>(NO_CODES);
  /** Something to show: the first screen or the whole list. */
  loaded = $state(false);
  /** The whole list is here (not only the first screen). */
  complete = $state(false);
  #firstTotal = $state(0);
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
      this.codes = NO_CODES;
      this.loaded = false;
      this.complete = false;
    };
  }

  /** How many accounts there are, known from the first screen before the whole list arrives. */
  get total(): number {
    return this.complete ? this.accounts.length : this.#firstTotal;
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
    this.#setCodes([code]);
  }

  async #first(): Promise<void> {
    const first = await settle(() => window.authdesk.start.firstScreen());
    if (this.#stopped) return;
    // A reload that a change started meanwhile has the whole list already.
    if (first.status === 'ready' && !this.complete) {
      this.#setCodes(first.value.codes);
      this.accounts = first.value.accounts;
      this.groups = first.value.groups;
      this.#firstTotal = first.value.total;
      this.loaded = true;
    }
    // Note "first paint first" (lib/ui/first-paint.ts): the whole list follows once the first screen is shown.
    await new Promise<void>((resolve) => afterFirstPaint(resolve));
    if (this.#stopped) return;
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
    if (accounts.status === 'ready') {
      this.accounts = accounts.value;
      this.complete = true;
    }
    if (groups.status === 'ready') this.groups = groups.value;
    this.loaded = true;
  }

  #setCodes(list: readonly AccountCode[]): void {
    this.codes = mergeCodes(this.codes, list);
  }
}
