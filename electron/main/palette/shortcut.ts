// Runs in: main.
//
// Holds the palette's global shortcut as the paletteShortcut setting says: registered after
// the app is ready, registered again when the setting changes (or when the same one, taken
// before, is saved again), released on quit. Every attempt is reported to the core, which
// tells the Settings screen, so a shortcut another app holds is visible where it is chosen.
//
// Note (taken shortcuts): globalShortcut.register returns false when the system refuses the
// shortcut: another app holds it on Windows and X11, or this desktop offers global shortcuts
// to no app. Some systems refuse silently (macOS when another app wins, Wayland without the
// GlobalShortcuts portal): nothing here can see that, and Settings shows it as registered.
import { app, globalShortcut } from 'electron';
import type { PaletteService, PaletteShortcutStatus } from '../../core/app/palette.ts';
import type { SettingsService } from '../../core/app/settings.ts';

export function holdPaletteShortcut(settings: SettingsService, palette: PaletteService, pressed: () => void): void {
  let held: PaletteShortcutStatus | null = null;

  const apply = (accelerator: string): void => {
    if (held?.accelerator === accelerator && held.state !== 'taken') return;
    if (held?.state === 'registered') globalShortcut.unregister(held.accelerator);
    let registered = false;
    if (accelerator !== '') {
      try {
        registered = globalShortcut.register(accelerator, pressed);
      } catch {
        // The setting's schema admits only accelerators Electron parses; a refusal is a refusal.
        registered = false;
      }
    }
    held = { accelerator, state: accelerator === '' ? 'off' : registered ? 'registered' : 'taken' };
    palette.reportShortcut(held);
  };

  apply(settings.get().paletteShortcut);
  settings.onChange((changed) => apply(changed.paletteShortcut));
  app.on('will-quit', () => globalShortcut.unregisterAll());
}
