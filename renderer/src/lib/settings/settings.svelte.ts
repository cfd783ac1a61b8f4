// Runs in: renderer.
//
// The preferences as the Settings screen edits them: loaded once, kept current by
// settings.onChange (another window, the CLI's file), saved one field at a time. Each field
// is checked as it is typed against the ranges core reads from the schema settings.update
// checks (settings.limits), so the window never sends a value core would refuse.
import type { EditableSettings, NumberSetting, SettingLimits, Settings } from '../../../../electron/core/api/types.ts';
import type { WireError } from '../../../../electron/core/errors.ts';
import { settle } from '../bridge.ts';

class SettingsState {
  current = $state<Settings | null>(null);
  limits = $state<SettingLimits | null>(null);
  loadError = $state<WireError | null>(null);
  /** The field whose save failed, and why. */
  saveError = $state<{ key: keyof EditableSettings; error: WireError } | null>(null);
  /** The field last saved, for its short "Saved" note. */
  saved = $state<keyof EditableSettings | null>(null);
  #savedTimer: ReturnType<typeof setTimeout> | undefined;

  async load(): Promise<void> {
    const [result, limits] = await Promise.all([settle(() => window.authdesk.settings.get()), settle(() => window.authdesk.settings.limits())]);
    if (result.status === 'ready') this.current = result.value;
    if (limits.status === 'ready') this.limits = limits.value;
    this.loadError = result.status === 'error' ? result.error : limits.status === 'error' ? limits.error : null;
  }

  /** Whether a typed value is a whole number core accepts for this setting. */
  accepts(key: NumberSetting, text: string): boolean {
    const range = this.limits?.[key];
    const value = Number(text);
    return range !== undefined && text.trim() !== '' && Number.isInteger(value) && value >= range.min && value <= range.max;
  }

  /** Follows changes made elsewhere; returns the unsubscribe. */
  follow(): () => void {
    return window.authdesk.settings.onChange((settings) => {
      this.current = settings;
    });
  }

  async save<K extends keyof EditableSettings>(key: K, value: EditableSettings[K]): Promise<void> {
    const result = await settle(() => window.authdesk.settings.update({ [key]: value }));
    if (result.status !== 'ready') {
      if (result.status === 'error') this.saveError = { key, error: result.error };
      return;
    }
    this.current = result.value;
    this.saveError = null;
    this.saved = key;
    clearTimeout(this.#savedTimer);
    this.#savedTimer = setTimeout(() => (this.saved = null), 2500);
  }
}

export const settingsState = new SettingsState();
