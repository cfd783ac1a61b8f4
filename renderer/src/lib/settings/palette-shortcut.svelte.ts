// Runs in: renderer.
//
// Whether main holds the palette's shortcut, as it last reported (core/app/palette.ts): read
// when the Settings screen opens and followed after, so saving a shortcut another app holds
// shows that at once. null where no desktop shell registers shortcuts (a browser preview).
import type { PaletteShortcutStatus } from '../../../../electron/core/api/types.ts';
import { settle } from '../bridge.ts';

class PaletteShortcutState {
  status = $state<PaletteShortcutStatus | null>(null);

  async load(): Promise<void> {
    const result = await settle(() => window.authdesk.palette.shortcut());
    if (result.status === 'ready') this.status = result.value;
  }

  follow(): () => void {
    return window.authdesk.palette.onShortcut((status) => {
      this.status = status;
    });
  }
}

export const paletteShortcutState = new PaletteShortcutState();
