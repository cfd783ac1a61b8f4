// Runs in: CLI.
//
// How the session commands (profile, login, logout, status, identities, switch, stepup) find a
// profile by the name a person typed and show its session, in words and as JSON, so every
// command prints a state the same way. Nothing here sees a password, API key or OTP; a token
// reaches the output only through `login --show-token`.
import { AuthdeskError } from '../core/errors.ts';
import { escapeUnprintable } from '../core/otp/names.ts';
import { PROVIDER_NAMES } from '../core/providers/index.ts';
import type { SessionEvent } from '../core/sessions/types.ts';
import type { ProfileView } from '../core/app/profile-input.ts';

/** The profile named `name` (exactly, else ignoring case when that picks one); NOT_FOUND otherwise. */
export function findProfile(profiles: readonly ProfileView[], name: string): ProfileView {
  const exact = profiles.find((p) => p.name === name);
  if (exact !== undefined) return exact;
  const folded = profiles.filter((p) => p.name.toLowerCase() === name.toLowerCase());
  if (folded.length === 1) return folded[0] as ProfileView;
  const known = profiles.length === 0 ? 'There are no profiles yet.' : '"authdesk profile list" shows them.';
  throw new AuthdeskError('NOT_FOUND', `There is no profile named "${escapeUnprintable(name)}". ${known} Add one with: authdesk profile add NAME --provider truenas|weavr|appgate --url URL --username USER`);
}

/** "TrueNAS (nas)": how messages name a profile. */
export function profileName(profile: ProfileView): string {
  return `${PROVIDER_NAMES[profile.provider]} (${escapeUnprintable(profile.name)})`;
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/** The `login --json` and `status --json` shape: {profile, state, expiresAt, identity}, and the error when there is one. */
export function sessionJson(profile: ProfileView, event: SessionEvent) {
  const active = event.state === 'active';
  return {
    profile: profile.name,
    provider: profile.provider,
    state: event.state,
    expiresAt: active ? iso(event.until) : null,
    identity: active ? event.identity : null,
    ...(event.state === 'awaiting-approval' ? { message: event.message, until: iso(event.until) } : {}),
    ...(event.state === 'error' ? { error: event.error } : {}),
  };
}

/** "until 14:05 UTC (in 29 min)", or "with no expiry". */
export function untilText(until: number | null, now: number): string {
  if (until === null) return 'with no expiry';
  const minutes = Math.max(0, Math.round((until - now) / 60_000));
  const left = minutes < 1 ? 'under a minute' : minutes < 120 ? `${minutes} min` : `${Math.round(minutes / 60)} h`;
  return `until ${new Date(until).toISOString().slice(11, 16)} UTC (in ${left})`;
}

/** One line for a person: the state and what it means. */
export function sessionText(event: SessionEvent, now: number): string {
  switch (event.state) {
    case 'active': {
      const who = event.identity === null ? '' : ` as ${escapeUnprintable(event.identity.name)}`;
      return `logged in${who}, ${untilText(event.until, now)}`;
    }
    case 'expired':
      return 'expired: log in again';
    case 'error':
      return `error: ${event.error.message}`;
    case 'awaiting-otp':
      return 'waiting for a code';
    case 'awaiting-approval':
      return `waiting for approval: ${event.message}`;
    case 'logging-in':
      return 'logging in';
    case 'logged-out':
      return 'logged out';
  }
}

/**
 * The error a failed session call ends the command with: the core's words, and the command that
 * fixes it where the CLI knows one (trusting a certificate, saving a password).
 */
export function sessionFailure(profile: ProfileView, error: SessionEvent & { state: 'error' }): AuthdeskError {
  const { code, message, details } = error.error;
  const name = /^[\w.@-]+$/.test(profile.name) ? profile.name : `'${profile.name.replaceAll("'", "'\\''")}'`;
  const fingerprint = details?.fingerprint;
  let next = '';
  if (code === 'CERT_UNTRUSTED' && fingerprint !== undefined) {
    next = ` Its SHA-256 fingerprint is ${fingerprint}. Compare it with the one the server shows (on its console or web page); if they match, trust it with: authdesk profile trust ${name} --fingerprint ${fingerprint}, then log in again.`;
  } else if (code === 'CERT_CHANGED' && fingerprint !== undefined) {
    next = ` The certificate now has the SHA-256 fingerprint ${fingerprint}. Only if the server's administrator replaced it, trust the new one with: authdesk profile trust ${name} --fingerprint ${fingerprint}`;
  } else if (code === 'PROVIDER_AUTH_FAILED' || code === 'CREDENTIAL_MISSING') {
    next = ` To save another password: authdesk profile edit ${name} --password`;
  }
  return new AuthdeskError(code, `${message}${next}`, { details: { ...details } });
}
