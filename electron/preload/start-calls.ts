// Runs in: preload (bundled to CommonJS), and the browser stand-ins of the e2e tests and of
// `npm run preview` (through bridge.ts).
//
// Note (asked by the preload): the main window's first two calls, the vault's status and the
// first screenful of codes, are made here as the preload runs, while the page is still loading
// and compiling its scripts; the page mounts once both are here (renderer/src/main.ts) and
// paints its codes in its first frame. VS Code's sandboxed preload resolves its window
// configuration the same way. Each answer is given once; a later call asks main afresh. A
// status event heard after the early answer is newer than it (events and answers share one
// ordered channel) and is given instead, so a lock while the page loads is never missed. The
// quick-search palette (palette.html) needs neither and asks nothing. Change together with
// renderer/src/main.ts, which waits for ready().
import type { Result } from '../core/api/spec.ts';
import { channelName } from '../core/api/spec.ts';
import type { FirstScreen, VaultStatus } from '../core/api/types.ts';
import type { Transport } from './bridge.ts';

/** Rows in the first screenful: more than a tall window shows (64 px each). */
export const FIRST_SCREEN_ROWS = 30;

export interface StartCalls {
  /** The vault's status: the answer asked for as the preload ran (or a newer event), once; then a fresh one. */
  status(): Promise<Result<VaultStatus>>;
  /** The first screenful of codes: the early answer once, when it holds codes (not, say, VAULT_LOCKED); else a fresh one. */
  firstScreen(): Promise<Result<FirstScreen>>;
  /** Settles when both early answers are here (at once in a window that asked none). */
  ready(): Promise<void>;
}

const STATUS = channelName('vault', 'status');
const STATUS_EVENTS = channelName('vault', 'onStatus');
const FIRST_SCREEN = channelName('accounts', 'firstScreen');

export function startCalls(transport: Transport, pathname: string): StartCalls {
  const askStatus = () => transport.invoke(STATUS, undefined) as Promise<Result<VaultStatus>>;
  const askFirstScreen = () => transport.invoke(FIRST_SCREEN, { count: FIRST_SCREEN_ROWS }) as Promise<Result<FirstScreen>>;
  if (pathname.endsWith('/palette.html')) return Object.freeze({ status: askStatus, firstScreen: askFirstScreen, ready: () => Promise.resolve() });

  let heard: VaultStatus | null = null;
  const stopHearing = transport.subscribe(STATUS_EVENTS, (status) => (heard = status as VaultStatus));
  // A rejected call (the transport gone) is the caller's to see, as with any other call.
  let earlyStatus: Promise<Result<VaultStatus>> | null = askStatus().then((answer) => {
    heard = null;
    return answer;
  });
  let earlyFirstScreen: Promise<Result<FirstScreen>> | null = askFirstScreen();
  const both = Promise.allSettled([earlyStatus, earlyFirstScreen]).then(() => undefined);

  return Object.freeze({
    status(): Promise<Result<VaultStatus>> {
      const pending = earlyStatus;
      earlyStatus = null;
      if (!pending) return askStatus();
      return pending.finally(stopHearing).then((answer) => (heard ? { ok: true as const, value: heard } : answer));
    },
    firstScreen(): Promise<Result<FirstScreen>> {
      const pending = earlyFirstScreen;
      earlyFirstScreen = null;
      return pending ? pending.then((answer) => (answer.ok ? answer : askFirstScreen())) : askFirstScreen();
    },
    ready: () => both,
  });
}
