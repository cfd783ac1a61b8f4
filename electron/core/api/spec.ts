// Runs in: main, preload, CLI, tests.
//
// The building blocks of the IPC contract. A call is a request from the renderer answered by
// main; an event is pushed from main to the renderer. Types for both ends are inferred from
// these specs, so the preload, the router and the renderer cannot disagree.
import type * as v from 'valibot';
import type { WireError } from '../errors.ts';

/**
 * Whether a call is the user doing something (it restarts the auto-lock countdown) or the
 * window keeping itself current (status polls, code refreshes), which must never keep an
 * idle vault unlocked. 'gesture' is user activity that must also follow real input: the
 * router refuses it (USER_ACTION_REQUIRED) unless a key press or a click reached the calling
 * window within GESTURE_WINDOW_MS, so a window cannot do it on its own.
 */
export type Activity = 'user' | 'background' | 'gesture';

// Note (gesture window): long enough for a slow machine to get from the click to the call
// (the renderer handles the event, then sends the request), short enough that a window acting
// on its own cannot ride on a click made for something else a while ago. Hosts measure it:
// electron/main/input/user-input.ts (OS input to the window), test/e2e/support/trusted-input.ts
// (the e2e harness and the preview).
export const GESTURE_WINDOW_MS = 3_000;

export interface CallSpec<S extends v.GenericSchema, O> {
  readonly kind: 'call';
  readonly input: S;
  readonly activity: Activity;
  /** Phantom: carries the output type only. */
  readonly output?: O;
}

export interface EventSpec<P> {
  readonly kind: 'event';
  /** Phantom: carries the payload type only. */
  readonly payload?: P;
}

export type AnyCallSpec = CallSpec<v.GenericSchema, unknown>;
export type Spec = AnyCallSpec | EventSpec<unknown>;
export type ContractShape = Readonly<Record<string, Readonly<Record<string, Spec>>>>;

export const call =
  <O>() =>
  <S extends v.GenericSchema>(input: S, activity: Activity): CallSpec<S, O> => ({ kind: 'call', input, activity });

export const event = <P>(): EventSpec<P> => ({ kind: 'event' });

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: WireError };

export const CHANNEL_PREFIX = 'authdesk:';
export const channelName = (namespace: string, member: string): string => `${CHANNEL_PREFIX}${namespace}.${member}`;

/** What the renderer sees as window.authdesk. */
export type Bridge<C extends ContractShape> = {
  readonly [NS in keyof C]: {
    readonly [M in keyof C[NS]]: C[NS][M] extends CallSpec<infer S, infer O>
      ? undefined extends v.InferInput<S>
        ? (input?: v.InferInput<S>) => Promise<Result<O>>
        : (input: v.InferInput<S>) => Promise<Result<O>>
      : C[NS][M] extends EventSpec<infer P>
        ? (listener: (payload: P) => void) => () => void
        : never;
  };
};

/** What main implements: one function per call, given input that already passed its schema. */
export type Handlers<C extends ContractShape> = {
  readonly [NS in keyof C]: {
    readonly [M in keyof C[NS] as C[NS][M] extends AnyCallSpec ? M : never]: C[NS][M] extends CallSpec<infer S, infer O>
      ? (input: v.InferOutput<S>) => O | Promise<O>
      : never;
  };
};

/** What main uses to push events: one function per event. */
export type Emitters<C extends ContractShape> = {
  readonly [NS in keyof C]: {
    readonly [M in keyof C[NS] as C[NS][M] extends EventSpec<unknown> ? M : never]: C[NS][M] extends EventSpec<infer P>
      ? (payload: P) => void
      : never;
  };
};

export function* members(contract: ContractShape): Generator<{ namespace: string; member: string; spec: Spec }> {
  for (const [namespace, group] of Object.entries(contract)) {
    for (const [member, spec] of Object.entries(group)) yield { namespace, member, spec };
  }
}

/** One emitter per event of the contract, each sending its channel and payload through send. */
export function createEmitters<C extends ContractShape>(contract: C, send: (channel: string, payload: unknown) => void): Emitters<C> {
  const emitters: Record<string, Record<string, (payload: unknown) => void>> = {};
  for (const { namespace, member, spec } of members(contract)) {
    if (spec.kind !== 'event') continue;
    const channel = channelName(namespace, member);
    (emitters[namespace] ??= {})[member] = (payload) => send(channel, payload);
  }
  return emitters as unknown as Emitters<C>;
}
