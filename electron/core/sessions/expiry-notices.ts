// Runs in: main, CLI, tests.
//
// A notice shortly before a session ends by itself, so the person is not logged out in the
// middle of their work without warning. It watches the session events (types.ts): an active
// session with an expiry arms one notice; a renewal (a switch, a step-up, a keep-alive) with a
// new expiry arms it again; logging out, expiring, an error, a new login and the vault locking
// (which shows every session logged-out) cancel it.
//
// Note (expiry notice lead): 2 minutes is enough to finish a step or save work, and fits
// inside Weavr's 5-minute window without crying wolf at login; a session with less time left
// than twice that (one restored near its end) is told halfway.
//
// Note (kept alive means no notice): whether a session will be kept alive is read when the
// notice is due, as the keep-alive itself reads it (the person may switch it on or off while
// the session runs). A keep-alive that then fails lets the session expire unannounced; the
// Sessions screen shows it expired.

import type { Clock, Notice, Notifier } from '../platform/ports.ts';
import { PROVIDER_NAMES } from '../providers/index.ts';
import type { Profile } from '../vault/model.ts';
import { scheduleExpiry } from './expiry.ts';
import type { SessionEvent, SessionListener } from './types.ts';

export const EXPIRY_NOTICE_LEAD_MS = 2 * 60_000;

/** When to announce that a session active at `now` ends at `until`. */
export function expiryNoticeAt(now: number, until: number): number {
  return until - Math.min(EXPIRY_NOTICE_LEAD_MS, (until - now) / 2);
}

/** How the session's end can be put off: renewed by itself, renewable if the person asks for it, or not at all. */
export type KeepAlive = 'on' | 'off' | 'unsupported';

function timeLeft(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return 'in less than a minute';
  return minutes === 1 ? 'in 1 minute' : `in ${minutes} minutes`;
}

/** The words of the notice; names the profile and the service, never the token. */
export function expiryNotice(profile: Profile, leftMs: number, keepAlive: KeepAlive): Notice {
  const service = PROVIDER_NAMES[profile.provider];
  const hint = keepAlive === 'off' ? ' To stay logged in while Authdesk runs, turn on “Keep the session alive” in the profile.' : '';
  return {
    title: `${profile.name}: session ending soon`,
    body: `Your ${service} session ends ${timeLeft(leftMs)}. Log in again from the tray or the Sessions screen when it does.${hint}`,
    target: { screen: 'sessions', profileId: profile.id },
  };
}

export interface ExpiryNoticeOptions {
  readonly clock: Clock;
  readonly notifier: Notifier;
  /** Every session event from now on (SessionManager.subscribe); returns the unsubscribe function. */
  readonly subscribe: (listener: SessionListener) => () => void;
  /** The profile as saved now; null when it is gone. */
  readonly profile: (profileId: string) => Profile | null;
  readonly keepAlive: (profile: Profile) => KeepAlive;
}

interface Armed {
  readonly until: number;
  timer: { cancel(): void } | null;
  announced: boolean;
}

/** Announces each session once before it expires; returns the function that stops it all. */
export function watchSessionExpiry(options: ExpiryNoticeOptions): () => void {
  const armed = new Map<string, Armed>();

  const announce = (profileId: string, entry: Armed): void => {
    entry.timer = null;
    let profile: Profile | null;
    try {
      profile = options.profile(profileId);
    } catch {
      // The vault locked at this instant: its sessions are going, with nothing to announce.
      return;
    }
    if (profile === null) return;
    const keepAlive = options.keepAlive(profile);
    if (keepAlive === 'on') return;
    entry.announced = true;
    options.notifier.notify(expiryNotice(profile, entry.until - options.clock.now(), keepAlive));
  };

  const onEvent = (event: SessionEvent): void => {
    const entry = armed.get(event.profileId);
    entry?.timer?.cancel();
    if (entry) entry.timer = null;
    if (event.state === 'active' && event.until !== null) {
      // The same session back from a step-up keeps its one notice; a new expiry is a new session to announce.
      const current = entry?.until === event.until ? entry : { until: event.until, timer: null, announced: false };
      armed.set(event.profileId, current);
      if (!current.announced) current.timer = scheduleExpiry(options.clock, expiryNoticeAt(options.clock.now(), current.until), () => announce(event.profileId, current));
      return;
    }
    // A step-up asks for a code or an approval mid-session: the session and its expiry stay.
    if (event.state === 'awaiting-otp' || event.state === 'awaiting-approval') return;
    armed.delete(event.profileId);
  };

  const unsubscribe = options.subscribe(onEvent);
  return () => {
    unsubscribe();
    for (const entry of armed.values()) entry.timer?.cancel();
    armed.clear();
  };
}
