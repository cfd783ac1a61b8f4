// Runs in: main.
//
// How the renderer is served: over app://authdesk (a standard, secure custom scheme) instead
// of file:// (checklist 1, 18), with the CSP and hardening headers on every response (7).
// Change together with electron/core/api/sender.ts (APP_SCHEME, APP_HOST).
import { APP_ORIGIN } from '../../core/api/sender.ts';
import { CONTENT_SECURITY_POLICY } from './csp.ts';

export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

export const APP_SCHEME_PRIVILEGES = Object.freeze({ standard: true, secure: true, supportFetchAPI: false, corsEnabled: false });

export const APP_RESPONSE_HEADERS = Object.freeze({
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
});
