// Runs in: tests.
//
// A scriptable Provider. Each login plays its script through the LoginSteps it is given, as
// a real client would between its network calls, honours its signal at every await the way
// fetch does (rejecting with the signal's reason), and records what the service would have
// seen: credentials, codes, resume tokens, aborts and logouts.
import { AuthdeskError } from '../../../electron/core/errors.ts';
import type { Identity, LoginRequest, LoginResult, LogoutRequest, OtpRequest, Provider } from '../../../electron/core/providers/index.ts';

export type DoubleStep =
  /** Asks for the credential and fails with PROVIDER_ERROR unless its secret is `expect`. */
  | { readonly kind: 'credential'; readonly expect: string }
  /** Asks for an OTP until it gets `accept`; after `attempts` refused codes (TrueNAS: 4) fails. */
  | { readonly kind: 'otp'; readonly accept: string; readonly attempts?: number; readonly from?: OtpRequest['from']; readonly digits?: number }
  /** Waits for approval until the test calls approve(); a deaf one leaves the abort to the steps alone. */
  | { readonly kind: 'approval'; readonly message: string; readonly until?: number | null; readonly deaf?: boolean }
  | { readonly kind: 'fail'; readonly error: unknown }
  /** Waits until aborted; a deaf hang ignores the abort and waits for release() instead. */
  | { readonly kind: 'hang'; readonly deaf?: boolean };

export interface DoubleOptions {
  readonly script?: readonly DoubleStep[];
  readonly token?: string;
  readonly expiresAt?: number | null;
  readonly identity?: Identity | null;
  /** A token the double resumes with, skipping its script (TrueNAS TOKEN_PLAIN). */
  readonly resumable?: string;
  /** What logout throws, after recording the call. */
  readonly logoutError?: unknown;
  /** Logout waits until aborted, as over a network that does not answer. */
  readonly logoutHangs?: boolean;
}

export const REFUSED_TOO_OFTEN = 'The service refused the code too many times. Wait a minute, then log in again.';

export class DoubleProvider implements Provider {
  /** The double serves whatever address it is given. */
  baseUrl(input: string): string {
    return input;
  }

  readonly logins: { readonly profileId: string; readonly resume: string | null }[] = [];
  readonly credentials: string[] = [];
  readonly codes: string[] = [];
  readonly logouts: string[] = [];
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
    signal.addEventListener('abort', () => this.aborts++, { once: true });
    const result: LoginResult = { token: this.#options.token ?? 'double-token', expiresAt: this.#options.expiresAt ?? null, identity: this.#options.identity ?? null };
    if (request.resume !== null && request.resume === this.#options.resumable) return result;
    try {
      for (const step of this.#options.script ?? []) await this.#play(step, request, signal);
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

  async #play(step: DoubleStep, { steps }: LoginRequest, signal: AbortSignal): Promise<void> {
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
