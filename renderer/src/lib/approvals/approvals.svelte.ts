// Runs in: renderer.
//
// The Approvals screen's data, and the sidebar's pending count: the pending challenges, how many
// are held per profile, each profile's device, and the audit history, as main last sent them
// (approvals.pending / devices.list / approvals.audit, then approvals.onChange).
//
// Note (one instance for the window): App.svelte makes the one ApprovalsData while the vault is
// unlocked, so the sidebar counts pending requests and a new one is announced whichever screen
// is open; screens/Approvals.svelte renders the same instance.
//
// Note (expiry without a ticking clock): the countdown itself is CSS (sessions/ApprovalCountdown);
// `now` moves only when the next pending challenge runs out, with one timer, so that request greys.
import type { AuditEntry, DeviceStatus, PendingChallenge } from '../../../../electron/core/api/types.ts';
import type { WireError } from '../../../../electron/core/errors.ts';
import { settle } from '../bridge.ts';

const LONGEST_TIMER = 2 ** 31 - 1;

export class ApprovalsData {
  pending = $state.raw<readonly PendingChallenge[]>([]);
  /** Held challenges per profile id: kept back after repeated denials until opened deliberately. */
  held = $state.raw<Readonly<Record<string, number>>>({});
  devices = $state.raw<readonly DeviceStatus[]>([]);
  history = $state.raw<readonly AuditEntry[]>([]);
  now = $state(Date.now());
  loaded = $state(false);
  error = $state<WireError | null>(null);
  /** The latest arrival in words, for the window's aria-live region. */
  announcement = $state('');
  #timer: ReturnType<typeof setTimeout> | undefined;
  #stopped = false;

  /** Answerable now: not past its time. */
  get open(): number {
    return this.pending.filter((c) => c.expiresAt > this.now).length;
  }

  start(): () => void {
    this.#stopped = false;
    const stop = window.authdesk.approvals.onChange(() => void this.reload());
    const arrivals = window.authdesk.approvals.onChallenge((challenge) => this.#announce(challenge));
    void this.reload();
    return () => {
      this.#stopped = true;
      stop();
      arrivals();
      clearTimeout(this.#timer);
      this.pending = [];
      this.held = {};
      this.devices = [];
      this.history = [];
      this.loaded = false;
    };
  }

  async reload(): Promise<void> {
    const [pending, devices, history] = await Promise.all([
      settle(() => window.authdesk.approvals.pending()),
      settle(() => window.authdesk.devices.list()),
      settle(() => window.authdesk.approvals.audit()),
    ]);
    if (this.#stopped) return;
    if (pending.status === 'ready') {
      this.pending = pending.value.challenges;
      this.held = pending.value.held;
    }
    if (devices.status === 'ready') this.devices = devices.value;
    if (history.status === 'ready') this.history = history.value;
    const failed = [pending, devices, history].find((r) => r.status === 'error');
    this.error = failed?.status === 'error' ? failed.error : null;
    this.loaded = true;
    this.#schedule();
  }

  /** Drops an answered challenge at once; main's change event brings the rest. */
  forget(id: string): void {
    this.pending = this.pending.filter((c) => c.id !== id);
  }

  #announce(challenge: PendingChallenge): void {
    // The same words twice in a row must still be spoken: clear, then set on the next frame.
    this.announcement = '';
    requestAnimationFrame(() => (this.announcement = `New sign-in request for ${challenge.profileName}: ${challenge.action}.`));
  }

  #schedule(): void {
    clearTimeout(this.#timer);
    this.now = Date.now();
    const next = Math.min(...this.pending.map((c) => c.expiresAt).filter((at) => at > this.now));
    if (!Number.isFinite(next) || this.#stopped) return;
    this.#timer = setTimeout(() => this.#schedule(), Math.min(LONGEST_TIMER, next - this.now + 50));
  }
}
