// Runs in: renderer.
//
// A session's state in the words the Sessions screen shows: "Active until 14:32", "Expiring
// soon", "Error: …" with how long to wait. Pure: `now` comes from sessions.svelte.ts, which
// moves it only at the moments these words change (nextChange), never once a second.
import type { SessionEvent } from '../../../../electron/core/api/types.ts';

/** Under this much time left an active session says it is expiring soon. */
export const EXPIRING_SOON_MS = 2 * 60_000;
const MINUTE = 60_000;

export type Tone = 'muted' | 'busy' | 'good' | 'warning' | 'danger';

export interface StateWords {
  readonly text: string;
  readonly tone: Tone;
  /** A second line: how long to wait, who the session acts as, what is being waited for. */
  readonly detail: string | null;
}

const CLOCK = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const DAY_AND_CLOCK = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** 14:32 today, "2 Dec, 14:32" on another day. */
export function clockTime(ms: number, now: number): string {
  return new Date(ms).toDateString() === new Date(now).toDateString() ? CLOCK.format(ms) : DAY_AND_CLOCK.format(ms);
}

/** "Try again in 3 minutes" while a lockout or rate limit lasts. */
function waitWords(retryAt: number, now: number): string | null {
  if (retryAt <= now) return null;
  const minutes = Math.ceil((retryAt - now) / MINUTE);
  return `Try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'} (at ${clockTime(retryAt, now)}).`;
}

/** An active session whose time has not run out (main's `expired` may not have arrived yet). */
export function isLive(event: SessionEvent | undefined, now: number): boolean {
  return event?.state === 'active' && (event.until === null || event.until > now);
}

export function stateWords(event: SessionEvent | undefined, now: number): StateWords {
  switch (event?.state ?? 'logged-out') {
    case 'logging-in':
      return { text: 'Logging in…', tone: 'busy', detail: null };
    case 'awaiting-otp': {
      const attempt = event?.state === 'awaiting-otp' ? event.attempt : 1;
      return { text: 'Waiting for a one-time code…', tone: 'busy', detail: attempt > 1 ? 'The last code was refused; trying the next one.' : null };
    }
    case 'awaiting-approval':
      return { text: 'Waiting for approval', tone: 'busy', detail: event?.state === 'awaiting-approval' ? event.message : null };
    case 'active': {
      if (event?.state !== 'active') break;
      const as = event.identity ? `As ${event.identity.name}.` : null;
      if (event.until === null) return { text: 'Active', tone: 'good', detail: as };
      if (event.until <= now) return { text: 'Expired', tone: 'warning', detail: 'Log in again to continue.' };
      const until = `until ${clockTime(event.until, now)}`;
      if (event.until - now <= EXPIRING_SOON_MS) return { text: 'Expiring soon', tone: 'warning', detail: [`Active ${until}.`, as].filter(Boolean).join(' ') };
      return { text: `Active ${until}`, tone: 'good', detail: as };
    }
    case 'expired':
      return { text: 'Expired', tone: 'warning', detail: 'Log in again to continue.' };
    case 'error': {
      if (event?.state !== 'error') break;
      const retryAt = event.error.details?.retryAt;
      return { text: `Error: ${event.error.message}`, tone: 'danger', detail: typeof retryAt === 'number' ? waitWords(retryAt, now) : null };
    }
  }
  return { text: 'Logged out', tone: 'muted', detail: null };
}

/**
 * The next moment any profile's words change (an expiry two minutes ahead, an expiry, a minute
 * of a wait ticking down), or null when nothing will change by itself.
 */
export function nextChange(events: Iterable<SessionEvent>, now: number): number | null {
  let next = Infinity;
  const consider = (at: number): void => {
    if (at > now && at < next) next = at;
  };
  for (const event of events) {
    if (event.state === 'active' && event.until !== null) {
      consider(event.until - EXPIRING_SOON_MS);
      consider(event.until);
    } else if (event.state === 'error' && typeof event.error.details?.retryAt === 'number') {
      const left = event.error.details.retryAt - now;
      if (left > 0) consider(now + (left % MINUTE || MINUTE));
    }
  }
  return next === Infinity ? null : next;
}
