// Runs in: renderer.
//
// The Sessions screen's data: the profiles (profiles.list, then profiles.onChange) and each
// one's session state (sessions.states, then sessions.onState), as main last sent them.
//
// Note (the clock of the words): "Expiring soon", "Expired" and "Try again in 3 minutes" change
// with time alone. `now` moves at exactly those moments (words.ts nextChange) with one timer for
// the whole screen, never per second and never through IPC; the approval countdown is CSS
// (ApprovalCountdown.svelte).
import type { ProfileView, SessionEvent } from '../../../../electron/core/api/types.ts';
import type { WireError } from '../../../../electron/core/errors.ts';
import { settle } from '../bridge.ts';
import { nextChange } from './words.ts';

// setTimeout's longest delay; a later change is rescheduled when this one fires.
const LONGEST_TIMER = 2 ** 31 - 1;

export class SessionsData {
  profiles = $state.raw<readonly ProfileView[]>([]);
  /** By profile id; a profile without an entry is logged out. Replaced whole on every event. */
  states = $state.raw<Readonly<Record<string, SessionEvent>>>({});
  now = $state(Date.now());
  loaded = $state(false);
  error = $state<WireError | null>(null);
  #timer: ReturnType<typeof setTimeout> | undefined;
  #stopped = false;

  /** Lists profiles and states, then follows main's events; returns the unsubscribe. */
  start(): () => void {
    this.#stopped = false;
    const stops = [
      window.authdesk.profiles.onChange((profiles) => (this.profiles = profiles)),
      window.authdesk.sessions.onState((event) => this.put(event)),
    ];
    void this.reload();
    return () => {
      this.#stopped = true;
      for (const stop of stops) stop();
      clearTimeout(this.#timer);
      this.profiles = [];
      this.states = {};
      this.loaded = false;
    };
  }

  async reload(): Promise<void> {
    const [profiles, states] = await Promise.all([settle(() => window.authdesk.profiles.list()), settle(() => window.authdesk.sessions.states())]);
    if (this.#stopped) return;
    if (profiles.status === 'ready') this.profiles = profiles.value;
    if (states.status === 'ready') {
      this.states = Object.fromEntries(states.value.map((event) => [event.profileId, event]));
      this.#schedule();
    }
    const failed = [profiles, states].find((r) => r.status === 'error');
    this.error = failed?.status === 'error' ? failed.error : null;
    this.loaded = true;
  }

  /** A state main sent, or one this window learnt from a call's answer before the event arrived. */
  put(event: SessionEvent): void {
    this.states = { ...this.states, [event.profileId]: event };
    this.#schedule();
  }

  /** A call about one profile failed before its session could say so: shown on the profile itself. */
  fail(profileId: string, error: WireError): void {
    this.put({ profileId, state: 'error', error });
  }

  #schedule(): void {
    clearTimeout(this.#timer);
    this.now = Date.now();
    const at = nextChange(Object.values(this.states), this.now);
    if (at === null || this.#stopped) return;
    this.#timer = setTimeout(() => this.#schedule(), Math.min(LONGEST_TIMER, at - this.now + 50));
  }
}
