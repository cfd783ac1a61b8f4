// Runs in: main, preload, renderer (types only), CLI, tests.
//
// What a person fills in for a profile and what they see of one. Kept apart from profiles.ts
// so the IPC contract, which the preload bundles, carries no Node module with it.
import * as v from 'valibot';
import type { ProviderType } from '../vault/model.ts';

export const PROVIDER_TYPES = ['truenas', 'weavr', 'appgate'] as const satisfies readonly ProviderType[];
export const MAX_PROFILE_NAME = 64;

const text = (min: number, max: number) => v.pipe(v.string(), v.minLength(min), v.maxLength(max));

/** What a person fills in; the IPC contract and the CLI check inputs against this shape. */
export const profileInputShape = {
  name: text(1, MAX_PROFILE_NAME),
  provider: v.picklist(PROVIDER_TYPES),
  /** What a person pastes; the provider completes it to its endpoint. */
  url: text(1, 2048),
  username: text(1, 256),
  /** The password, or the API key when credentialKind is 'api-key'. Write-only. */
  secret: v.optional(text(1, 4096)),
  credentialKind: v.optional(v.picklist(['password', 'api-key'])),
  otpAccountId: v.optional(v.nullable(text(1, 64))),
  /** Weavr's programme key (the api-key header). Write-only. */
  programmeKey: v.optional(text(1, 256)),
  keepAlive: v.optional(v.boolean()),
};

export type ProfileInput = v.InferOutput<v.ObjectSchema<typeof profileInputShape, undefined>>;
export type ProfilePatch = Partial<ProfileInput>;

export interface ProfileView {
  readonly id: string;
  readonly name: string;
  readonly provider: ProviderType;
  readonly baseUrl: string;
  readonly username: string;
  /** Which secret is saved, never the secret. */
  readonly credential: 'password' | 'api-key' | null;
  readonly otpAccountId: string | null;
  readonly keepAlive: boolean;
  readonly programmeKeySet: boolean;
  /** The pinned SHA-256 fingerprint, or null when the system's CAs are trusted. */
  readonly certificate: string | null;
}
