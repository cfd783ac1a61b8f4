// Runs in: renderer.
//
// Turns a bridge call into state a screen can render: loading, a value, or an error whose
// message was written for people by main's router.
import type { Result } from '../../../electron/core/api/spec.ts';
import type { WireError } from '../../../electron/core/errors.ts';

export type Loadable<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly value: T }
  | { readonly status: 'error'; readonly error: WireError };

export const LOADING: Loadable<never> = { status: 'loading' };

// A rejected promise means the bridge itself failed (main gone, preload missing), not a
// refused request; the router never rejects.
const BRIDGE_DOWN: WireError = {
  code: 'INTERNAL',
  message: 'Authdesk’s window lost contact with the app. Restart Authdesk; nothing was changed.',
};

export async function settle<T>(call: () => Promise<Result<T>>): Promise<Loadable<T>> {
  try {
    const result = await call();
    return result.ok ? { status: 'ready', value: result.value } : { status: 'error', error: result.error };
  } catch {
    return { status: 'error', error: BRIDGE_DOWN };
  }
}
