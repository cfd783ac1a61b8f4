// Runs in: tests. The core as the app builds it, with doubles for the three services, called
// through the real router and recording every event the window would get, for the profiles
// and sessions tests.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { after } from 'node:test';
import { contract } from '../../electron/core/api/contract/index.ts';
import { connectEvents } from '../../electron/core/api/events.ts';
import { createHandlers } from '../../electron/core/api/handlers/index.ts';
import { createRouter } from '../../electron/core/api/router.ts';
import { CHANNEL_PREFIX, createEmitters, type Result } from '../../electron/core/api/spec.ts';
import type { ProfileView, Question, SessionEvent } from '../../electron/core/api/types.ts';
import type { Notifier } from '../../electron/core/platform/ports.ts';
import type { ProviderTable } from '../../electron/core/providers/index.ts';
import { FakeClock } from './clock.ts';
import { createTestCore } from './core.ts';
import { PASSWORD } from './vault.ts';

const own = 'app://authdesk/index.html';

export const SERVICE_PASSWORD = 'svc-Pa55word-9f3e1c';

export interface SessionsCoreOptions {
  readonly providers: ProviderTable;
  readonly clock?: FakeClock;
  /** The system's notifications (none when not given, as in the CLI). */
  readonly notifier?: Notifier;
}

export async function startSessionsCore(cleanup: typeof after, options: SessionsCoreOptions) {
  const dir = await mkdtemp(join(tmpdir(), 'authdesk-sessions-'));
  const path = join(dir, 'vault.authdesk');
  const clock = options.clock ?? new FakeClock();
  const { core, prompts } = createTestCore(path, { clock, providers: options.providers, notifier: options.notifier ?? null });
  // The core stops first; a write it had started (a token forgotten at expiry, a backup the
  // FakeClock made due) may still land, so removing the folder retries.
  cleanup(async () => {
    core.dispose();
    await rm(dir, { recursive: true, force: true, maxRetries: 5 });
  });
  const events: { channel: string; payload: unknown }[] = [];
  const stop = connectEvents(core, prompts, createEmitters(contract, (channel, payload) => events.push({ channel: channel.replace(CHANNEL_PREFIX, ''), payload })));
  cleanup(stop);
  const router = createRouter(contract, createHandlers(core, prompts), { isTrustedSender: (url) => url === own });
  /** Every answer the window got, to search for secrets. */
  const responses: unknown[] = [];
  const call = async <T = unknown>(channel: string, input?: unknown): Promise<Result<T>> => {
    const result = (await router.handle(`authdesk:${channel}`, own, input)) as Result<T>;
    responses.push(result);
    return result;
  };
  /** A call that must succeed: its value. */
  const value = async <T = unknown>(channel: string, input?: unknown): Promise<T> => {
    const result = await call<T>(channel, input);
    if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
    return result.value;
  };
  // Every question is recorded in `asked` and declined unless the test answers otherwise
  // (undefined leaves it waiting), so a broken login ends instead of hanging the test.
  const asked: Question[] = [];
  let answer: (question: Question) => string | boolean | null | undefined = () => null;
  prompts.onEvent((event) => {
    if (event.type !== 'ask') return;
    asked.push(event.question);
    const reply = answer(event.question);
    if (reply !== undefined) queueMicrotask(() => prompts.answer(event.question.id, reply));
  });
  await core.vault.create(PASSWORD);
  return {
    path,
    clock,
    core,
    prompts,
    call,
    value,
    events,
    responses,
    asked,
    answerWith(fn: (question: Question) => string | boolean | null | undefined): void {
      answer = fn;
    },
    /** The session states pushed for one profile, in order. */
    states: (profileId: string) => events.filter((e) => e.channel === 'sessions.onState' && (e.payload as SessionEvent).profileId === profileId).map((e) => (e.payload as SessionEvent).state),
    /**
     * Until when the profile's session was last shown active; null when its last state is another.
     * A renewal is shown once its token is written and the old expiry cancelled (the token in
     * memory changes earlier, before the write ends), so tests that move time on wait for this.
     */
    activeUntil(profileId: string): number | null {
      const last = events.filter((e) => e.channel === 'sessions.onState' && (e.payload as SessionEvent).profileId === profileId).at(-1)?.payload as SessionEvent | undefined;
      return last?.state === 'active' ? last.until : null;
    },
    createProfile: (input: Record<string, unknown>) => value<ProfileView>('profiles.create', { username: 'admin', secret: SERVICE_PASSWORD, ...input }),
  };
}

/** Lets every pending promise callback run. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Resolves once `check` holds, after the vault's file writes it waits on; fails after timeoutMs (2 s). */
export async function eventually(check: () => boolean, timeoutMs = 2000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('The expected state never came.');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
