// Runs in: main, preload, renderer (types only), CLI, tests.
//
// What a person fills in for a profile, as a valibot shape: the IPC contract
// (api/contract/profiles.ts) and the CLI check inputs against it, and app/profiles.ts takes its
// type. No Node imports here: the contract goes into the sandboxed preload's bundle.
import * as v from 'valibot';
import type { ProviderType } from '../vault/model.ts';

export const PROVIDER_TYPES = ['truenas', 'weavr', 'appgate'] as const satisfies readonly ProviderType[];
export const MAX_PROFILE_NAME = 64;

const text = (min: number, max: number) => v.pipe(v.string(), v.minLength(min), v.maxLength(max));

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
