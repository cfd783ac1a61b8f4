// Runs in: tests.
//
// A scriptable Provider. Each login plays its script through the LoginSteps it is given, as
// a real client would between its network calls, honours its signal at every await the way
// fetch does (rejecting with the signal's reason), and records what the service would have
// seen: credentials, codes, resume tokens, aborts and logouts.
import { AuthdeskError } from '../../../electron/core/errors.ts';
import type { Identity, LoginRequest, LoginResult, LoginSteps, LogoutRequest, OtpRequest, Provider, SessionRequest } from '../../../electron/core/providers/index.ts';
import { PIN_OPTION } from '../../../electron/core/providers/net/certificates.ts';

export type DoubleStep =
  /** Asks for the credential and fails with PROVIDER_ERROR unless its secret is `expect`. */
  | { readonly kind: 'credential'; readonly expect: string }
  /** Asks for an OTP until it gets `accept`; after `attempts` refused codes (TrueNAS: 4) fails. */
  | { readonly kind: 'otp'; readonly accept: string; readonly attempts?: number; readonly from?: OtpRequest['from']; readonly digits?: number }
  /** Waits for approval until the test calls approve(); a deaf one leaves the abort to the steps alone. */
  | { readonly kind: 'approval'; readonly message: string; readonly until?: number | null; readonly deaf?: boolean }
  /** Offers a seed the service issued (Appgate `Secret`); the answers are in seedsKept. */
  | { readonly kind: 'seed'; readonly otpauthUri: string }
  | { readonly kind: 'fail'; readonly error: unknown }
  /** Waits until aborted; a deaf hang ignores the abort and waits for release() instead. */
  | { readonly kind: 'hang'; readonly deaf?: boolean };

export interface DoubleOptions {
  readonly script?: readonly DoubleStep[];
  readonly token?: string;
  /** The login's expiry; a function reads it at each login (a session that lasts N minutes from then). */
  readonly expiresAt?: number | null | (() => number | null);
  readonly identity?: Identity | null;
  /** A token the double resumes with, skipping its script (TrueNAS TOKEN_PLAIN). */
  readonly resumable?: string;
  /** What logout throws, after recording the call. */
  readonly logoutError?: unknown;
  /** Logout waits until aborted, as over a network that does not answer. */
  readonly logoutHangs?: boolean;
  /**
   * The server's certificate fingerprint, not trusted by the system: a login whose profile does
   * not pin it fails CERT_UNTRUSTED (no pin) or CERT_CHANGED (another pin), as providers/net does.
   */
  readonly certificate?: string;
}

export const REFUSED_TOO_OFTEN = 'The service refused the code too many times. Wait a minute, then log in again.';

export class DoubleProvider implements Provider {
  /** The double serves any address that parses as a URL, as it is given. */
  baseUrl(input: string): string {
    if (!URL.canParse(input)) throw new AuthdeskError('INVALID_INPUT', 'That is not an address. Paste the address you open the service at.');
    return input;
  }

  readonly logins: { readonly profileId: string; readonly resume: string | null }[] = [];
  readonly credentials: string[] = [];
  readonly codes: string[] = [];
  readonly logouts: string[] = [];
  /** What each seed offer returned: true when the person kept it. */
  readonly seedsKept: boolean[] = [];
  /** What each failed login threw, as the service's client saw it. */
  readonly failures: unknown[] = [];
  /** How many logins and logouts saw their signal abort. */
  aborts = 0;
  readonly #options: DoubleOptions;
  #approve: (() => void) | null = null;
  #release: (() => void) | null = null;

  constructor(options: DoubleOptions = {}) {
    this.#options = options;
  }

  /** The person approves on their phone. */
  approve(): void {
    this.#approve?.();
  }

  /** Lets a deaf hang go on, as if the network answered after all. */
  release(): void {
    this.#release?.();
  }

  async login(request: LoginRequest, signal: AbortSignal): Promise<LoginResult> {
    this.logins.push({ profileId: request.profile.id, resume: request.resume });
    this.#checkCertificate(request.profile.options[PIN_OPTION]);
    signal.addEventListener('abort', () => this.aborts++, { once: true });
    const { expiresAt = null } = this.#options;
    const result: LoginResult = { token: this.#options.token ?? 'double-token', expiresAt: typeof expiresAt === 'function' ? expiresAt() : expiresAt, identity: this.#options.identity ?? null };
    if (request.resume !== null && request.resume === this.#options.resumable) return result;
    try {
      for (const step of this.#options.script ?? []) await this.play(step, request.steps, signal);
    } catch (error) {
      this.failures.push(error);
      throw error;
    }
    return result;
  }

  async logout(request: LogoutRequest, signal: AbortSignal): Promise<void> {
    this.logouts.push(request.token);
    signal.addEventListener('abort', () => this.aborts++, { once: true });
    await abortable(this.#options.logoutHangs ? new Promise<never>(() => undefined) : Promise.resolve(), signal);
    if (this.#options.logoutError !== undefined) throw this.#options.logoutError;
  }

  #checkCertificate(pin: string | undefined): void {
    const fingerprint = this.#options.certificate;
    if (fingerprint === undefined || pin === fingerprint) return;
    if (pin === undefined) throw new AuthdeskError('CERT_UNTRUSTED', 'The double presented a certificate your system does not trust.', { details: { fingerprint } });
    throw new AuthdeskError('CERT_CHANGED', 'The double presented a different certificate from the one you trusted.', { details: { fingerprint } });
  }

  /** Plays one step of a script through `steps` (a login's, or a step-up's). */
  protected async play(step: DoubleStep, steps: LoginSteps, signal: AbortSignal): Promise<void> {
    switch (step.kind) {
      case 'credential': {
        const { secret } = await abortable(steps.credential(), signal);
        this.credentials.push(secret);
        if (secret !== step.expect) throw new AuthdeskError('PROVIDER_ERROR', 'The service refused the username or password. Check them in the profile.');
        return;
      }
      case 'otp': {
        const request: OtpRequest = { from: step.from ?? 'authenticator', ...(step.digits === undefined ? {} : { digits: step.digits }) };
        for (let refused = 0; refused < (step.attempts ?? 4); refused++) {
          const code = await abortable(steps.otp(request), signal);
          this.codes.push(code);
          if (code === step.accept) return;
        }
        throw new AuthdeskError('PROVIDER_ERROR', REFUSED_TOO_OFTEN);
      }
      case 'approval': {
        const approved = new Promise<void>((resolve) => (this.#approve = resolve));
        const notice = { message: step.message, until: step.until ?? null };
        if (step.deaf) await steps.approval(notice, approved);
        else await abortable(steps.approval(notice, abortable(approved, signal)), signal);
        return;
      }
      case 'seed':
        this.seedsKept.push(await abortable(steps.offerSeed({ otpauthUri: step.otpauthUri }), signal));
        return;
      case 'fail':
        throw step.error;
      case 'hang':
        if (step.deaf) await new Promise<void>((resolve) => (this.#release = resolve));
        else await abortable(new Promise<never>(() => undefined), signal);
        return;
    }
  }
}

function abortable<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

export interface SessionDoubleOptions extends DoubleOptions {
  readonly identities?: readonly Identity[];
  /** The expiry each call on the session returns (Weavr's sliding window: now + 5 minutes). */
  readonly renewedUntil?: () => number | null;
  /** What a step-up plays (an SMS code, a push to approve). */
  readonly stepUpScript?: readonly DoubleStep[];
  /** The service has ended the session (logged out elsewhere): calls on it fail PROVIDER_AUTH_FAILED. */
  readonly revoked?: boolean;
}

/** A double with Weavr's session calls: identities, switching, step-up and keep-alive. */
export class SessionDouble extends DoubleProvider {
  /** The tokens each session call was made with, by call. */
  readonly calls: { readonly call: string; readonly token: string }[] = [];
  readonly #options: SessionDoubleOptions;

  constructor(options: SessionDoubleOptions = {}) {
    super(options);
    this.#options = options;
  }

  async identities(request: SessionRequest): Promise<readonly Identity[]> {
    this.calls.push({ call: 'identities', token: request.token });
    if (this.#options.revoked) throw new AuthdeskError('PROVIDER_AUTH_FAILED', 'Weavr no longer accepts this session. Log in again.');
    return this.#options.identities ?? [];
  }

  async switchIdentity(request: SessionRequest & { readonly identityId: string }): Promise<LoginResult> {
    this.calls.push({ call: 'switch', token: request.token });
    const identity = this.#options.identities?.find((i) => i.id === request.identityId);
    if (!identity) throw new AuthdeskError('PROVIDER_ERROR', 'The service has no such identity for this login.');
    return this.#renewed(`${request.token.split('~')[0]}~${identity.id}`, identity);
  }

  async stepUp(request: SessionRequest & { readonly method: 'sms' | 'push'; readonly steps: LoginSteps }, signal: AbortSignal): Promise<LoginResult> {
    this.calls.push({ call: `step-up ${request.method}`, token: request.token });
    for (const step of this.#options.stepUpScript ?? []) await this.play(step, request.steps, signal);
    return this.#renewed(`${request.token}+stepped`, this.#options.identity ?? null);
  }

  async keepAlive(request: SessionRequest): Promise<LoginResult> {
    this.calls.push({ call: 'keep-alive', token: request.token });
    return this.#renewed(request.token, this.#options.identity ?? null);
  }

  #renewed(token: string, identity: Identity | null): LoginResult {
    return { token, expiresAt: this.#options.renewedUntil?.() ?? null, identity };
  }
}
