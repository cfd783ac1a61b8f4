// Runs in: renderer.
//
// Note (theme): colours are written once with CSS light-dark() (see app.css); the OS choice
// reaches them through color-scheme. An override only pins color-scheme on <html>, so
// "System" keeps following the OS live with no listener. Change together with app.css.

import type { Settings } from '../../../electron/core/api/types.ts';

/** Kept in main's settings (config.json), so it survives a restart. */
export type ThemePreference = Settings['theme'];

export const THEME_CHOICES: readonly { readonly value: ThemePreference; readonly label: string }[] = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

export function applyTheme(preference: ThemePreference, root: HTMLElement = document.documentElement): void {
  if (preference === 'system') delete root.dataset.theme;
  else root.dataset.theme = preference;
}
