// Runs in: preload (bundled to CommonJS), and the browser stand-ins of the e2e tests and of
// `npm run preview`.
//
// Builds window.authdesk from the contract over any transport: Electron's ipcRenderer in the
// real preload, a Playwright binding in the e2e stand-in, HTTP on loopback in the preview. All
// expose exactly this object, so the tests exercise the same bridge the app ships. Listeners receive only the payload,
// never the Electron event.
import { contract, type Contract } from '../core/api/contract/index.ts';
import { channelName, members, type Bridge, type Result } from '../core/api/spec.ts';
import { startCalls, type StartCalls } from './start-calls.ts';

export interface Transport {
  invoke(channel: string, input: unknown): Promise<Result<unknown>>;
  subscribe(channel: string, listener: (payload: unknown) => void): () => void;
}

/** The contract's namespaces, and `start`: the window's first calls, asked as the preload runs (start-calls.ts). */
export type AuthdeskBridge = Bridge<Contract> & { readonly start: StartCalls };

export function buildBridge(transport: Transport): AuthdeskBridge {
  const bridge: Record<string, Record<string, unknown>> = {};
  for (const { namespace, member, spec } of members(contract)) {
    const group = (bridge[namespace] ??= {});
    const channel = channelName(namespace, member);
    group[member] =
      spec.kind === 'call'
        ? (input?: unknown) => transport.invoke(channel, input)
        : (listener: (payload: unknown) => void) => {
            if (typeof listener !== 'function') throw new TypeError('listener must be a function');
            return transport.subscribe(channel, (payload) => listener(payload));
          };
  }
  for (const group of Object.values(bridge)) Object.freeze(group);
  // The page's path; the preload runs in a window, the unit tests have none.
  const page = (globalThis as { location?: { pathname?: string } }).location?.pathname ?? '';
  return Object.freeze({ ...bridge, start: startCalls(transport, page) }) as unknown as AuthdeskBridge;
}
