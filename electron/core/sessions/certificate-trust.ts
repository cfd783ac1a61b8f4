// Runs in: main, CLI, tests.
//
// Trust on first use, the person's side: a login that meets a certificate the system does not
// trust (CERT_UNTRUSTED, with its fingerprint) asks the person once, through Prompt.confirm with
// the fingerprint to compare, and on yes pins it in the profile (PinStore) so the login goes on.
// A changed certificate (CERT_CHANGED) is never asked here: it stays an error on the profile
// until the person decides with profiles.trustCertificate (app/profiles.ts).
import { isAuthdeskError } from '../errors.ts';
import type { Prompt } from '../platform/ports.ts';
import { PROVIDER_NAMES } from '../providers/index.ts';
import type { Profile } from '../vault/model.ts';
import { loginCancelled, untilAborted } from './cancellation.ts';
import type { PinStore } from './types.ts';

/** The fingerprint `error` asks the person to trust, or null when it is another failure. */
export function untrustedFingerprint(error: unknown): string | null {
  if (!isAuthdeskError(error, 'CERT_UNTRUSTED')) return null;
  const fingerprint = error.details?.['fingerprint'];
  return typeof fingerprint === 'string' ? fingerprint : null;
}

/** Asks the person about `fingerprint`; the pinned profile on yes, LOGIN_CANCELLED on no. */
export async function askToTrust(profile: Profile, fingerprint: string, prompt: Prompt, pins: PinStore, signal: AbortSignal): Promise<Profile> {
  const service = PROVIDER_NAMES[profile.provider];
  const accepted = await untilAborted(
    () =>
      prompt.confirm(
        {
          subject: `${service} (${profile.name})`,
          message: `${service} at ${profile.baseUrl} presented a certificate your system does not trust, as self-signed appliances do. Trust it only if this SHA-256 fingerprint matches the one the server shows.`,
          detail: fingerprint,
        },
        signal,
      ),
    signal,
  );
  if (!accepted) throw loginCancelled();
  return untilAborted(() => pins.pin(profile, fingerprint, signal), signal);
}
