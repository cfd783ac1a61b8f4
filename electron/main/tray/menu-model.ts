// Runs in: main, tests. Pure: no 'electron' here, so every rule of the tray menu is unit-tested.
//
// The tray menu as plain data, computed from what core knows: the vault's state, the favourite
// accounts, each profile's session (with the identities a live one may act as) and the pending
// approvals. tray.ts turns it into an Electron Menu, and only when menuKey() changed: a code
// that ticks over, or a change to something the menu does not show, builds nothing.
//
// Note (no secrets in the menu): items name accounts and profiles; a code is never in a label
// (it is copied when the item is clicked), nor a password, token or error from a service.
import type { Identity } from '../../core/providers/index.ts';
import type { SessionState } from '../../core/sessions/index.ts';

/** What a click on an item does (tray-actions.ts runs it). */
export type TrayAction =
  | { readonly type: 'open' }
  | { readonly type: 'quit' }
  | { readonly type: 'lock' }
  | { readonly type: 'approvals' }
  /** HOTP: the next code is made (its counter saved first) and copied. */
  | { readonly type: 'copy'; readonly accountId: string; readonly hotp: boolean }
  | { readonly type: 'login'; readonly profileId: string }
  | { readonly type: 'logout'; readonly profileId: string }
  /** Brings the window forward on the profile (a login under way, waiting for the person). */
  | { readonly type: 'show-session'; readonly profileId: string }
  | { readonly type: 'switch-identity'; readonly profileId: string; readonly identityId: string };

export type TrayItem =
  | { readonly kind: 'item'; readonly label: string; readonly action: TrayAction }
  /** Text that cannot be clicked (a state, a hint). */
  | { readonly kind: 'note'; readonly label: string }
  | { readonly kind: 'radio'; readonly label: string; readonly checked: boolean; readonly action: TrayAction }
  | { readonly kind: 'submenu'; readonly label: string; readonly items: readonly TrayItem[] }
  | { readonly kind: 'separator' };

export interface TrayMenu {
  readonly tooltip: string;
  readonly items: readonly TrayItem[];
}

export interface TrayFavourite {
  readonly id: string;
  readonly issuer: string;
  readonly label: string;
  readonly hotp: boolean;
}

export interface TrayProfile {
  readonly id: string;
  readonly name: string;
  readonly session: SessionState;
  /** The identities a live session may act as; null when unknown or the service has one per login. */
  readonly identities: readonly Identity[] | null;
}

export interface TrayState {
  readonly vault: 'none' | 'locked' | 'unlocked';
  /** Every favourite, in the Codes screen's order; the menu shows the first MAX_FAVOURITES. */
  readonly favourites: readonly TrayFavourite[];
  readonly profiles: readonly TrayProfile[];
  /** Requests that can be answered now, and those held back (push fatigue). */
  readonly approvals: { readonly pending: number; readonly held: number };
}

// Note (bounds): a tray menu taller than the screen scrolls badly or is cut off, and a very long
// name widens the whole menu; the rest is one click away in the window.
export const MAX_FAVOURITES = 15;
export const MAX_PROFILES = 10;
export const MAX_IDENTITIES = 20;
export const MAX_LABEL = 48;

/** At most MAX_LABEL characters (whole code points), with an ellipsis when cut. */
export function shortLabel(text: string): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length <= MAX_LABEL ? chars.join('') : `${chars.slice(0, MAX_LABEL - 1).join('')}…`;
}

const separator: TrayItem = { kind: 'separator' };
const open: TrayItem = { kind: 'item', label: 'Open Authdesk', action: { type: 'open' } };
const quit: TrayItem = { kind: 'item', label: 'Quit Authdesk', action: { type: 'quit' } };

function favouriteItems(favourites: readonly TrayFavourite[]): TrayItem[] {
  if (favourites.length === 0) return [{ kind: 'note', label: 'No favourites yet: star an account in Authdesk' }];
  const items: TrayItem[] = [{ kind: 'note', label: 'Copy a code' }];
  for (const account of favourites.slice(0, MAX_FAVOURITES)) {
    const name = account.issuer === '' ? account.label : account.label === '' ? account.issuer : `${account.issuer} · ${account.label}`;
    items.push({ kind: 'item', label: shortLabel(account.hotp ? `${name} (next code)` : name), action: { type: 'copy', accountId: account.id, hotp: account.hotp } });
  }
  if (favourites.length > MAX_FAVOURITES) items.push({ kind: 'item', label: `${favourites.length - MAX_FAVOURITES} more in Authdesk…`, action: { type: 'open' } });
  return items;
}

function activeItems(profile: TrayProfile, session: Extract<SessionState, { state: 'active' }>, formatTime: (ms: number) => string): TrayItem[] {
  const as = session.identity === null ? '' : ` as ${shortLabel(session.identity.name)}`;
  const until = session.until === null ? '' : ` until ${formatTime(session.until)}`;
  const items: TrayItem[] = [{ kind: 'note', label: `Logged in${as}${until}` }];
  const identities = profile.identities ?? [];
  if (identities.length > 1) {
    items.push(separator, { kind: 'note', label: 'Act as' });
    for (const identity of identities.slice(0, MAX_IDENTITIES)) {
      items.push({
        kind: 'radio',
        label: shortLabel(identity.name),
        checked: identity.id === session.identity?.id,
        action: { type: 'switch-identity', profileId: profile.id, identityId: identity.id },
      });
    }
  }
  items.push(separator, { kind: 'item', label: 'Log out', action: { type: 'logout', profileId: profile.id } });
  return items;
}

function profileItem(profile: TrayProfile, formatTime: (ms: number) => string): TrayItem {
  const name = shortLabel(profile.name);
  const login = (label: string): TrayItem => ({ kind: 'item', label, action: { type: 'login', profileId: profile.id } });
  const waiting = (label: string): TrayItem => ({ kind: 'item', label: `${name}: ${label}`, action: { type: 'show-session', profileId: profile.id } });
  const session = profile.session;
  switch (session.state) {
    case 'logged-out':
      return login(`Log in to ${name}`);
    case 'expired':
      return login(`Log in to ${name} again (expired)`);
    case 'error':
      return login(`Log in to ${name} again (last try failed)`);
    case 'logging-in':
      return waiting('logging in…');
    case 'awaiting-otp':
      return waiting('waiting for a code…');
    case 'awaiting-approval':
      return waiting('waiting for approval…');
    case 'active':
      return { kind: 'submenu', label: `${name}: logged in`, items: activeItems(profile, session, formatTime) };
  }
}

function profileItems(profiles: readonly TrayProfile[], formatTime: (ms: number) => string): TrayItem[] {
  if (profiles.length === 0) return [];
  const items = profiles.slice(0, MAX_PROFILES).map((profile) => profileItem(profile, formatTime));
  if (profiles.length > MAX_PROFILES) items.push({ kind: 'item', label: `${profiles.length - MAX_PROFILES} more profiles in Authdesk…`, action: { type: 'open' } });
  return [separator, ...items];
}

function approvalsLabel({ pending, held }: TrayState['approvals']): string {
  const parts = [pending === 0 ? 'none pending' : `${pending} pending`, ...(held === 0 ? [] : [`${held} held`])];
  return `Approvals (${parts.join(', ')})`;
}

function tooltip(state: TrayState): string {
  if (state.vault === 'locked') return 'Authdesk (locked)';
  if (state.vault === 'none') return 'Authdesk';
  const waiting = state.approvals.pending;
  return waiting === 0 ? 'Authdesk' : `Authdesk: ${waiting} approval ${waiting === 1 ? 'request' : 'requests'} waiting`;
}

/**
 * The menu for this state. formatTime words a session's expiry (main: the person's locale and
 * time zone; tests: a fixed form).
 */
export function trayMenu(state: TrayState, formatTime: (ms: number) => string): TrayMenu {
  if (state.vault !== 'unlocked') {
    // Locked, nothing from the vault is shown: no account, profile or approval.
    const label = state.vault === 'none' ? 'Set up Authdesk…' : 'Unlock…';
    return { tooltip: tooltip(state), items: [{ kind: 'item', label, action: { type: 'open' } }, separator, open, quit] };
  }
  return {
    tooltip: tooltip(state),
    items: [
      ...favouriteItems(state.favourites),
      ...profileItems(state.profiles, formatTime),
      separator,
      { kind: 'item', label: approvalsLabel(state.approvals), action: { type: 'approvals' } },
      separator,
      { kind: 'item', label: 'Lock now', action: { type: 'lock' } },
      open,
      quit,
    ],
  };
}

/** Equal keys, equal menus: the adapter builds an Electron Menu only when this changes. */
export function menuKey(menu: TrayMenu): string {
  return JSON.stringify(menu);
}
