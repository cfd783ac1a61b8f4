// Runs in: the browser only (bundled by scripts/preview.ts, served at STANDIN_PATH and loaded
// by the page before the app).
//
// The preview's stand-in for electron/preload/index.ts: the same window.authdesk, built by
// the same buildBridge, over HTTP to the preview server instead of ipcRenderer. Calls are
// POSTs, events arrive on one EventSource.
import type { Result } from '../../electron/core/api/spec.ts';
import { exposeBridge } from '../../test/e2e/support/expose-bridge.ts';
import { watchTrustedInput } from '../../test/e2e/support/trusted-input.ts';
import { CALL_PATH, EVENTS_PATH, TOKEN_PARAM } from './endpoints.ts';

// Note (token in the tab): read once from the printed URL, then taken out of the address bar
// (nothing to copy by accident or to see over a shoulder) and kept in sessionStorage, which
// only this tab of this origin can read, so a reload still works. See token.ts.
function takeToken(): string {
  const url = new URL(location.href);
  const fromUrl = url.searchParams.get(TOKEN_PARAM);
  if (fromUrl !== null) {
    sessionStorage.setItem(TOKEN_PARAM, fromUrl);
    url.searchParams.delete(TOKEN_PARAM);
    history.replaceState(history.state, '', url);
  }
  return sessionStorage.getItem(TOKEN_PARAM) ?? '';
}

const token = takeToken();
const recentInput = watchTrustedInput();
const events = new EventSource(`${EVENTS_PATH}?${new URLSearchParams({ [TOKEN_PARAM]: token })}`);
// Calls wait for the stream, so an event that a call causes (a status change) cannot be sent
// before the page listens. A refused stream fires 'error' instead; its calls are refused too.
const streaming = new Promise<void>((ready) => {
  events.addEventListener('open', () => ready(), { once: true });
  events.addEventListener('error', () => ready(), { once: true });
});

const failure = (message: string): Result<unknown> => ({ ok: false, error: { code: 'INTERNAL', message } });

async function invoke(channel: string, input: unknown): Promise<Result<unknown>> {
  await streaming;
  let response: Response;
  try {
    response = await fetch(CALL_PATH, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ channel, input, recentInput: recentInput() }),
    });
  } catch {
    return failure('The preview server cannot be reached. Is `npm run preview` still running?');
  }
  // Every answer of the endpoint is a Result, refusals included; anything else is not.
  try {
    return (await response.json()) as Result<unknown>;
  } catch {
    return failure(`The preview server answered ${response.status} without a result.`);
  }
}

exposeBridge({
  invoke,
  subscribe(channel, listener) {
    const forward = (event: MessageEvent<string>) => listener(JSON.parse(event.data));
    events.addEventListener(channel, forward);
    return () => events.removeEventListener(channel, forward);
  },
});
