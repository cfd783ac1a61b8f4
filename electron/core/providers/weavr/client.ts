// Runs in: main, CLI, tests.
//
// One Weavr Multi conversation (a login, a switch, a step-up): the shared HTTPS client with the
// programme key on every call, the bearer token where the call needs one, each answer checked
// against the call's documented successes, and the time of the last call, from which the
// sliding 5-minute window runs.
//
// Note (one connection pool per address): the provider keeps one HTTPS client per base URL and
// pin (HttpPool), so a switch or a keep-alive reuses the login's kept-alive connection instead of
// a new handshake; idle connections do not hold a CLI process open (undici unrefs them).
//
// Note (rate limit honoured): after a 429 the base URL is refused locally until its
// x-ratelimit-reset has passed (RateGate, one per provider), so a password is not sent to a
// service that asked us to wait. errors.ts computes the retryAt this gate keeps.

import { AuthdeskError } from '../../errors.ts';
import type { Profile } from '../../vault/model.ts';
import { createHttpClient, PIN_OPTION, type HttpClient, type HttpResponse } from '../net/index.ts';
import { PROVIDER_NAMES } from '../types.ts';
import { stillRateLimited, weavrFailure, type WeavrCall } from './errors.ts';

/** The Profile.options key holding the programme's api-key. A secret: never in a message or a log. */
export const PROGRAMME_KEY_OPTION = 'programmeKey';
/** Weavr tokens live 5 minutes from their last use (CONTRACTS B.2). */
export const IDLE_MS = 5 * 60_000;

const MULTI_PATH = '/multi';

/**
 * What a person pastes, completed to the Multi API base: the sandbox's printed
 * `http://127.0.0.1:PORT/multi` is kept, a bare `https://host` gains `/multi`.
 */
export function weavrBaseUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw invalidUrl('is not a web address');
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname))) {
    throw invalidUrl('must start with https:// (plain http is accepted only for a service on this computer, such as the sandbox)');
  }
  if (url.username || url.password || url.search || url.hash) throw invalidUrl('must not carry a user name, a query or a fragment');
  const path = url.pathname.replace(/\/+$/, '');
  if (path !== '' && path !== MULTI_PATH && !path.endsWith(MULTI_PATH)) throw invalidUrl(`must be the Multi API's address, ending in ${MULTI_PATH} (or just https://host)`);
  return `${url.origin}${path === '' ? MULTI_PATH : path}`;
}

function invalidUrl(why: string): AuthdeskError {
  return new AuthdeskError('INVALID_INPUT', `The Weavr Multi address ${why}, for example https://sandbox.weavr.io.`, { details: { field: 'baseUrl' } });
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

export function serviceName(profile: Profile): string {
  return `${PROVIDER_NAMES.weavr} (${profile.name})`;
}

/** Base URL → when its 429 lifts. */
export type RateGate = Map<string, number>;

/** Base URL and service name (messages name the profile) → the HTTPS client and the pin it was made with. */
export type HttpPool = Map<string, { readonly pin: string | null; readonly http: HttpClient }>;

export interface WeavrClientOptions {
  readonly timeoutMs: number | undefined;
  readonly now: () => number;
  readonly gate: RateGate;
  readonly pool: HttpPool;
}

function pooledHttp(profile: Profile, service: string, options: WeavrClientOptions): HttpClient {
  const pin = profile.options[PIN_OPTION] ?? null;
  const key = `${profile.baseUrl}\n${service}`;
  const pooled = options.pool.get(key);
  if (pooled?.pin === pin) return pooled.http;
  // A newly accepted certificate replaces the client that trusted the old one.
  void pooled?.http.close();
  const http = createHttpClient({ baseUrl: profile.baseUrl, pin, service, ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }) });
  options.pool.set(key, { pin, http });
  return http;
}

export interface WeavrRequest {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly call: WeavrCall;
  /** The statuses the contract calls success for this call. */
  readonly ok: readonly number[];
  readonly bearer?: string;
  readonly json?: unknown;
  /** Only for reads: never for a password, an OTP or a challenge. */
  readonly retry?: boolean;
}

export interface WeavrClient {
  readonly service: string;
  /** The successful response, or the AuthdeskError its status means. */
  send(request: WeavrRequest): Promise<HttpResponse>;
  /** When the session's tokens stop working if nothing else is sent: 5 minutes after the last call went out. */
  expiresAt(): number;
  now(): number;
}

export function openWeavrClient(profile: Profile, signal: AbortSignal, options: WeavrClientOptions): WeavrClient {
  const service = serviceName(profile);
  const key = profile.options[PROGRAMME_KEY_OPTION];
  if (!key) {
    throw new AuthdeskError('CREDENTIAL_MISSING', `The profile has no Weavr programme key (api-key). Add it to the profile, then log in again.`, { details: { field: `options.${PROGRAMME_KEY_OPTION}` } });
  }
  const http = pooledHttp(profile, service, options);
  let lastSent = options.now();
  return {
    service,
    now: options.now,
    expiresAt: () => lastSent + IDLE_MS,
    async send(request) {
      const now = options.now();
      const retryAt = options.gate.get(profile.baseUrl);
      if (retryAt !== undefined && retryAt > now) throw stillRateLimited(service, retryAt, now);
      options.gate.delete(profile.baseUrl);
      lastSent = now;
      const response = await http.request({
        method: request.method, path: request.path, signal,
        headers: { 'api-key': key, ...(request.bearer ? { authorization: `Bearer ${request.bearer}` } : {}) },
        ...(request.json === undefined ? {} : { json: request.json }),
        ...(request.retry ? { retry: true } : {}),
      });
      if (request.ok.includes(response.status)) return response;
      const failure = weavrFailure(response, request.call, service, options.now());
      if (failure.code === 'PROVIDER_RATE_LIMITED' && typeof failure.details?.retryAt === 'number' && response.status === 429) {
        options.gate.set(profile.baseUrl, failure.details.retryAt);
      }
      throw failure;
    },
  };
}
