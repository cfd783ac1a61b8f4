// Runs in: main, tests. What Authdesk does with a notice from core, without Electron: the
// words as shown, which earlier notice a new one replaces, and what a click does.
//
// Note (shown whatever the window shows): main cannot tell which screen the window is on, and
// an approval request lasts a minute or two, so every notice is shown even while the window is
// focused: a banner too many costs less than a request missed. What keeps them few is that a
// newer notice about the same item (one challenge, one profile's session) replaces the older.
//
// Note (held until clicked): Electron forgets a click on a Notification it has garbage-collected,
// so main holds each shown one until it is clicked or closed. Some notification servers never
// report a close, so only the newest MAX_HELD are held; an older one is closed by main first.
// Change together with electron-notifier.ts.
import type { NavigateTarget } from '../../core/app/shell.ts';
import { cleanName } from '../../core/otp/names.ts';
import type { Notice, NoticeTarget } from '../../core/platform/ports.ts';

export const MAX_HELD = 20;
const MAX_TITLE = 100;
const MAX_BODY = 400;

/** A notice's words as the OS shows them: one line each, no invisible or reordering characters (they come partly from servers), bounded. */
export function noticeText(notice: Notice): { readonly title: string; readonly body: string } {
  return { title: bounded(notice.title, MAX_TITLE), body: bounded(notice.body, MAX_BODY) };
}

function bounded(text: string, max: number): string {
  const clean = cleanName(text);
  return clean.length <= max ? clean : `${clean.slice(0, max - 1).trimEnd()}…`;
}

/** The item a notice is about, so a newer notice on it replaces the older; null for one that stands alone (a device enrolled). */
export function noticeKey(target: NoticeTarget): string | null {
  if (target.screen === 'sessions') return `sessions:${target.profileId}`;
  return target.challengeId === undefined ? null : `approvals:${target.challengeId}`;
}

/** A click brings the window forward and shows the notice's item there (app/shell.ts takes it to the window once). */
export function routeClick(target: NoticeTarget, shell: { showWindow(): void; navigate(target: NavigateTarget): void }): void {
  shell.showWindow();
  shell.navigate(target);
}

export interface Closable {
  close(): void;
}

/** The notices shown and not yet clicked or closed, held so their clicks arrive (Note held until clicked). */
export class NoticeBoard<T extends Closable> {
  readonly #held: { readonly key: string | null; readonly item: T }[] = [];

  /** Holds item, closing the notice it replaces and the oldest beyond MAX_HELD. */
  add(key: string | null, item: T): void {
    const replaced = key === null ? -1 : this.#held.findIndex((entry) => entry.key === key);
    if (replaced >= 0) this.#closeAt(replaced);
    this.#held.push({ key, item });
    while (this.#held.length > MAX_HELD) this.#closeAt(0);
  }

  /** The notice was clicked or closed: let it go. */
  release(item: T): void {
    const at = this.#held.findIndex((entry) => entry.item === item);
    if (at >= 0) this.#held.splice(at, 1);
  }

  /** Closes every notice held (the vault locked). */
  closeAll(): void {
    while (this.#held.length > 0) this.#closeAt(0);
  }

  #closeAt(at: number): void {
    const [entry] = this.#held.splice(at, 1);
    entry?.item.close();
  }
}
