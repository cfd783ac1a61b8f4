// Runs in: renderer.
//
// The profile dialog's fields, what must be filled in before saving, and the request they
// make: profiles.create for a new profile, profiles.edit with only what changed for an
// existing one (an empty secret field keeps the saved secret).
import type { ProfileView } from '../../../../electron/core/api/types.ts';
import type { ProviderId } from './providers.ts';

export interface ProfileForm {
  name: string;
  provider: ProviderId;
  url: string;
  username: string;
  credentialKind: 'password' | 'api-key';
  secret: string;
  /** '' for none: a select's value is a string. */
  otpAccountId: string;
  programmeKey: string;
  keepAlive: boolean;
}

export function requiredProblems(form: ProfileForm, secretSaved: boolean): Partial<Record<keyof ProfileForm, string>> {
  const problems: Partial<Record<keyof ProfileForm, string>> = {};
  if (form.name.trim() === '') problems.name = 'Give the profile a name, such as “Office NAS”.';
  if (form.url.trim() === '') problems.url = 'Enter the service’s address.';
  if (form.username.trim() === '') problems.username = 'Enter the username you sign in with.';
  if (form.secret === '' && !secretSaved) problems.secret = form.credentialKind === 'api-key' ? 'Enter the API key.' : 'Enter the password.';
  return problems;
}

export function profileRequest(form: ProfileForm, initial: ProfileView | null) {
  const common = {
    name: form.name.trim(),
    url: form.url.trim(),
    username: form.username.trim(),
    otpAccountId: form.otpAccountId === '' ? null : form.otpAccountId,
    ...(form.provider === 'truenas' ? { credentialKind: form.credentialKind } : {}),
    ...(form.secret === '' ? {} : { secret: form.secret }),
    ...(form.provider === 'weavr' ? { keepAlive: form.keepAlive, ...(form.programmeKey === '' ? {} : { programmeKey: form.programmeKey }) } : {}),
  };
  return initial === null ? { ...common, provider: form.provider } : { ...common, id: initial.id };
}
