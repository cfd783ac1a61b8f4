// Runs in: main, CLI, tests.
//
// The TrueNAS client: JSON-RPC 2.0 over a WebSocket to the middleware's /api/current
// (CONTRACTS A), behind the Provider interface. Each login and logout opens its own socket
// and closes it before returning.

import { PROVIDER_NAMES, type Provider } from '../types.ts';
import { truenasBaseUrl } from './endpoint.ts';
import { login, type TruenasContext } from './login.ts';
import { logout } from './logout.ts';

const DEFAULT_TIMEOUT_MS = 15_000;

export interface TruenasOptions {
  /** Bounds the connection and every call; 15 s when not given (a wrong OTP alone costs the server 1-5 s). */
  readonly timeoutMs?: number;
}

export function createTruenasProvider(options: TruenasOptions = {}): Provider {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const context = (name: string, signal: AbortSignal): TruenasContext => ({ service: `${PROVIDER_NAMES.truenas} (${name})`, timeoutMs, signal });
  return {
    baseUrl: truenasBaseUrl,
    login: (request, signal) => login(request, context(request.profile.name, signal)),
    logout: (request, signal) => logout(request, context(request.profile.name, signal)),
  };
}
