// Runs in: main, tests (and the e2e harness and `npm run preview`).
//
// What the quick-search palette and main tell each other through the core: whether the
// palette's global shortcut is held (main registers it; the Settings screen shows the outcome)
// and the locked palette's one action, opening the main window. Main listens; the window asks.
// Dismissal lives in ShellService (app/shell.ts) with the rest of the shell's requests.

export interface PaletteShortcutStatus {
  /** The accelerator from the setting, as main tried it; '' when the setting turns the shortcut off. */
  readonly accelerator: string;
  /** off: the setting is empty; registered: pressing it shows the palette; taken: the system refused it (another app holds it). */
  readonly state: 'off' | 'registered' | 'taken';
}

export class PaletteService {
  #shortcut: PaletteShortcutStatus | null = null;
  readonly #shortcutListeners = new Set<(status: PaletteShortcutStatus) => void>();
  readonly #openListeners = new Set<() => void>();

  /** The outcome of main's last registration; null where no desktop shell registers shortcuts (the CLI, a browser). */
  shortcut(): PaletteShortcutStatus | null {
    return this.#shortcut;
  }

  reportShortcut(status: PaletteShortcutStatus): void {
    this.#shortcut = status;
    for (const listener of this.#shortcutListeners) listener(status);
  }

  onShortcut(listener: (status: PaletteShortcutStatus) => void): () => void {
    this.#shortcutListeners.add(listener);
    return () => void this.#shortcutListeners.delete(listener);
  }

  /** The palette found the vault locked and the user pressed Enter: main brings the window forward. */
  openWindow(): void {
    for (const listener of this.#openListeners) listener();
  }

  onOpenWindow(listener: () => void): () => void {
    this.#openListeners.add(listener);
    return () => void this.#openListeners.delete(listener);
  }
}
