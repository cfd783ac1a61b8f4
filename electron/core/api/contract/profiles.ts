// Runs in: main, preload, renderer (types only), CLI, tests. The `profiles` namespace: the
// services a person logs in to, each with its saved password or API key (write-only: no call
// ever returns one).
import * as v from 'valibot';
import { profileInputShape, type ProfileView } from '../../app/profile-input.ts';
import { call, event } from '../spec.ts';
import { id, none } from './inputs.ts';

export const profiles = {
  /** Every profile, never a secret: which kind is saved, whether a programme key is set. */
  list: call<ProfileView[]>()(none, 'background'),
  /** Adds a profile; INVALID_INPUT with details.field names the field to fix. */
  create: call<ProfileView>()(v.strictObject(profileInputShape), 'user'),
  /** Changes the given fields; an omitted secret or programme key keeps the saved one. */
  edit: call<ProfileView>()(v.strictObject({ id, ...v.partial(v.strictObject(profileInputShape)).entries }), 'user'),
  /** Logs the profile's session out, then removes it and its saved password (its OTP account stays). */
  remove: call<null>()(v.strictObject({ id }), 'user'),
  /** Pins the certificate fingerprint the person compared (after CERT_UNTRUSTED or CERT_CHANGED). */
  trustCertificate: call<ProfileView>()(v.strictObject({ id, fingerprint: v.pipe(v.string(), v.regex(/^(?:[0-9A-Fa-f]{2}:){31}[0-9A-Fa-f]{2}$/)) }), 'user'),
  /** Every profile after each change, from the window or the CLI's process. */
  onChange: event<ProfileView[]>(),
} as const;
