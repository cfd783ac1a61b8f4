// Runs in: CLI.
//
// `authdesk devices list|enrol|revoke PROFILE ...`: this computer as a push-approval device of
// a profile's account. The pairing link (or token) comes from the service's account page; the
// private key is made here and kept in the vault.
import type { ProfileView } from '../../../core/app/profile-input.ts';
import { AuthdeskError } from '../../../core/errors.ts';
import { escapeUnprintable } from '../../../core/otp/names.ts';
import { jsonText } from '../../account-view.ts';
import type { Command } from '../../command.ts';
import { EXIT } from '../../exit-codes.ts';
import { writeLine } from '../../io.ts';
import { profileName } from '../../session-view.ts';
import { withProfile } from '../sessions/with-profile.ts';

const ACTIONS = ['list', 'enrol', 'revoke'] as const;
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export const devicesCommand: Command = {
  name: 'devices',
  summary: "enrol this computer for a profile's push approvals; list or revoke the account's devices",
  details:
    'enrol PROFILE --pairing LINK_OR_TOKEN [--name NAME]: paste the pairing link (authdesk://pair?...) or token the service shows; too many wrong tokens are refused for a while (exit 4, saying how long). list PROFILE: the account\'s devices, this one marked. revoke PROFILE DEVICE_ID: revokes a device (this one too: its key is then forgotten here). --json: enrol {profile, account, deviceId, name, numberDigits}; list {profile, account, devices: [{deviceId, name, enrolledAt, lastSeenAt, thisDevice}]}; revoke {profile, deviceId, revoked}.',
  usage: 'devices list|enrol|revoke PROFILE [DEVICE_ID] [--pairing LINK_OR_TOKEN] [--name NAME] [--json]',
  options: { pairing: { type: 'string' }, name: { type: 'string' } },
  async run(context) {
    const { io, global, values } = context;
    const [actionText = '', name = '', ...rest] = context.positionals.map((p) => p.trim());
    const action = ACTIONS.find((a) => a === actionText.toLowerCase());
    const wantsDevice = action === 'revoke' ? 1 : 0;
    if (action === undefined || name === '' || rest.length !== wantsDevice || rest.includes('')) {
      throw new AuthdeskError('INVALID_INPUT', `Usage: authdesk ${devicesCommand.usage}`);
    }
    const say = (profile: ProfileView, json: unknown, text: string) => writeLine(io.stdout, global.json ? jsonText(json) : `${profileName(profile)}: ${text}`);
    if (action === 'enrol') {
      const pairing = values.pairing;
      if (typeof pairing !== 'string' || pairing.trim() === '') throw new AuthdeskError('INVALID_INPUT', `Give the pairing link or token the service shows with --pairing. Usage: authdesk ${devicesCommand.usage}`);
      const deviceName = typeof values.name === 'string' && values.name.trim() !== '' ? values.name.trim().slice(0, 100) : undefined;
      await withProfile(context, name, async (core, profile) => {
        const e = await core.devices.enrol(profile.id, pairing, deviceName);
        say(profile, { profile: profile.name, account: e.account, deviceId: e.deviceId, name: e.name, numberDigits: e.numberDigits }, `enrolled as "${escapeUnprintable(e.name)}" for ${escapeUnprintable(e.account)} (device ${e.deviceId}).`);
      });
      return EXIT.ok;
    }
    if (action === 'list') {
      await withProfile(context, name, async (core, profile) => {
        const listed = await core.devices.list(profile.id);
        const devices = listed.devices.map((d) => ({ ...d, enrolledAt: iso(d.enrolledAt), lastSeenAt: iso(d.lastSeenAt) }));
        if (global.json) writeLine(io.stdout, jsonText({ profile: profile.name, account: listed.account, devices }));
        else for (const d of devices) writeLine(io.stdout, `${d.deviceId}  ${escapeUnprintable(d.name)}${d.thisDevice ? ' (this computer)' : ''}  enrolled ${d.enrolledAt}  last seen ${d.lastSeenAt ?? 'never'}`);
      });
      return EXIT.ok;
    }
    const deviceId = rest[0]!;
    await withProfile(context, name, async (core, profile) => {
      await core.devices.revoke(profile.id, deviceId);
      say(profile, { profile: profile.name, deviceId, revoked: true }, `device ${escapeUnprintable(deviceId)} revoked.`);
    });
    return EXIT.ok;
  },
};
