// Runs in: main.
//
// The one main window: opened at start, opened again when needed after it was closed (the
// macOS dock, a tray item, a notification, a link), and brought forward when it exists.
import type { BrowserWindow } from 'electron';

export interface WindowKeeper {
  /** The window, or null while none is open. */
  current(): BrowserWindow | null;
  /** Opens the window if none is open, restores it if minimised, and brings it forward. */
  show(): BrowserWindow;
}

export function keepMainWindow(create: () => BrowserWindow): WindowKeeper {
  let window: BrowserWindow | null = null;
  const open = (): BrowserWindow => {
    const created = create();
    created.on('closed', () => {
      if (window === created) window = null;
    });
    window = created;
    return created;
  };
  return {
    current: () => window,
    show() {
      if (window === null) return open();
      if (window.isMinimized()) window.restore();
      window.show();
      window.focus();
      return window;
    },
  };
}
