// Runs in: renderer.
//
// The window's push approvals: the pending challenges and held counts (approvals.pending, then
// the view every approvals.onEvent carries), this computer's enrolments (devices.enrolments,
// then devices.onChange) and the audit history (approvals.audit, again after each resolution).
//
// Note (one instance for the window): App.svelte makes the one ApprovalsData while the vault is
// unlocked, so the sidebar counts pending requests and a new one is announced whichever screen
// is open; screens/Approvals.svelte renders the same instance.
//
// Note (expiry without a ticking clock): the countdown itself is CSS (sessions/ApprovalCountdown);
// `now` moves only when the next pending challenge runs out, with one timer, so that request greys.
import type { ApprovalEvent, ApprovalsView, AuditRecord, EnrolmentView, HeldApprovals, PendingApproval } from '../../../../electron/core/api/types.ts';
import type { WireError } from '../../../../electron/core/errors.ts';
import { settle } from '../bridge.ts';

const LONGEST_TIMER = 2 ** 31 - 1;
/** What the History shows; the export has everything. */
const HISTORY_LIMIT = 200;

export class ApprovalsData {
  pending = $state.raw<readonly PendingApproval[]>([]);
  held = $state.raw<readonly HeldApprovals[]>([]);
  enrolments = $state.raw<readonly EnrolmentView[]>([]);
  /** Newest first. */
  history = $state.raw<readonly AuditRecord[]>([]);
  now = $state(Date.now());
  loaded = $state(false);
  error = $state<WireError | null>(null);
  /** The latest arrival in words, for the window's aria-live region. */
  announcement = $state('');
  #timer: ReturnType<typeof setTimeout> | undefined;
  #stopped = false;

  /** Requests that can still be answered: the sidebar's count. */
  get answerable(): number {
    return this.pending.filter((c) => c.expiresAt > this.now).length;
  }

  start(): () => void {
    this.#stopped = false;
    const stops = [
      window.authdesk.approvals.onEvent((event) => this.#onEvent(event)),
      window.authdesk.devices.onChange((enrolments) => (this.enrolments = enrolments)),
    ];
    void this.reload();
    return () => {
      this.#stopped = true;
      for (const stop of stops) stop();
      clearTimeout(this.#timer);
      this.pending = [];
      this.held = [];
      this.enrolments = [];
      this.history = [];
      this.loaded = false;
    };
  }

  async reload(): Promise<void> {
    const [view, enrolments, history] = await Promise.all([
      settle(() => window.authdesk.approvals.pending()),
      settle(() => window.authdesk.devices.enrolments()),
      settle(() => window.authdesk.approvals.audit({ limit: HISTORY_LIMIT })),
    ]);
    if (this.#stopped) return;
    if (view.status === 'ready') this.show(view.value);
    if (enrolments.status === 'ready') this.enrolments = enrolments.value;
    if (history.status === 'ready') this.history = history.value;
    const failed = [view, enrolments, history].find((r) => r.status === 'error');
    this.error = failed?.status === 'error' ? failed.error : null;
    this.loaded = true;
  }

  /** A view main sent, or one a call answered with before the event arrived. */
  show(view: ApprovalsView): void {
    this.pending = view.pending;
    this.held = view.held;
    this.#schedule();
  }

  async reloadHistory(): Promise<void> {
    const history = await settle(() => window.authdesk.approvals.audit({ limit: HISTORY_LIMIT }));
    if (history.status === 'ready' && !this.#stopped) this.history = history.value;
  }

  #onEvent(event: ApprovalEvent): void {
    this.show(event.view);
    if (event.type === 'streams') this.enrolments = event.enrolments;
    if (event.type === 'challenge') this.#announce(event.approval);
    if (event.type !== 'streams') void this.reloadHistory();
  }

  #announce(approval: PendingApproval): void {
    // The same words twice in a row must still be spoken: clear, then set on the next frame.
    this.announcement = '';
    requestAnimationFrame(() => (this.announcement = `New sign-in request for ${approval.profileName}: ${approval.action}.`));
  }

  #schedule(): void {
    clearTimeout(this.#timer);
    this.now = Date.now();
    const next = Math.min(...this.pending.map((c) => c.expiresAt).filter((at) => at > this.now));
    if (!Number.isFinite(next) || this.#stopped) return;
    this.#timer = setTimeout(() => this.#schedule(), Math.min(LONGEST_TIMER, next - this.now + 50));
  }
}
