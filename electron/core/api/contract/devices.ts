// Runs in: main, preload, renderer (types only), CLI, tests. The `devices` namespace: this
// computer as a push-approval device of a profile's account (docs/device-approvals.md §3).
// The private key never leaves the vault; the pairing token is used once and not kept.
import * as v from 'valibot';
import type { DeviceList, EnrolmentView } from '../../approvals/views.ts';
import { call, event } from '../spec.ts';
import { id, none } from './inputs.ts';

// A link is `authdesk://pair?server=…&account=…&token=…`; a bare token is 43 characters.
const pairing = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(2048));
const deviceName = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(100));

export const devices = {
  /** The profiles enrolled here, with the state of each one's challenge stream. */
  enrolments: call<EnrolmentView[]>()(none, 'background'),
  /** The devices of the profile's account, as its server lists them (this one marked). */
  list: call<DeviceList>()(v.strictObject({ profileId: id }), 'user'),
  /**
   * Enrols this computer for the profile with the pairing link or token the service showed;
   * PROVIDER_RATE_LIMITED with details.retryAt after too many wrong tokens.
   */
  enrol: call<EnrolmentView>()(v.strictObject({ profileId: id, pairing, name: v.optional(deviceName) }), 'user'),
  /** Revokes a device of the profile's account (this one too: then its key is forgotten here). */
  revoke: call<null>()(v.strictObject({ profileId: id, deviceId: id }), 'user'),
  /** Every enrolment after each change (enrolled, revoked, stream state). */
  onChange: event<EnrolmentView[]>(),
} as const;
