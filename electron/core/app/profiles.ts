// Runs in: main, CLI, tests.
//
// Profiles: the services a person logs in to, kept in the vault with their password or API key
// (a Credential) and, for Weavr, the programme key. The window and the CLI see ProfileView,
// which says which secrets are saved and never what they are.
//
// Note (profile options): Profile.options holds what providers read from the profile:
// PIN_OPTION (the certificate pin), PROGRAMME_KEY_OPTION (Weavr's api-key header, a secret kept
// only in the vault), IDENTITY_OPTION (the Weavr identity a login acts as) and KEEP_ALIVE_OPTION.
// The Weavr client reads the same keys (providers/weavr/); change them together.
import { randomUUID } from 'node:crypto';
import type { VaultAccess } from '../accounts/vault-access.ts';
import { AuthdeskError } from '../errors.ts';
import { cleanName } from '../otp/names.ts';
import type { Clock } from '../platform/ports.ts';
import type { LoginCredential, ProviderRegistry } from '../providers/index.ts';
import { normalisePin, PIN_OPTION } from '../providers/net/certificates.ts';
import type { Credential, Profile, VaultData } from '../vault/model.ts';
import { MAX_PROFILE_NAME, type ProfileInput, type ProfilePatch, type ProfileView } from './profile-input.ts';

export const PROGRAMME_KEY_OPTION = 'programmeKey';
export const IDENTITY_OPTION = 'identityId';
export const KEEP_ALIVE_OPTION = 'keepAlive';
const WEAVR_OPTIONS = [PROGRAMME_KEY_OPTION, IDENTITY_OPTION, KEEP_ALIVE_OPTION];

export interface ProfilesOptions {
  readonly vault: VaultAccess;
  readonly providers: ProviderRegistry;
  readonly clock: Clock;
  /** Ends the profile's session before it changes address or account, or goes. */
  readonly endSession: (profile: Profile) => Promise<void>;
  readonly newId?: () => string;
}

function invalid(field: string, message: string): AuthdeskError {
  return new AuthdeskError('INVALID_INPUT', message, { details: { field } });
}

export function profileView(profile: Profile, credentials: readonly Credential[]): ProfileView {
  const credential = credentials.find((c) => c.id === profile.credentialId);
  return {
    id: profile.id,
    name: profile.name,
    provider: profile.provider,
    baseUrl: profile.baseUrl,
    username: profile.username,
    credential: credential?.kind ?? null,
    otpAccountId: profile.otpAccountId,
    keepAlive: profile.options[KEEP_ALIVE_OPTION] === 'on',
    programmeKeySet: Boolean(profile.options[PROGRAMME_KEY_OPTION]),
    certificate: normalisePin(profile.options[PIN_OPTION]),
  };
}

export class ProfilesService {
  readonly #options: ProfilesOptions;
  readonly #newId: () => string;
  readonly #listeners = new Set<(views: ProfileView[]) => void>();

  constructor(options: ProfilesOptions) {
    this.#options = options;
    this.#newId = options.newId ?? randomUUID;
  }

  list(): ProfileView[] {
    const data = this.#options.vault.data();
    return data.profiles.map((profile) => profileView(profile, data.credentials));
  }

  /** The profile itself, options and all; NOT_FOUND when it is gone. For core only. */
  get(id: string): Profile {
    const profile = this.#options.vault.data().profiles.find((p) => p.id === id);
    if (!profile) throw new AuthdeskError('NOT_FOUND', 'This profile no longer exists.');
    return profile;
  }

  /** The saved password or API key, for a login. */
  credential(profile: Profile): LoginCredential | null {
    const credential = this.#options.vault.data().credentials.find((c) => c.id === profile.credentialId);
    return credential ? { kind: credential.kind, secret: credential.secret } : null;
  }

  onChange(listener: (views: ProfileView[]) => void): () => void {
    this.#listeners.add(listener);
    return () => void this.#listeners.delete(listener);
  }

  async create(input: ProfileInput): Promise<ProfileView> {
    const id = this.#newId();
    return this.#write(id, (data) => {
      const profile = this.#checked(data, { id, credentialId: null, otpAccountId: null, options: {} }, input);
      return this.#withCredential(data, profile, input);
    });
  }

  async edit(id: string, patch: ProfilePatch): Promise<ProfileView> {
    const before = this.get(id);
    const reaches = (profile: Profile): string => `${profile.provider} ${profile.baseUrl} ${profile.username}`;
    // A new secret, or a new address or account, is a different login: the old session ends.
    const changesLogin = patch.secret !== undefined || patch.programmeKey !== undefined || patch.credentialKind !== undefined;
    const next = await this.#write(id, (data) => {
      const current = data.profiles.find((p) => p.id === id);
      if (!current) throw new AuthdeskError('NOT_FOUND', 'This profile no longer exists.');
      const input: ProfileInput = { ...this.#inputOf(current), ...patch };
      let profile = this.#checked(data, current, input);
      // A pin vouches for one server: a new address must earn its own.
      if (profile.baseUrl !== current.baseUrl || profile.provider !== current.provider) profile = withOption(profile, PIN_OPTION, null);
      return this.#withCredential(data, profile, input);
    });
    const after = this.get(id);
    if (changesLogin || reaches(after) !== reaches(before)) await this.#options.endSession(before);
    return next;
  }

  async remove(id: string): Promise<void> {
    const profile = this.get(id);
    await this.#options.endSession(profile);
    await this.#options.vault.mutate((data) => ({
      ...data,
      profiles: data.profiles.filter((p) => p.id !== id),
      credentials: data.credentials.filter((c) => c.id !== profile.credentialId),
      sessions: data.sessions.filter((s) => s.profileId !== id),
    }));
    this.#emit();
  }

  /** Pins the fingerprint the person compared; the only way a changed certificate is accepted. */
  async trustCertificate(id: string, fingerprint: string): Promise<ProfileView> {
    const pin = normalisePin(fingerprint);
    if (pin === null) throw invalid('fingerprint', 'That is not a SHA-256 fingerprint (32 pairs of hex digits separated by colons).');
    await this.#update(id, (profile) => withOption(profile, PIN_OPTION, pin));
    return this.list().find((view) => view.id === id)!;
  }

  /** Links the vault account that answers the profile's OTP step (a seed the service issued). */
  async linkOtpAccount(id: string, accountId: string): Promise<void> {
    await this.#update(id, (profile) => ({ ...profile, otpAccountId: accountId }));
  }

  /** Sets or clears one of Profile.options (the identity a switch chose). */
  async setOption(id: string, key: string, value: string | null): Promise<Profile> {
    await this.#update(id, (profile) => withOption(profile, key, value));
    return this.get(id);
  }

  async #update(id: string, change: (profile: Profile) => Profile): Promise<void> {
    await this.#options.vault.mutate((data) => {
      if (!data.profiles.some((p) => p.id === id)) throw new AuthdeskError('NOT_FOUND', 'This profile no longer exists.');
      return { ...data, profiles: data.profiles.map((p) => (p.id === id ? change(p) : p)) };
    });
    this.#emit();
  }

  async #write(id: string, change: (data: VaultData) => VaultData): Promise<ProfileView> {
    const data = await this.#options.vault.mutate(change);
    this.#emit();
    const profile = data.profiles.find((p) => p.id === id)!;
    return profileView(profile, data.credentials);
  }

  #inputOf(profile: Profile): ProfileInput {
    return { name: profile.name, provider: profile.provider, url: profile.baseUrl, username: profile.username, otpAccountId: profile.otpAccountId };
  }

  /** The profile the input describes, checked field by field against the vault it joins. */
  #checked(data: VaultData, base: Pick<Profile, 'id' | 'credentialId' | 'otpAccountId' | 'options'>, input: ProfileInput): Profile {
    const name = cleanName(input.name);
    if (name === '' || name.length > MAX_PROFILE_NAME) throw invalid('name', `Give the profile a name of 1 to ${MAX_PROFILE_NAME} characters.`);
    if (data.profiles.some((p) => p.id !== base.id && p.name.toLowerCase() === name.toLowerCase())) {
      throw invalid('name', `A profile named "${name}" already exists. Choose another name.`);
    }
    const username = input.username.trim();
    if (username === '') throw invalid('username', 'Type the username you log in with.');
    let baseUrl: string;
    try {
      baseUrl = this.#options.providers.get(input.provider).baseUrl(input.url.trim());
    } catch (error) {
      if (error instanceof AuthdeskError && error.code === 'INVALID_INPUT') throw invalid('url', error.message);
      throw error;
    }
    const otpAccountId = input.otpAccountId === undefined ? base.otpAccountId : input.otpAccountId;
    if (otpAccountId !== null && !data.accounts.some((a) => a.id === otpAccountId)) throw invalid('otpAccountId', 'The OTP account chosen for this profile is not in the vault.');
    if (input.credentialKind === 'api-key' && input.provider !== 'truenas') throw invalid('credentialKind', 'Only TrueNAS profiles can log in with an API key instead of a password.');
    if (input.programmeKey !== undefined && input.provider !== 'weavr') throw invalid('programmeKey', 'Only Weavr profiles take a programme key.');
    if (input.keepAlive === true && input.provider !== 'weavr') throw invalid('keepAlive', 'Only Weavr sessions can be kept alive.');
    // Weavr's settings mean nothing to another service, and its programme key is a secret to drop.
    let options = input.provider === 'weavr' ? base.options : WEAVR_OPTIONS.reduce((kept, key) => withoutOption(kept, key), base.options);
    if (input.programmeKey !== undefined) options = { ...options, [PROGRAMME_KEY_OPTION]: input.programmeKey };
    if (input.keepAlive !== undefined) options = { ...options, [KEEP_ALIVE_OPTION]: input.keepAlive ? 'on' : 'off' };
    return { ...base, name, provider: input.provider, baseUrl, username, otpAccountId, options };
  }

  /** Saves the profile with its credential: a new secret replaces the saved one, none keeps it. */
  #withCredential(data: VaultData, profile: Profile, input: ProfileInput): VaultData {
    const at = this.#options.clock.now();
    const saved = data.credentials.find((c) => c.id === profile.credentialId);
    if (input.secret === undefined && saved && input.credentialKind !== undefined && input.credentialKind !== saved.kind) {
      throw invalid('secret', input.credentialKind === 'api-key' ? 'Type the API key to use instead of the password.' : 'Type the password to use instead of the API key.');
    }
    const credential: Credential | null =
      input.secret === undefined
        ? saved ? { ...saved, label: profile.name, username: profile.username } : null
        : { id: saved?.id ?? this.#newId(), kind: input.credentialKind ?? 'password', label: profile.name, username: profile.username, secret: input.secret, createdAt: saved?.createdAt ?? at, updatedAt: at };
    const credentials = credential ? [...data.credentials.filter((c) => c.id !== credential.id), credential] : data.credentials;
    const next = { ...profile, credentialId: credential?.id ?? null };
    const profiles = data.profiles.some((p) => p.id === next.id) ? data.profiles.map((p) => (p.id === next.id ? next : p)) : [...data.profiles, next];
    return { ...data, profiles, credentials };
  }

  #emit(): void {
    if (this.#listeners.size === 0) return;
    const views = this.list();
    for (const listener of this.#listeners) listener(views);
  }
}

function withoutOption(options: Profile['options'], key: string): Profile['options'] {
  const { [key]: _dropped, ...rest } = options;
  return rest;
}

function withOption(profile: Profile, key: string, value: string | null): Profile {
  const rest = withoutOption(profile.options, key);
  return { ...profile, options: value === null ? rest : { ...rest, [key]: value } };
}
