// Runs in: tests. The Notifier port, recording every notice the core shows.
import type { Notice, Notifier } from '../../electron/core/platform/ports.ts';

export class RecordingNotifier implements Notifier {
  readonly shown: Notice[] = [];
  notify(notice: Notice): void {
    this.shown.push(notice);
  }
}
