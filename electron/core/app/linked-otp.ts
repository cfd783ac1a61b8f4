// Runs in: main, CLI, tests.
//
// The OTP a profile's linked vault account answers with, timed so the service can accept it.
//
// Note (code timing): a code with under 3 seconds left may expire on its way (TrueNAS checks
// the current step only by default), so the source waits for the next period instead. After a
// refused automatic code it answers once more with the NEXT time step's code, waiting for that
// step to begin: the refused code came from a clock the service disagrees with, or arrived
// late. sessions/login-steps.ts decides when to ask for which; change the two together.
import type { CodesService } from '../accounts/codes.ts';
import type { VaultAccess } from '../accounts/vault-access.ts';
import type { Clock } from '../platform/ports.ts';
import type { OtpSource } from '../sessions/index.ts';

/** A code with less than this left is not sent: the next one is waited for. */
export const FRESH_ENOUGH_MS = 3000;

export function createLinkedOtpSource(vault: VaultAccess, codes: CodesService, clock: Clock): OtpSource {
  return {
    async code(profile, signal, moment) {
      const data = vault.data();
      // The profile as saved now: a seed kept mid-login has just linked its account.
      const accountId = (data.profiles.find((p) => p.id === profile.id) ?? profile).otpAccountId;
      const account = data.accounts.find((a) => a.id === accountId);
      if (!account) return null;
      if (account.otp.type === 'hotp') return (await codes.nextHotp(account.id)).code;
      const period = account.otp.period * 1000;
      const now = clock.now();
      const left = period - (now % period);
      if (moment === 'next' || left < FRESH_ENOUGH_MS) await sleep(clock, left, signal);
      return codes.codeAt(account, Math.floor(clock.now() / 1000)).code;
    },
  };
}

function sleep(clock: Clock, ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = clock.setTimeout(() => {
      signal.removeEventListener('abort', stop);
      resolve();
    }, ms);
    // The login's steps reject at once on abort; this only stops the timer.
    const stop = (): void => timer.cancel();
    signal.addEventListener('abort', stop, { once: true });
  });
}
