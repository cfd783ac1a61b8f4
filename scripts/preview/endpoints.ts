// Runs in: development (npm run preview), both in Node (server.ts) and in the page
// (standin-entry.ts), so the two cannot disagree on where the preview's endpoints are.

/** POST: one bridge call, `{channel, input, recentInput}` in (recentInput: test/e2e/support/trusted-input.ts), the router's Result out. */
export const CALL_PATH = '/__authdesk/call';
/** GET: the core's events as a server-sent event stream, one named event per channel. */
export const EVENTS_PATH = '/__authdesk/events';
/** GET: the bundled stand-in for the preload, loaded by the page before the app. */
export const STANDIN_PATH = '/__authdesk/standin.js';
/** The query parameter that carries the token in the printed URL and on EVENTS_PATH. */
export const TOKEN_PARAM = 'token';
