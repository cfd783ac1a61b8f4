// Runs in: main, tests. Never imports 'electron'.
//
// Where an opened link goes: staged in core (as a pasted link is) and shown in the window's add
// preview, where the person confirms; nothing is saved before. A link opened while the vault is
// locked waits here, in memory, the latest only, and is staged right after the next unlock.
//
// Note (link text): a link carries its account's secret. It is never logged and never put in
// an error: a link that cannot be read reaches the window as core's own error, which names no
// link (toWireError keeps only AuthdeskError messages).
import type { Core } from '../../core/app/core.ts';
import { isAuthdeskError, toWireError } from '../../core/errors.ts';

const SOURCE = 'the opened link';

export class LinkInbox {
  readonly #core: Pick<Core, 'vault' | 'staging' | 'shell'>;
  #waiting: string | null = null;

  constructor(core: Pick<Core, 'vault' | 'staging' | 'shell'>) {
    this.#core = core;
    core.vault.onStatus((status) => {
      if (status.state !== 'unlocked' || this.#waiting === null) return;
      const text = this.#waiting;
      this.#waiting = null;
      void this.#stage(text);
    });
  }

  /** Links opened together (one launch, one click): one preview. */
  open(links: readonly string[]): void {
    if (links.length > 0) void this.#stage(links.join('\n'));
  }

  async #stage(text: string): Promise<void> {
    try {
      const preview = await this.#core.staging.link(text, SOURCE);
      this.#core.shell.navigate({ screen: 'add', preview });
    } catch (error) {
      if (isAuthdeskError(error, 'VAULT_LOCKED')) {
        this.#waiting = text;
        return;
      }
      this.#core.shell.navigate({ screen: 'add', problem: toWireError(error) });
    }
  }
}
