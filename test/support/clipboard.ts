// Runs in: tests (and the e2e harness and `npm run preview`).
//
// The system clipboard as an in-memory port. `copiedElsewhere` is another app copying,
// so tests can show that Authdesk leaves a clipboard it no longer owns alone.
import type { Clipboard } from '../../electron/core/platform/ports.ts';

export class FakeClipboard implements Clipboard {
  text = '';
  image: Uint8Array | null = null;
  /** Every text written through the port, in order. */
  readonly writes: string[] = [];

  async readText(): Promise<string> {
    return this.text;
  }

  async writeText(text: string): Promise<void> {
    this.text = text;
    this.image = null;
    this.writes.push(text);
  }

  async readImage(): Promise<Uint8Array | null> {
    return this.image;
  }

  /** Another application puts text (or an image) on the clipboard. */
  copiedElsewhere(content: string | Uint8Array): void {
    if (typeof content === 'string') {
      this.text = content;
      this.image = null;
    } else {
      this.text = '';
      this.image = content;
    }
  }
}
