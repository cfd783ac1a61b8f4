// Runs in: main, tests (and the e2e harness and `npm run preview`).
//
// Note (navigation from the shell): a notification clicked, an otpauth:// link opened or a
// screen scanned for QR codes each asks the window to show something. Main may ask before the
// page has loaded (a link that started the app) or while it reloads, when an event would be
// lost, so the request waits here and the window takes it: on start, and whenever
// onNavigation says one is waiting. Taking it empties it, so it is shown exactly once.
// Change together with renderer/src/lib/nav/navigation.svelte.ts, which takes it.
import type { WireError } from '../errors.ts';
import type { NoticeTarget } from '../platform/ports.ts';
import type { StagedPreview } from './staging.ts';

export type NavigateTarget =
  | NoticeTarget
  /** Accounts read from a link or the screen, staged and waiting in the add preview. */
  | { readonly screen: 'add'; readonly preview: StagedPreview }
  /** A link that could not be read: the add dialog says why (the message never quotes the link). */
  | { readonly screen: 'add'; readonly problem: WireError };

export class ShellService {
  #waiting: NavigateTarget | null = null;
  readonly #navigation = new Set<() => void>();
  readonly #dismissals = new Set<() => void>();

  /** Asks the window to show target; a newer request replaces one not yet taken. */
  navigate(target: NavigateTarget): void {
    this.#waiting = target;
    for (const listener of this.#navigation) listener();
  }

  /** The waiting request, once; null when there is none. */
  take(): NavigateTarget | null {
    const target = this.#waiting;
    this.#waiting = null;
    return target;
  }

  /** A request is waiting: the window should take it. */
  onNavigation(listener: () => void): () => void {
    this.#navigation.add(listener);
    return () => void this.#navigation.delete(listener);
  }

  /** Drops a request not taken yet (the vault locked: its staged accounts are gone). */
  forget(): void {
    this.#waiting = null;
  }

  /** The quick-search palette is done (Esc, or a code copied): main hides it. */
  dismissPalette(): void {
    for (const listener of this.#dismissals) listener();
  }

  onPaletteDismiss(listener: () => void): () => void {
    this.#dismissals.add(listener);
    return () => void this.#dismissals.delete(listener);
  }
}
