// Runs in: main, tests (and the e2e preload stand-in's server side).
//
// One entry point for every IPC call: check the sender, validate the input against the
// channel's schema, run the handler, and turn any failure into a {code, message} the UI can
// show. Handlers never see unvalidated input; the renderer never sees a raw exception.
import * as v from 'valibot';
import { AuthdeskError, toWireError } from '../errors.ts';
import type { AnyCallSpec, ContractShape, Handlers, Result } from './spec.ts';
import { CHANNEL_PREFIX, channelName, members } from './spec.ts';

export interface RouterOptions {
  isTrustedSender(senderUrl: string | undefined): boolean;
  /**
   * Called for each call the contract marks as user activity, once it passed the sender and
   * input checks: auto-lock restarts its countdown. Background calls and refused calls never
   * count, so a polling window or a hostile frame cannot keep the vault open.
   */
  onUserActivity?(): void;
  /** Told about unexpected failures (not AuthdeskErrors); must not log secrets. */
  onInternalError?(channel: string, error: unknown): void;
}

/** What the host knows of the caller's window beyond its address. */
export interface Caller {
  /**
   * Whether a key press or a click reached the caller's window within GESTURE_WINDOW_MS, as
   * the host saw it (in main: the OS input Electron reports, which no page can send itself).
   */
  recentInput(): boolean;
}

export interface Router {
  readonly channels: readonly string[];
  /** Without a caller, nothing counts as real input: 'gesture' calls are refused. */
  handle(channel: string, senderUrl: string | undefined, input: unknown, caller?: Caller): Promise<Result<unknown>>;
}

type Entry = { spec: AnyCallSpec; run: (input: unknown) => unknown };

export function createRouter<C extends ContractShape>(contract: C, handlers: Handlers<C>, options: RouterOptions): Router {
  const table = new Map<string, Entry>();
  const groups = handlers as unknown as Record<string, Record<string, (input: unknown) => unknown>>;
  for (const { namespace, member, spec } of members(contract)) {
    if (spec.kind !== 'call') continue;
    const run = groups[namespace]?.[member];
    if (typeof run !== 'function') throw new Error(`No handler for ${namespace}.${member}`);
    table.set(channelName(namespace, member), { spec, run });
  }

  return {
    channels: [...table.keys()],
    async handle(channel, senderUrl, input, caller) {
      try {
        if (!options.isTrustedSender(senderUrl)) {
          throw new AuthdeskError('FORBIDDEN_SENDER', 'This request did not come from Authdesk’s own window and was refused.');
        }
        const entry = table.get(channel);
        if (!entry) throw new AuthdeskError('UNKNOWN_CHANNEL', `Unknown request ${channel.replace(CHANNEL_PREFIX, '')}.`);
        const parsed = v.safeParse(entry.spec.input, input);
        if (!parsed.success) {
          // Valibot's own messages quote the received value, which may be a secret: name only
          // the field and what it should have been.
          const issue = parsed.issues[0];
          const where = issue ? (v.getDotPath(issue) ?? 'input') : 'input';
          const expected = issue?.expected ? ` should be ${issue.expected}` : ' is not valid';
          throw new AuthdeskError('INVALID_INPUT', `Invalid request: ${where}${expected}.`, { details: { field: where } });
        }
        if (entry.spec.activity === 'gesture' && caller?.recentInput() !== true) {
          throw new AuthdeskError('USER_ACTION_REQUIRED', 'This happens only right after a click or a key press in the Authdesk window: click the button again.');
        }
        if (entry.spec.activity !== 'background') options.onUserActivity?.();
        return { ok: true, value: await entry.run(parsed.output) };
      } catch (error) {
        if (!(error instanceof AuthdeskError)) options.onInternalError?.(channel, error);
        return { ok: false, error: toWireError(error) };
      }
    },
  };
}
