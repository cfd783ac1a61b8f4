// Runs in: main, CLI, tests.
//
// A cancelled login must settle at once even when the work it waits on (a provider, an OTP
// source, a prompt) ignores its signal: every await in sessions/ goes through untilAborted.

import { AuthdeskError } from '../errors.ts';

export function loginCancelled(): AuthdeskError {
  return new AuthdeskError('LOGIN_CANCELLED', 'The login was cancelled. Log in again when you are ready.');
}

/** Settles as `work` does, or rejects with LOGIN_CANCELLED as soon as `signal` aborts. */
export function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(loginCancelled());
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    work.then(
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
