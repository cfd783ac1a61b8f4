// Runs in: sandbox (`npm run sandbox` and tests; never shipped).
//
// The auth.* methods of the TrueNAS middleware (CONTRACTS A.2, A.3) and their per-connection state.

import { randomBytes, randomInt } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Clock } from '../clock.ts';
import type { SandboxSeed, TruenasUser } from '../seed.ts';
import { otpauthUri, verifyTotp } from '../totp.ts';
import { parseGenerateToken, parseLoginData, parseNoArgs, type LoginData } from './params.ts';
import { callError } from './rpc.ts';

export const MAX_OTP_ATTEMPTS = 3;
const DAY_MS = 24 * 60 * 60_000;
const SESSION_LIMITS = { 1: { maxAgeMs: 30 * DAY_MS, idleMs: Number.POSITIVE_INFINITY }, 2: { maxAgeMs: 12 * 60 * 60_000, idleMs: 30 * 60_000 } } as const;

/** Fixed delays for tests; absent means the real server's random ones (OTP failures 1-2 s, rate limit 1-10 s). */
export interface TruenasDelays {
  readonly otpFailureMs?: number;
  readonly rateLimitMs?: number;
}

export interface Connection {
  readonly secure: boolean;
  readonly remoteAddress: string;
  session?: { readonly user: TruenasUser; readonly createdAt: number; lastActive: number };
  /** Present between OTP_REQUIRED and the OTP answer; `count` is the wrong answers so far. */
  otpPending?: { readonly user: TruenasUser; count: number };
}

interface StoredToken {
  readonly user: TruenasUser;
  readonly ttlMs: number;
  readonly origin: string | undefined;
  readonly singleUse: boolean;
  lastUsed: number;
}

export interface Method {
  readonly authRequired: boolean;
  run(connection: Connection, params: unknown[]): unknown;
}

export class TruenasAuth {
  readonly #clock: Clock;
  readonly #seed: SandboxSeed['truenas'];
  readonly #delays: TruenasDelays;
  readonly #tokens = new Map<string, StoredToken>();
  readonly #revokedKeys = new Set<number>();
  readonly methods: ReadonlyMap<string, Method>;

  constructor(clock: Clock, seed: SandboxSeed['truenas'], delays: TruenasDelays = {}) {
    this.#clock = clock;
    this.#seed = seed;
    this.#delays = delays;
    this.methods = new Map<string, Method>([
      ['auth.login_ex', { authRequired: false, run: (c, p) => this.#loginEx(c, parseLoginData(p)) }],
      ['auth.login_ex_continue', { authRequired: false, run: (c, p) => this.#loginEx(c, parseLoginData(p, ['OTP_TOKEN'])) }],
      ['auth.mechanism_choices', { authRequired: false, run: (_c, p) => (parseNoArgs(p), this.#mechanisms()) }],
      ['auth.me', { authRequired: true, run: (c, p) => (parseNoArgs(p), this.#userInfo(c.session!.user)) }],
      ['auth.logout', { authRequired: true, run: (c, p) => (parseNoArgs(p), this.logout(c), true) }],
      ['auth.generate_token', { authRequired: true, run: (c, p) => this.#generateToken(c, p) }],
    ]);
  }

  get aal(): 1 | 2 {
    return this.#seed.aal;
  }

  /** Ends an expired session before the next call, as the middleware does on the next inbound message. */
  touch(connection: Connection): void {
    const session = connection.session;
    if (!session) return;
    const now = this.#clock.now();
    const limits = SESSION_LIMITS[this.#seed.aal];
    if (now >= session.createdAt + limits.maxAgeMs || now >= session.lastActive + limits.idleMs) this.logout(connection);
    else session.lastActive = now;
  }

  logout(connection: Connection): void {
    delete connection.session;
    delete connection.otpPending;
  }

  async rateLimitDelay(): Promise<void> {
    await sleep(this.#delays.rateLimitMs ?? randomInt(1000, 10_001));
  }

  #mechanisms(): string[] {
    return this.#seed.aal === 2 ? ['PASSWORD_PLAIN'] : ['API_KEY_PLAIN', 'TOKEN_PLAIN', 'PASSWORD_PLAIN'];
  }

  async #loginEx(connection: Connection, data: LoginData): Promise<Record<string, unknown>> {
    if (!this.#mechanisms().includes(data.mechanism) && data.mechanism !== 'OTP_TOKEN') {
      throw callError('EOPNOTSUPP', `${data.mechanism}: mechanism is not supported at current authenticator assurance level`);
    }
    if (data.mechanism === 'OTP_TOKEN') return this.#otp(connection, data.otp_token, data.userInfo);
    // Note (pending OTP): another mechanism silently drops a pending OTP step (CONTRACTS A.2 rule 6).
    delete connection.otpPending;
    switch (data.mechanism) {
      case 'PASSWORD_PLAIN': {
        const user = this.#seed.users.find((u) => u.username === data.username);
        if (user?.redirectUrls) return { response_type: 'REDIRECT', urls: [...user.redirectUrls] };
        if (!user || user.password !== data.password) return { response_type: 'AUTH_ERR' };
        if (user.expired) return { response_type: 'EXPIRED' };
        if (user.totp) {
          connection.otpPending = { user, count: 0 };
          return { response_type: 'OTP_REQUIRED', username: user.username };
        }
        return this.#success(connection, user, data.userInfo);
      }
      case 'API_KEY_PLAIN': {
        const match = /^(\d+)-(.+)$/.exec(data.api_key);
        const key = match ? this.#seed.apiKeys.find((k) => k.id === Number(match[1])) : undefined;
        if (!key || key.key !== match![2] || key.username !== data.username) return { response_type: 'AUTH_ERR' };
        if (this.#revokedKeys.has(key.id)) return { response_type: 'EXPIRED' };
        if (!connection.secure) {
          // The real server revokes a key that crossed an unencrypted transport.
          this.#revokedKeys.add(key.id);
          return { response_type: 'EXPIRED' };
        }
        const user = this.#seed.users.find((u) => u.username === key.username);
        return user ? this.#success(connection, user, data.userInfo) : { response_type: 'AUTH_ERR' };
      }
      case 'TOKEN_PLAIN': {
        const stored = this.#tokens.get(data.token);
        const now = this.#clock.now();
        if (!stored || now >= stored.lastUsed + stored.ttlMs || (stored.origin !== undefined && stored.origin !== connection.remoteAddress)) {
          return { response_type: 'AUTH_ERR' };
        }
        if (stored.singleUse) this.#tokens.delete(data.token);
        else stored.lastUsed = now;
        return this.#success(connection, stored.user, data.userInfo);
      }
    }
  }

  async #otp(connection: Connection, code: string, userInfo: boolean): Promise<Record<string, unknown>> {
    const pending = connection.otpPending;
    if (!pending) throw callError('EINVAL', 'OTP_TOKEN: no authentication in progress');
    const totp = pending.user.totp!;
    if (verifyTotp(totp.secret, code, this.#clock.now(), { period: totp.interval, digits: totp.digits, window: this.#seed.otpWindow })) {
      delete connection.otpPending;
      return this.#success(connection, pending.user, userInfo);
    }
    const failDelay = this.#seed.aal === 2 ? 4000 : 1000;
    await sleep(this.#delays.otpFailureMs ?? randomInt(failDelay, failDelay + 1001));
    if (pending.count < MAX_OTP_ATTEMPTS) {
      pending.count += 1;
      return { response_type: 'OTP_REQUIRED', username: pending.user.username };
    }
    delete connection.otpPending;
    return { response_type: 'AUTH_ERR' };
  }

  #success(connection: Connection, user: TruenasUser, userInfo: boolean): Record<string, unknown> {
    const now = this.#clock.now();
    connection.session = { user, createdAt: now, lastActive: now };
    return { response_type: 'SUCCESS', user_info: userInfo ? this.#userInfo(user) : null, authenticator: `LEVEL_${this.#seed.aal}` };
  }

  #generateToken(connection: Connection, params: unknown[]): string {
    const options = parseGenerateToken(params);
    if (!options.singleUse && this.#seed.aal !== 1) throw callError('EOPNOTSUPP', 'Multi-use API tokens are not supported at current authenticator assurance level');
    const token = randomBytes(48).toString('base64url');
    this.#tokens.set(token, {
      user: connection.session!.user, ttlMs: options.ttl * 1000, singleUse: options.singleUse,
      origin: options.matchOrigin ? connection.remoteAddress : undefined, lastUsed: this.#clock.now(),
    });
    return token;
  }

  #userInfo(user: TruenasUser): Record<string, unknown> {
    const attributes = ['LOCAL', ...(user.roles.includes('FULL_ADMIN') ? ['SYS_ADMIN'] : []), ...(user.totp ? ['2FA'] : [])];
    return {
      pw_name: user.username, pw_gecos: user.fullName, pw_dir: `/home/${user.username}`, pw_shell: '/usr/bin/zsh',
      pw_uid: user.uid, pw_gid: user.uid, grouplist: null, sid: null, source: 'LOCAL', local: true,
      attributes: { preferences: {} },
      two_factor_config: {
        provisioning_uri: user.totp ? otpauthUri({ issuer: 'iXsystems', label: `${user.username}-${this.#seed.hostname}@TrueNAS`, secret: user.totp.secret, period: user.totp.interval, digits: user.totp.digits }) : null,
        secret_configured: user.totp !== undefined,
        interval: user.totp?.interval ?? 30,
        otp_digits: user.totp?.digits ?? 6,
      },
      privilege: {
        roles: [...user.roles],
        allowlist: user.roles.includes('FULL_ADMIN') ? [{ method: '*', resource: '*' }] : [],
        web_shell: user.roles.includes('FULL_ADMIN'),
        webui_access: true,
      },
      account_attributes: attributes,
    };
  }
}
