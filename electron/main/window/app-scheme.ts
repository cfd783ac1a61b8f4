// Runs in: main.
//
// How the renderer is served: over app://authdesk (a standard, secure custom scheme) instead
// of file:// (checklist 1, 18), with the CSP and hardening headers on every response (7).
// Module scripts (Vite emits type=module crossorigin) need a standard scheme with the fetch API;
// corsEnabled stays off: it would let other origins read the app's files.
//
// Note (no code cache): the codeCache privilege would spare the window compiling its scripts at
// each start (about 20 ms), but the cached bytecode lives in the profile folder, outside the
// ASAR integrity check, so anyone who can write there could run code in the window. It stays
// off; test/bench/renderer.bench.ts measures the start without it, as the harness sends no-store.
// Change together with electron/core/api/sender.ts (APP_SCHEME, APP_HOST).
import { APP_ORIGIN } from '../../core/api/sender.ts';
import { CONTENT_SECURITY_POLICY } from './csp.ts';

export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

export const APP_SCHEME_PRIVILEGES = Object.freeze({ standard: true, secure: true, supportFetchAPI: true, corsEnabled: false });

export const APP_RESPONSE_HEADERS = Object.freeze({
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
});
