// Runs in: renderer (the palette page).
//
// The quick-search palette's state: the vault's state, the accounts and profiles to search
// (kept current by events, so the shortcut finds them ready), the query and the chosen row.
// Choosing an account asks main to copy its code (the page never writes the clipboard);
// choosing a profile starts its login; either way the palette is dismissed at once.
import type { AccountView, GroupView, ProfileView, VaultState } from '../../../electron/core/api/types.ts';
import type { WireError } from '../../../electron/core/errors.ts';
import { settle } from '../lib/bridge.ts';
import { paletteIndex, rankPalette, type PaletteEntry, type PaletteIndex } from './rank.ts';

/** Rows listed at most: more than a glance takes in; typing another letter narrows them. */
export const SHOWN = 50;

const EMPTY: PaletteIndex = { items: [] };

class PaletteState {
  vault = $state<VaultState | 'loading'>('loading');
  index = $state.raw<PaletteIndex>(EMPTY);
  query = $state('');
  active = $state(0);
  error = $state<WireError | null>(null);
  readonly results = $derived(rankPalette(this.index, this.query, SHOWN));
  #accounts: readonly AccountView[] = [];
  #groups: readonly GroupView[] = [];
  #profiles: readonly ProfileView[] = [];
  #loads = 0;

  async load(): Promise<void> {
    const mine = ++this.#loads;
    const status = await settle(() => window.authdesk.vault.status());
    if (mine !== this.#loads) return;
    if (status.status !== 'ready') {
      this.error = status.status === 'error' ? status.error : null;
      return;
    }
    this.vault = status.value.state;
    if (this.vault === 'unlocked') await this.#loadEntries(mine);
  }

  async #loadEntries(mine: number): Promise<void> {
    const [accounts, groups, profiles] = await Promise.all([
      settle(() => window.authdesk.accounts.list()),
      settle(() => window.authdesk.accounts.groups()),
      settle(() => window.authdesk.profiles.list()),
    ]);
    if (mine !== this.#loads) return;
    if (accounts.status === 'ready') this.#accounts = accounts.value;
    if (groups.status === 'ready') this.#groups = groups.value;
    if (profiles.status === 'ready') this.#profiles = profiles.value;
    this.error = [accounts, groups, profiles].find((r) => r.status === 'error')?.error ?? null;
    this.#reindex();
  }

  #reindex(): void {
    this.index = paletteIndex(this.#accounts, this.#groups, this.#profiles);
    this.active = Math.min(this.active, Math.max(0, this.results.length - 1));
  }

  /** Follows the vault and the lists while the page lives; onShow runs each time main shows the palette. */
  follow(onShow: () => void): () => void {
    const stops = [
      window.authdesk.vault.onStatus((status) => {
        this.vault = status.state;
        // Locked: what the vault held leaves the page with it.
        if (status.state === 'unlocked') void this.load();
        else {
          this.#loads++;
          this.#accounts = [];
          this.#profiles = [];
          this.#groups = [];
          this.#reindex();
          this.reset();
        }
      }),
      window.authdesk.accounts.onChange(() => void this.load()),
      window.authdesk.profiles.onChange((profiles) => {
        this.#profiles = profiles;
        this.#reindex();
      }),
      window.authdesk.palette.onShow(() => {
        this.reset();
        onShow();
      }),
    ];
    return () => stops.forEach((stop) => stop());
  }

  reset(): void {
    this.query = '';
    this.active = 0;
    this.error = null;
  }

  search(query: string): void {
    this.query = query;
    this.active = 0;
    this.error = null;
  }

  /** Moves the highlighted row by, stopping at either end. */
  move(by: number): void {
    const last = this.results.length - 1;
    this.active = Math.max(0, Math.min(last, this.active + by));
  }

  async choose(entry: PaletteEntry | undefined): Promise<void> {
    if (entry === undefined) return;
    if (entry.kind === 'profile') {
      // The login goes on in main; a question it asks brings the main window forward.
      void settle(() => window.authdesk.sessions.login({ id: entry.profile.id }));
      return this.dismiss();
    }
    const copied = await settle(() => window.authdesk.codes.copy({ id: entry.account.id }));
    if (copied.status === 'error') {
      this.error = copied.error;
      return;
    }
    await this.dismiss();
  }

  async dismiss(): Promise<void> {
    this.reset();
    await settle(() => window.authdesk.shell.dismissPalette());
  }

  /** Locked, or no vault yet: the palette's one way on is the main window. */
  async openWindow(): Promise<void> {
    this.reset();
    await settle(() => window.authdesk.palette.openWindow());
  }
}

export const palette = new PaletteState();
