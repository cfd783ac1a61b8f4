// Runs in: main, CLI, tests.
//
// Push fatigue protection (issue 12 §5): an attacker who knows a password sends push after push
// hoping a tired person approves one. Per profile, more than `burstCount` challenges within the
// burst window are shown as one flagged item (see PendingApproval.burst), and after
// `holdDenials` denials or reports within the hold window, new challenges are held, not
// announced, until the person opens them deliberately.

export interface FatigueLimits {
  readonly burstCount: number;
  readonly burstMs: number;
  readonly holdDenials: number;
  readonly holdMs: number;
}

export type Arrival = 'show' | 'burst' | 'held';

export class FatigueGuard {
  readonly #arrivals = new Map<string, number[]>();
  /** Per profile, when each denied challenge was denied (by id: the decision and its stream event count once). */
  readonly #denials = new Map<string, Map<string, number>>();

  /** How to show a challenge for `profileId` that arrived at `at`. */
  arrive(profileId: string, at: number, limits: FatigueLimits): Arrival {
    const arrivals = [...recent(this.#arrivals.get(profileId), at - limits.burstMs), at];
    this.#arrivals.set(profileId, arrivals);
    if (recent([...(this.#denials.get(profileId)?.values() ?? [])], at - limits.holdMs).length >= limits.holdDenials) return 'held';
    return arrivals.length > limits.burstCount ? 'burst' : 'show';
  }

  /** A challenge of the profile ended denied or reported (here or on another device). */
  denied(profileId: string, challengeId: string, at: number): void {
    const denials = this.#denials.get(profileId) ?? new Map<string, number>();
    if (!denials.has(challengeId)) denials.set(challengeId, at);
    this.#denials.set(profileId, denials);
  }

  /** The person opened the held challenges: earlier denials no longer hold new ones. */
  release(profileId: string): void {
    this.#denials.delete(profileId);
  }

  forget(): void {
    this.#arrivals.clear();
    this.#denials.clear();
  }
}

function recent(times: readonly number[] | undefined, since: number): number[] {
  return (times ?? []).filter((t) => t > since);
}
