// Runs in: main, tests (and the e2e harness and `npm run preview`).
//
// Copying a code, and the rule that takes it back off the clipboard: after the user's
// clipboardClearSeconds, when the vault locks and when the app quits, the clipboard is cleared
// only if it still holds the code Authdesk put there. Whatever the user copied since, from any
// app, is theirs and stays.
import type { Clipboard, Clock } from '../platform/ports.ts';

export class CodeClipboard {
  readonly #clipboard: Clipboard;
  readonly #clock: Clock;
  readonly #clearSeconds: () => number;
  /** The code last copied and not yet cleared, with its timer. */
  #held: { readonly text: string; readonly timer: { cancel(): void } } | null = null;

  constructor(clipboard: Clipboard, clock: Clock, clearSeconds: () => number) {
    this.#clipboard = clipboard;
    this.#clock = clock;
    this.#clearSeconds = clearSeconds;
  }

  /** Puts a code on the clipboard and starts its clear timer (a newer copy replaces it). */
  async copy(text: string): Promise<void> {
    this.#held?.timer.cancel();
    this.#held = null;
    await this.#clipboard.writeText(text);
    const timer = this.#clock.setTimeout(() => void this.clear(), this.#clearSeconds() * 1000);
    this.#held = { text, timer };
  }

  /** Clears the clipboard if it still holds the copied code; otherwise leaves it alone. */
  async clear(): Promise<void> {
    const held = this.#held;
    if (held === null) return;
    held.timer.cancel();
    this.#held = null;
    try {
      if ((await this.#clipboard.readText()) === held.text) await this.#clipboard.writeText('');
    } catch {
      // A clipboard the OS will not read or write cannot be cleared; timers and quit call
      // this without waiting, so there is nobody to tell, and nothing was put there since.
    }
  }
}
