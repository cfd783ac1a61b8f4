// Runs in: tests (and the e2e harness and `npm run preview`).
//
// The screens as an in-memory port: what each screen shows (a PNG), set by the test, or the
// error the OS would give (permission withheld, the system's picker cancelled).
import type { ScreenCapture } from '../../electron/core/platform/ports.ts';

export class FakeScreens implements ScreenCapture {
  /** One PNG a screen; empty until a test puts something on them. */
  shows: readonly Uint8Array[] = [];
  /** Thrown by the next captures instead of returning them, while set. */
  failure: Error | null = null;
  captures = 0;

  async capture(): Promise<readonly Uint8Array[]> {
    this.captures++;
    if (this.failure) throw this.failure;
    return this.shows;
  }
}
