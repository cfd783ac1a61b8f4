// Runs in: main, CLI, tests.
//
// A cancelled login must settle at once even when the work it waits on (a provider, an OTP
// source, a prompt) ignores its signal: every wait on one of them goes through untilAborted.

import { AuthdeskError } from '../errors.ts';

export function loginCancelled(): AuthdeskError {
  return new AuthdeskError('LOGIN_CANCELLED', 'The login was cancelled. Log in again when you are ready.');
}

/**
 * Starts `work` unless `signal` has aborted (a cancelled login asks no source and no person),
 * then settles as it does, or rejects with LOGIN_CANCELLED as soon as `signal` aborts.
 */
export function untilAborted<T>(work: () => Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(loginCancelled());
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(loginCancelled());
    signal.addEventListener('abort', onAbort, { once: true });
    work().then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
