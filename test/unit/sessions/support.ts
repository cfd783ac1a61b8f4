// Runs in: tests. One session manager wired to doubles, recording every event it emits.
import type { Clock } from '../../../electron/core/platform/ports.ts';
import type { LoginCredential, ProviderTable } from '../../../electron/core/providers/index.ts';
import { createProviderRegistry } from '../../../electron/core/providers/index.ts';
import { createMemoryTokenStore, SessionManager } from '../../../electron/core/sessions/index.ts';
import type { SeedStore, SessionEvent, TokenStore } from '../../../electron/core/sessions/index.ts';
import type { Profile } from '../../../electron/core/vault/model.ts';
import { FakeClock } from '../../support/clock.ts';
import { FakePrompt } from '../../support/prompt.ts';
import { DoubleProvider, type DoubleOptions } from '../../support/providers/double-provider.ts';

export const PASSWORD = 'pw-Correct-Horse-7';
export const TOKEN = 'tok-4f1c9e2a-session-secret';

export const PROFILE: Profile = {
  id: 'profile-nas',
  name: 'nas.lan',
  provider: 'truenas',
  baseUrl: 'wss://nas.lan/api/current',
  username: 'admin',
  credentialId: 'credential-nas',
  otpAccountId: 'account-nas',
  options: {},
};

export interface SetupOptions {
  readonly provider?: DoubleOptions;
  /** What the linked account answers, in order; once they run out, null (nothing to give). */
  readonly codes?: readonly (string | null)[];
  /** The person's answers to code questions (see FakePrompt). */
  readonly answers?: readonly (string | null)[];
  readonly credential?: LoginCredential | null;
  readonly tokens?: TokenStore;
  /** Replaces the registry's table (the double is registered for 'truenas' otherwise). */
  readonly table?: ProviderTable;
  /** Keeps offered seeds; offers are declined without asking when not given. */
  readonly seeds?: SeedStore;
  /** The Clock the manager gets, made from the test's FakeClock (the FakeClock itself otherwise). */
  readonly clock?: (fake: FakeClock) => Clock;
}

export function setup(options: SetupOptions = {}) {
  const clock = new FakeClock();
  const provider = new DoubleProvider({ token: TOKEN, ...options.provider });
  const prompt = new FakePrompt(options.answers);
  const codes = [...(options.codes ?? [])];
  const tokens = options.tokens ?? createMemoryTokenStore();
  const moments: string[] = [];
  const manager = new SessionManager({
    providers: createProviderRegistry(options.table ?? { truenas: provider }),
    otp: {
      code: async (_profile, _signal, moment) => {
        moments.push(moment);
        return codes.shift() ?? null;
      },
    },
    credentials: { credential: async () => (options.credential === undefined ? { kind: 'password', secret: PASSWORD } : options.credential) },
    prompt,
    ...(options.seeds ? { seeds: options.seeds } : {}),
    clock: options.clock?.(clock) ?? clock,
    tokens,
  });
  const events: SessionEvent[] = [];
  manager.subscribe((event) => events.push(event));
  return {
    clock,
    provider,
    prompt,
    tokens,
    manager,
    events,
    /** The states shown so far, in order. */
    states: () => events.map((event) => event.state),
    linkedAsks: () => moments.length,
    /** Which code each ask of the linked account wanted: 'current', or 'next' after a refusal. */
    moments,
  };
}

/** Lets every pending promise callback run (nothing here waits on real time). */
export function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
