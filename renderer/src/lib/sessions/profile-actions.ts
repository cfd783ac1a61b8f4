// Runs in: renderer.
//
// What a click or key on a profile asks for; the Sessions screen decides what each means.
import type { ProfileView, SessionEvent } from '../../../../electron/core/api/types.ts';

export interface ProfileActions {
  login(profile: ProfileView): void;
  cancel(profile: ProfileView): void;
  logout(profile: ProfileView): void;
  edit(profile: ProfileView): void;
  remove(profile: ProfileView): void;
  /** Pins the fingerprint the person compared, after CERT_UNTRUSTED or CERT_CHANGED. */
  trust(profile: ProfileView, fingerprint: string): void;
  switchIdentity(profile: ProfileView, identityId: string): void;
  stepUp(profile: ProfileView, method: 'sms' | 'push'): void;
}

/** A login or step-up under way: it can be cancelled, not started again. */
export function isBusy(event: SessionEvent | undefined): boolean {
  return event?.state === 'logging-in' || event?.state === 'awaiting-otp' || event?.state === 'awaiting-approval';
}
