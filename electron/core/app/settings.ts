// Runs in: main, CLI, tests.
//
// The user's non-secret preferences (DESIGN §3), kept through the SettingsStore port: conf in
// the app and in the CLI, one JSON file beside the vault. The schema here is the one the
// contract validates settings.update against, so the window cannot store a value core refuses.
import * as v from 'valibot';
import type { SettingsStore } from '../platform/ports.ts';
import { isGlobalShortcut, MAX_ACCELERATOR } from './accelerator.ts';

export const THEMES = ['system', 'light', 'dark'] as const;

export const settingsShape = {
  /** Minutes without user activity before the vault locks itself. */
  autoLockMinutes: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(24 * 60)),
  /** Seconds before a copied code is cleared from the clipboard (if it is still there). */
  clipboardClearSeconds: v.pipe(v.number(), v.integer(), v.minValue(5), v.maxValue(600)),
  theme: v.picklist(THEMES),
  /** Lock the vault when the computer goes to sleep. */
  lockOnSuspend: v.boolean(),
  /** Lock the vault when the screen locks. */
  lockOnScreenLock: v.boolean(),
  /** How many automatic backups to keep; older ones are deleted. */
  backupCount: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100)),
  /** Push fatigue: more than this many challenges for one profile within approvalBurstMinutes collapse into one flagged item. */
  approvalBurstCount: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(50)),
  approvalBurstMinutes: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(60)),
  /** After this many denials or reports for one profile within approvalHoldMinutes, its challenges are held until opened. */
  approvalHoldDenials: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(50)),
  approvalHoldMinutes: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(24 * 60)),
  /** The global shortcut that shows the quick-search palette (an Electron accelerator); '' turns it off. */
  paletteShortcut: v.union([
    v.literal(''),
    v.pipe(v.string(), v.maxLength(MAX_ACCELERATOR), v.check(isGlobalShortcut, 'a shortcut with Ctrl, Alt, Super or Command and one key, or a function key')),
  ]),
} as const;

/**
 * Settings core keeps but the window cannot type: the backup folder is set only through the
 * OS folder picker main opens (backups.chooseFolder), so a window cannot aim backups at a path
 * of its choosing.
 */
export const internalSettingsShape = {
  /** Where automatic backups go; null until the user picks a folder (backups are off). */
  backupFolder: v.nullable(v.pipe(v.string(), v.minLength(1), v.maxLength(4096))),
} as const;

const everyShape = { ...settingsShape, ...internalSettingsShape };

/** The settings typed as whole numbers. */
export const NUMBER_SETTINGS = ['autoLockMinutes', 'clipboardClearSeconds', 'backupCount', 'approvalBurstCount', 'approvalBurstMinutes', 'approvalHoldDenials', 'approvalHoldMinutes'] as const;
export type NumberSetting = (typeof NUMBER_SETTINGS)[number];
export type SettingLimits = { readonly [K in NumberSetting]: { readonly min: number; readonly max: number } };

/**
 * The range each number setting's schema allows, read from the schema itself, so the window
 * checks what is typed against exactly what settings.update will accept.
 */
export function settingLimits(): SettingLimits {
  const bound = (key: NumberSetting, type: 'min_value' | 'max_value') =>
    (settingsShape[key].pipe.find((action) => action.type === type) as { requirement: number } | undefined)?.requirement ?? 0;
  return Object.fromEntries(NUMBER_SETTINGS.map((key) => [key, { min: bound(key, 'min_value'), max: bound(key, 'max_value') }])) as unknown as SettingLimits;
}

export type Settings = { readonly [K in keyof typeof everyShape]: v.InferOutput<(typeof everyShape)[K]> };
/** What settings.update accepts from the window. */
export type EditableSettings = { readonly [K in keyof typeof settingsShape]: Settings[K] };

export const DEFAULT_SETTINGS: Settings = {
  autoLockMinutes: 5,
  clipboardClearSeconds: 30,
  theme: 'system',
  lockOnSuspend: true,
  lockOnScreenLock: true,
  backupCount: 10,
  approvalBurstCount: 3,
  approvalBurstMinutes: 2,
  approvalHoldDenials: 3,
  approvalHoldMinutes: 15,
  paletteShortcut: 'CommandOrControl+Shift+Space',
  backupFolder: null,
};

const KEYS = Object.keys(everyShape) as (keyof Settings)[];

export class SettingsService {
  readonly #store: SettingsStore;
  readonly #listeners = new Set<(settings: Settings) => void>();

  constructor(store: SettingsStore) {
    this.#store = store;
  }

  /**
   * Every setting. One the file lacks, or holds in a shape this version refuses, is its
   * default, and so is everything when the file cannot be read at all: a damaged preferences
   * file must never keep the app from starting or the vault from opening.
   */
  get(): Settings {
    const entries = KEYS.map((key) => {
      let stored: unknown;
      try {
        stored = this.#store.get(key);
      } catch {
        stored = undefined;
      }
      const parsed = v.safeParse(everyShape[key], stored);
      return [key, parsed.success ? parsed.output : DEFAULT_SETTINGS[key]];
    });
    return Object.fromEntries(entries) as unknown as Settings;
  }

  /** Stores the given settings (already validated by the contract) and tells every listener. */
  update(patch: Partial<Settings>): Settings {
    for (const key of KEYS) if (patch[key] !== undefined) this.#store.set(key, patch[key]);
    const settings = this.get();
    for (const listener of this.#listeners) listener(settings);
    return settings;
  }

  onChange(listener: (settings: Settings) => void): () => void {
    this.#listeners.add(listener);
    return () => void this.#listeners.delete(listener);
  }
}
