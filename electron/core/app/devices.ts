// Runs in: main, CLI, tests.
//
// This computer as a push-approval device (docs/device-approvals.md): enrolment of a profile
// with the pairing link the service shows (a P-256 key made here, its private half kept in the
// vault), listing and revoking the account's devices, and one live challenge stream per
// enrolled profile while the vault is unlocked. Stream events go to the approvals service.
//
// Note (one approvals address): the server a device enrolled with is kept in its DeviceKey, and
// written to the profile's `approvalsUrl` option (providers/weavr/stepup.ts APPROVALS_OPTION),
// so the Weavr step-up shows the number from the same server the device answers on.

import { hostname } from 'node:os';
import type { VaultAccess } from '../accounts/vault-access.ts';
import { ChallengeStream, type StreamStatus } from '../approvals/challenge-stream.ts';
import { DeviceApi, type Signer } from '../approvals/device-api.ts';
import { parsePairing } from '../approvals/pairing.ts';
import { newDeviceKey } from '../approvals/signing.ts';
import type { DeviceList, EnrolmentView } from '../approvals/views.ts';
import { AuthdeskError, isAuthdeskError } from '../errors.ts';
import type { Clock } from '../platform/ports.ts';
import { PIN_OPTION } from '../providers/net/index.ts';
import { APPROVALS_OPTION } from '../providers/weavr/stepup.ts';
import type { DeviceKey, Profile } from '../vault/model.ts';
import type { Answerer, ApprovalsService } from './approvals.ts';
import type { ProfilesService } from './profiles.ts';

export interface DevicesOptions {
  readonly vault: VaultAccess;
  readonly clock: Clock;
  readonly profiles: ProfilesService;
  readonly approvals: ApprovalsService;
  /** The server's heartbeat interval; shorter in tests of dead-connection detection. */
  readonly heartbeatMs?: number;
}

interface Running {
  readonly key: DeviceKey;
  readonly api: DeviceApi;
  readonly stream: ChallengeStream;
  status: StreamStatus;
  /** When the stream last connected or delivered an event: caughtUp() waits for quiet after it. */
  lastActivity: number;
}

const STOPPED: StreamStatus = { state: 'stopped', retryAt: null, problem: null };

/** The profile's pin goes to the approvals server only when it is the profile's own host. */
function pinFor(profile: Profile, server: string): string | null {
  return new URL(server).origin === new URL(profile.baseUrl).origin ? (profile.options[PIN_OPTION] ?? null) : null;
}

function defaultName(): string {
  return `Authdesk on ${hostname()}`.slice(0, 100);
}

export class DevicesService {
  readonly #options: DevicesOptions;
  readonly #running = new Map<string, Running>();
  readonly #listeners = new Set<(enrolments: EnrolmentView[]) => void>();
  #unlocked = false;
  #lastSaid = '[]';

  constructor(options: DevicesOptions) {
    this.#options = options;
  }

  /** The profiles enrolled here, with their streams' states. */
  enrolments(): EnrolmentView[] {
    return this.#keys().map((key) => {
      const status = this.#running.get(key.profileId)?.status ?? STOPPED;
      return {
        profileId: key.profileId, profileName: this.#profileName(key.profileId) ?? key.profileId, account: key.account, deviceId: key.id,
        name: key.name, enrolledAt: key.enrolledAt, numberDigits: key.numberDigits, stream: status.state, retryAt: status.retryAt, problem: status.problem,
      };
    });
  }

  onChange(listener: (enrolments: EnrolmentView[]) => void): () => void {
    this.#listeners.add(listener);
    return () => void this.#listeners.delete(listener);
  }

  /** The device answering for a profile, while the vault is unlocked. */
  answerer(profileId: string): Answerer | null {
    const running = this.#running.get(profileId);
    return running ? { api: running.api, signer: { deviceId: running.key.id, privateKey: running.key.privateKey } } : null;
  }

  async enrol(profileId: string, pairingText: string, name: string | undefined): Promise<EnrolmentView> {
    const profile = this.#options.profiles.get(profileId);
    if (profile.provider === 'truenas') throw new AuthdeskError('INVALID_INPUT', 'TrueNAS sends no push requests, so a TrueNAS profile cannot be enrolled for approvals.');
    const pairing = parsePairing(pairingText);
    const configured = profile.options[APPROVALS_OPTION]?.replace(/\/+$/, '') ?? null;
    const server = pairing.server ?? configured;
    if (server === null) throw new AuthdeskError('INVALID_INPUT', `${profile.name} names no approvals server. Paste the whole pairing link, which names it.`, { details: { field: 'pairing' } });
    if (configured !== null && pairing.server !== null && configured !== pairing.server) {
      throw new AuthdeskError('INVALID_INPUT', `This pairing link is for ${pairing.server}, but ${profile.name} uses the approvals server ${configured}. Ask the service for a link for this profile.`, { details: { field: 'pairing' } });
    }
    const account = pairing.account ?? `${profile.provider}:${profile.username}`;
    if (!account.startsWith(`${profile.provider}:`)) {
      throw new AuthdeskError('INVALID_INPUT', `This pairing link is for ${account}, not a ${profile.name} account.`, { details: { field: 'pairing' } });
    }
    const earlier = this.#running.get(profileId);
    if (earlier && earlier.status.state !== 'revoked') {
      throw new AuthdeskError('INVALID_INPUT', `${profile.name} is already enrolled here as “${earlier.key.name}”. Revoke it first to enrol again.`);
    }
    const key = await newDeviceKey();
    const api = new DeviceApi({ server, pin: pinFor(profile, server), now: () => this.#options.clock.now() });
    try {
      const enrolled = await api.enrol({ account, pairingToken: pairing.token, name: name ?? defaultName(), publicKey: key.publicJwk }, AbortSignal.timeout(30_000));
      const device: DeviceKey = {
        id: enrolled.deviceId, profileId, privateKey: key.privateKey, publicKey: key.publicKey, enrolledAt: enrolled.enrolledAt, server,
        account: enrolled.account, name: enrolled.name, numberDigits: enrolled.numberDigits, cursor: null,
      };
      await this.#stop(profileId);
      await this.#options.vault.mutate((data) => ({ ...data, devices: [...data.devices.filter((d) => d.profileId !== profileId), device] }));
      if (configured === null) await this.#options.profiles.setOption(profileId, APPROVALS_OPTION, server);
      // Streams not started (the CLI): the connection used for enrolling is done with.
      if (!this.#open(device, api)) await api.close();
      this.#changed();
      return this.enrolments().find((e) => e.profileId === profileId)!;
    } catch (error) {
      if (!this.#running.has(profileId)) await api.close();
      throw error;
    }
  }

  /** The devices of the profile's account, as its server lists them. */
  list(profileId: string): Promise<DeviceList> {
    return this.#withAnswerer(profileId, async ({ api, signer }) => {
      const listed = await api.list(signer, AbortSignal.timeout(30_000));
      return { profileId, account: listed.account, devices: listed.devices.map((d) => ({ ...d, thisDevice: d.deviceId === signer.deviceId })) };
    });
  }

  /** Revokes a device of the account; revoking this one forgets its key here. */
  async revoke(profileId: string, deviceId: string): Promise<void> {
    const own = await this.#withAnswerer(profileId, async ({ api, signer }) => {
      await api.revoke(signer, deviceId, AbortSignal.timeout(30_000));
      return deviceId === signer.deviceId;
    });
    if (own) await this.#forget(profileId);
  }

  /**
   * Resolves once every enrolled profile's stream has connected and then been quiet for
   * `quietMs`, so what the server kept for this device has been handled (the CLI lists pending
   * challenges after it); throws the failure of a stream that cannot connect.
   */
  async caughtUp(quietMs = 300, timeoutMs = 20_000): Promise<void> {
    const { clock } = this.#options;
    const deadline = clock.now() + timeoutMs;
    for (;;) {
      const streams = [...this.#running.values()];
      const failed = streams.find((r) => r.status.state === 'revoked' || (r.status.state === 'waiting' && r.status.problem !== null));
      if (failed) {
        const code = failed.status.state === 'revoked' ? 'PROVIDER_AUTH_FAILED' : 'NETWORK_ERROR';
        throw new AuthdeskError(code, `${this.#profileName(failed.key.profileId) ?? failed.key.account}: ${failed.status.problem ?? 'the challenge stream stopped.'}`);
      }
      if (streams.every((r) => r.status.state === 'connected' && clock.now() - r.lastActivity >= quietMs)) return;
      if (clock.now() > deadline) throw new AuthdeskError('NETWORK_TIMEOUT', `The approvals server did not deliver this device's requests within ${Math.round(timeoutMs / 1000)} s. Check the network, then try again.`);
      await new Promise<void>((resolve) => clock.setTimeout(resolve, 50));
    }
  }

  /** Opens every enrolled profile's stream (the vault unlocked). */
  start(): void {
    this.#unlocked = true;
    const keys = this.#keys();
    this.#options.approvals.restore(keys, (id) => this.#profileName(id));
    for (const key of keys) this.#open(key, null);
    this.#changed();
  }

  /** Closes every stream (the vault locks, or the app quits). */
  async stop(): Promise<void> {
    this.#unlocked = false;
    await Promise.all([...this.#running.keys()].map((id) => this.#stop(id)));
    this.#changed();
  }

  /** Reconnects every stream at once: back from sleep, or the screen unlocked. */
  wake(): void {
    for (const running of this.#running.values()) running.stream.wake();
  }

  /** Forgets the device of a profile that no longer exists, telling its server when it can. */
  async profilesChanged(): Promise<void> {
    if (!this.#unlocked) return;
    const ids = new Set(this.#options.profiles.list().map((p) => p.id));
    for (const key of this.#keys()) {
      if (ids.has(key.profileId)) continue;
      const running = this.#running.get(key.profileId);
      await running?.api.revoke({ deviceId: key.id, privateKey: key.privateKey }, key.id, AbortSignal.timeout(10_000)).catch(() => undefined);
      await this.#forget(key.profileId);
    }
  }

  /** Starts the key's stream; false when streams are not running (the CLI, a locked vault). */
  #open(key: DeviceKey, api: DeviceApi | null): boolean {
    if (!this.#unlocked || this.#running.has(key.profileId)) return false;
    const profile = this.#options.vault.data().profiles.find((p) => p.id === key.profileId);
    if (!profile) return false;
    const deviceApi = api ?? new DeviceApi({ server: key.server, pin: pinFor(profile, key.server), now: () => this.#options.clock.now() });
    const signer: Signer = { deviceId: key.id, privateKey: key.privateKey };
    const running: Running = {
      key,
      api: deviceApi,
      status: STOPPED,
      lastActivity: this.#options.clock.now(),
      stream: new ChallengeStream({
        api: deviceApi, signer, clock: this.#options.clock, cursor: key.cursor,
        ...(this.#options.heartbeatMs === undefined ? {} : { heartbeatMs: this.#options.heartbeatMs }),
        handle: (event, id) => {
          running.lastActivity = this.#options.clock.now();
          if (event.type === 'revoked' && event.deviceId === key.id) this.#options.approvals.forgetProfile(key.profileId);
          return this.#options.approvals.handle(key, this.#profileName(key.profileId) ?? profile.name, event, id);
        },
        status: (status) => {
          running.status = status;
          running.lastActivity = this.#options.clock.now();
          if (status.state === 'revoked') this.#options.approvals.forgetProfile(key.profileId);
          this.#changed();
        },
      }),
    };
    this.#running.set(key.profileId, running);
    running.stream.start();
    return true;
  }

  async #stop(profileId: string): Promise<void> {
    const running = this.#running.get(profileId);
    if (!running) return;
    this.#running.delete(profileId);
    await running.stream.stop();
    await running.api.close();
  }

  async #forget(profileId: string): Promise<void> {
    await this.#stop(profileId);
    this.#options.approvals.forgetProfile(profileId);
    await this.#options.vault.mutate((data) => ({ ...data, devices: data.devices.filter((d) => d.profileId !== profileId) }));
    this.#changed();
  }

  /** The running stream's device, or (streams not started: the CLI) one opened for this call. */
  async #withAnswerer<T>(profileId: string, fn: (answerer: Answerer) => Promise<T>): Promise<T> {
    const profile = this.#options.profiles.get(profileId);
    const running = this.answerer(profileId);
    if (running) return fn(running);
    const key = this.#options.vault.data().devices.find((d) => d.profileId === profileId);
    if (!key) throw new AuthdeskError('NOT_FOUND', `${profile.name} is not enrolled on this computer for push approvals. Enrol it with a pairing link first.`);
    const api = new DeviceApi({ server: key.server, pin: pinFor(profile, key.server), now: () => this.#options.clock.now() });
    try {
      return await fn({ api, signer: { deviceId: key.id, privateKey: key.privateKey } });
    } finally {
      await api.close();
    }
  }

  #keys(): readonly DeviceKey[] {
    try {
      return this.#options.vault.data().devices;
    } catch (error) {
      if (isAuthdeskError(error, 'VAULT_LOCKED')) return [];
      throw error;
    }
  }

  #profileName(profileId: string): string | null {
    return this.#options.vault.data().profiles.find((p) => p.id === profileId)?.name ?? null;
  }

  #changed(): void {
    const enrolments = this.enrolments();
    // A window hears of a change, not of every stop and start that changed nothing (a vault with no devices locking).
    const said = JSON.stringify(enrolments);
    if (said === this.#lastSaid) return;
    this.#lastSaid = said;
    for (const listener of this.#listeners) listener(enrolments);
    this.#options.approvals.streamsChanged(enrolments);
  }
}
