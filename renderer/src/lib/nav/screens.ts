// Runs in: renderer.
import type { IconName } from '../icons.ts';

export type ScreenId = 'codes' | 'approvals' | 'sessions' | 'settings';

export interface ScreenEntry {
  readonly id: ScreenId;
  readonly label: string;
  readonly icon: IconName;
  /** One line under the screen's title: what lives there. */
  readonly summary: string;
}

/** In sidebar order; Ctrl/Cmd+1..4 follow this order. */
export const SCREENS: readonly ScreenEntry[] = [
  { id: 'codes', label: 'Codes', icon: 'codes', summary: 'Live one-time codes for your accounts.' },
  { id: 'approvals', label: 'Approvals', icon: 'approvals', summary: 'Sign-in requests waiting for your answer.' },
  { id: 'sessions', label: 'Sessions', icon: 'sessions', summary: 'Your sign-ins to TrueNAS, Weavr and Appgate SDP.' },
  { id: 'settings', label: 'Settings', icon: 'settings', summary: 'Locking, backups, export, appearance and this copy of Authdesk.' },
];

export function screenEntry(id: ScreenId): ScreenEntry {
  const entry = SCREENS.find((screen) => screen.id === id);
  if (!entry) throw new Error(`Unknown screen ${id}`);
  return entry;
}
