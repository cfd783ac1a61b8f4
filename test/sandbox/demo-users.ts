// Runs in: sandbox (`npm run sandbox` and tests; never shipped).
//
// The demo accounts as a person sees them at start: what to type and what to add to Authdesk.

import type { SandboxSeed } from './seed.ts';
import { otpauthUri } from './totp.ts';

export interface DemoUser {
  readonly provider: 'truenas' | 'weavr' | 'appgate';
  readonly username: string;
  readonly password: string;
  /** The TOTP seed as an otpauth:// URI to add to Authdesk; null when the login has no TOTP. */
  readonly otpauth: string | null;
  readonly notes: string;
}

export function demoUsers(seed: SandboxSeed, urls: { readonly approvals: string }): DemoUser[] {
  const users: DemoUser[] = [];
  for (const user of seed.truenas.users) {
    const otpauth = user.totp
      ? otpauthUri({ issuer: 'TrueNAS sandbox', label: user.username, secret: user.totp.secret, period: user.totp.interval, digits: user.totp.digits })
      : null;
    const key = seed.truenas.apiKeys.find((k) => k.username === user.username);
    const notes = user.expired ? 'Account expired: login answers EXPIRED.'
      : user.redirectUrls ? `Configured on the standby node: login answers REDIRECT to ${user.redirectUrls.join(', ')}.`
      : user.totp ? 'Password, then a TOTP code (OTP_REQUIRED).'
      : key ? `No 2FA. API key ${key.id}-${key.key} (API_KEY_PLAIN works only with --tls; over plain ws it is revoked).`
      : 'No 2FA.';
    users.push({ provider: 'truenas', username: user.username, password: user.password, otpauth, notes });
  }
  for (const user of seed.weavr.users) {
    const pairing = seed.approvals.accounts.find((a) => a.account === `weavr:${user.email}`);
    const notes = [
      `${user.identities.length} identit${user.identities.length === 1 ? 'y' : 'ies'}: ${user.identities.map((i) => `${i.name} (${i.type})`).join(', ')}.`,
      user.passwordExpired ? 'Password expired: login answers 409 with a temporary token.' : 'SMS code is always 123456.',
      pairing ? `Push step-ups go to an Authdesk device paired at ${urls.approvals} (pairing link above); type the ${pairing.numberDigits}-digit number shown.` : '',
    ].filter(Boolean).join(' ');
    users.push({ provider: 'weavr', username: user.email, password: user.password, otpauth: null, notes });
  }
  for (const user of seed.appgate.users) {
    const pairing = seed.approvals.accounts.find((a) => a.account === `appgate:${user.username}`);
    const { mfa } = user;
    const otpauth = mfa.type === 'AlreadySeeded' || mfa.type === 'Challenge'
      ? otpauthUri({ issuer: 'Appgate sandbox', label: user.username, secret: mfa.secret })
      : null;
    const notes = mfa.type === 'AlreadySeeded' ? 'MFA: TOTP (AlreadySeeded).'
      : mfa.type === 'Secret' ? 'MFA: first-time enrolment (Secret): the server hands out the seed and QR at login.'
      : mfa.type === 'Challenge' ? 'MFA: RADIUS Challenge; answer with the TOTP code and echo the state.'
      : mfa.type === 'Push' ? `MFA: Push to an Authdesk device paired at ${urls.approvals} (pairing link above); type the ${pairing?.numberDigits ?? 3}-digit number shown.`
      : user.admin ? 'No MFA.' : 'No MFA and no admin rights: authorization answers 403.';
    users.push({ provider: 'appgate', username: user.username, password: user.password, otpauth, notes });
  }
  return users;
}
