// Runs in: tests (and the e2e harness and `npm run preview`).
//
// The Dialogs port with the user's answers scripted by the test: each picker takes the next
// answer queued for its kind (a path, or null for Cancel) and records what it was asked.
import type { Dialogs } from '../../electron/core/platform/ports.ts';

type Kind = 'openFile' | 'saveFile' | 'chooseFolder';

export class FakeDialogs implements Dialogs {
  readonly asked: { readonly kind: Kind; readonly title: string }[] = [];
  readonly #answers: Record<Kind, (string | null)[]> = { openFile: [], saveFile: [], chooseFolder: [] };

  /** The user's next answer to a picker of this kind: a path, or null to cancel. */
  answer(kind: Kind, path: string | null): void {
    this.#answers[kind].push(path);
  }

  openFile(options: { readonly title: string }): Promise<string | null> {
    return this.#take('openFile', options.title);
  }

  saveFile(options: { readonly title: string }): Promise<string | null> {
    return this.#take('saveFile', options.title);
  }

  chooseFolder(options: { readonly title: string }): Promise<string | null> {
    return this.#take('chooseFolder', options.title);
  }

  #take(kind: Kind, title: string): Promise<string | null> {
    this.asked.push({ kind, title });
    const next = this.#answers[kind].shift();
    // A picker nobody scripted is a test bug, not a cancel: say so instead of hanging or guessing.
    if (next === undefined) return Promise.reject(new Error(`FakeDialogs: no answer queued for ${kind} ("${title}")`));
    return Promise.resolve(next);
  }
}
