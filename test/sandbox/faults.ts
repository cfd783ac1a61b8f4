// Runs in: sandbox (`npm run sandbox` and tests; never shipped).
//
// Faults switched on per route, for client tests: a rule matches requests whose path starts with
// `route` (and whose method equals `method`, when given; TrueNAS RPC frames use the method "WS").

import { randomUUID } from 'node:crypto';

export type FaultKind = 'latency' | 'drop' | 'status' | 'truncate' | 'malformed';

export interface FaultRule {
  readonly route: string;
  readonly method?: string;
  readonly kind: FaultKind;
  /** latency: how long to hold the reply. */
  readonly ms?: number;
  /** status: 500 or 503. */
  readonly status?: 500 | 503;
  /** How many matching requests to affect; absent means until removed. */
  readonly times?: number;
}

export interface ActiveFault extends FaultRule {
  readonly id: string;
  remaining: number;
}

const KINDS: readonly FaultKind[] = ['latency', 'drop', 'status', 'truncate', 'malformed'];

/** Checks a rule that arrived as JSON; returns a reason when it is unusable. */
export function faultRuleProblem(input: unknown): string | undefined {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return 'a fault rule is a JSON object';
  const rule = input as Record<string, unknown>;
  if (typeof rule.route !== 'string' || !rule.route.startsWith('/')) return '"route" must be a path starting with "/"';
  if (rule.method !== undefined && typeof rule.method !== 'string') return '"method" must be a string';
  if (!KINDS.includes(rule.kind as FaultKind)) return `"kind" must be one of ${KINDS.join(', ')}`;
  if (rule.kind === 'latency' && (typeof rule.ms !== 'number' || rule.ms < 0 || rule.ms > 120_000)) return '"ms" must be 0..120000 for latency';
  if (rule.kind === 'status' && rule.status !== 500 && rule.status !== 503) return '"status" must be 500 or 503';
  if (rule.times !== undefined && (!Number.isInteger(rule.times) || (rule.times as number) < 1)) return '"times" must be a positive integer';
  return undefined;
}

export class Faults {
  readonly #rules = new Map<string, ActiveFault>();

  add(rule: FaultRule): string {
    const problem = faultRuleProblem(rule);
    if (problem) throw new TypeError(problem);
    const id = randomUUID();
    this.#rules.set(id, { ...rule, id, remaining: rule.times ?? Number.POSITIVE_INFINITY });
    return id;
  }

  remove(id: string): boolean {
    return this.#rules.delete(id);
  }

  clear(): void {
    this.#rules.clear();
  }

  list(): ActiveFault[] {
    return [...this.#rules.values()];
  }

  /** The rules that apply to this request, each used up once; latency first, then one failure at most. */
  take(method: string, path: string): { latencyMs: number; failure?: ActiveFault } {
    let latencyMs = 0;
    let failure: ActiveFault | undefined;
    for (const rule of this.#rules.values()) {
      if (!path.startsWith(rule.route) || (rule.method !== undefined && rule.method.toUpperCase() !== method)) continue;
      if (rule.kind !== 'latency' && failure) continue;
      rule.remaining -= 1;
      if (rule.remaining <= 0) this.#rules.delete(rule.id);
      if (rule.kind === 'latency') latencyMs += rule.ms ?? 0;
      else failure = rule;
    }
    return failure ? { latencyMs, failure } : { latencyMs };
  }
}

/** What a "malformed" fault sends instead of JSON: what a misconfigured proxy in front of the service answers. */
export const MALFORMED_BODY = '<html><body><h1>502 Bad Gateway</h1></body></html>';
